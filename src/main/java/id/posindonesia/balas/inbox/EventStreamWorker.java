package id.posindonesia.balas.inbox;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.stream.StreamReceiver;
import org.springframework.data.redis.stream.StreamReceiver.StreamReceiverOptions;
import org.springframework.stereotype.Component;

/**
 * The read side of the pipeline. Every instance joins one consumer group on the events stream; a delivered stream
 * entry is a cue to lock its conversation and work through that conversation's inbox in timestamp order. Entries
 * stay pending until their conversation is done, so entries of an instance that died are claimed by a live one.
 */
@Component
class EventStreamWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventStreamWorker.class);

	private static final int CLAIM_BATCH = 100;

	private final ReactiveStringRedisTemplate redis;

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final ConversationLock lock;

	private final InboundEventHandler handler;

	private final InboxProperties properties;

	private final String consumerName = consumerName();

	private final Counter deadLettered;

	private final Counter failures;

	// cues this instance is working on, so that its own claim loop never takes them over
	private final Set<RecordId> inFlight = ConcurrentHashMap.newKeySet();

	private volatile Running running;

	// cleared first thing on stop, so that conversations are left between two events, not in the middle of one
	private volatile boolean working;

	EventStreamWorker(ReactiveStringRedisTemplate redis, ReactiveRedisConnectionFactory connectionFactory,
			ConversationLock lock, InboundEventHandler handler, InboxProperties properties, MeterRegistry meters) {
		this.redis = redis;
		this.connectionFactory = connectionFactory;
		this.lock = lock;
		this.handler = handler;
		this.properties = properties;
		this.deadLettered = Counter.builder("balas.events.dead_lettered").register(meters);
		this.failures = Counter.builder("balas.events.failures").register(meters);
	}

	@Override
	public void start() {
		Sinks.Empty<Void> stopping = Sinks.empty();
		Mono<Void> finished = Mono.when(consumeNewEvents(stopping.asMono()), claimAbandonedEvents(stopping.asMono()))
			.cache();
		working = true;
		running = new Running(stopping, finished, finished.subscribe());
		log.info("Consuming {} as {}", InboxKeys.EVENTS, consumerName);
	}

	/** Stops taking events, lets those in progress finish for a while, then abandons the rest to other instances. */
	@Override
	public void stop() {
		Running current = running;
		if (current == null) {
			return;
		}
		working = false;
		current.stopping().tryEmitEmpty();
		current.finished().timeout(properties.shutdownGrace(), Mono.empty()).block();
		current.subscription().dispose();
		running = null;
	}

	@Override
	public boolean isRunning() {
		return running != null;
	}

	private Mono<Long> createGroup() {
		return redis.execute(LuaScripts.CREATE_GROUP, List.of(InboxKeys.EVENTS), List.of(InboxKeys.GROUP)).next();
	}

	private Flux<Void> consumeNewEvents(Mono<Void> stopping) {
		StreamReceiverOptions<String, MapRecord<String, String, String>> options = StreamReceiverOptions.builder()
			.batchSize(properties.concurrency())
			.build();
		StreamReceiver<String, MapRecord<String, String, String>> receiver = StreamReceiver.create(connectionFactory,
				options);
		return createGroup()
			.thenMany(receiver.receive(Consumer.from(InboxKeys.GROUP, consumerName),
					StreamOffset.create(InboxKeys.EVENTS, ReadOffset.lastConsumed())))
			// only reading is retried, so that a broken connection does not cancel events in progress
			.retryWhen(Retry.backoff(Long.MAX_VALUE, properties.claimInterval().dividedBy(10))
				.maxBackoff(properties.claimInterval())
				.doBeforeRetry(signal -> log.warn("Event stream read failed, retrying: {}", signal.failure().toString())))
			.takeUntilOther(stopping)
			.flatMap(this::process, properties.concurrency());
	}

	private Flux<Void> claimAbandonedEvents(Mono<Void> stopping) {
		return Flux.interval(properties.claimInterval())
			// a claim round slower than the interval skips ticks rather than failing the loop
			.onBackpressureDrop()
			.takeUntilOther(stopping)
			.concatMap(tick -> claimAbandoned().concatWith(trimExpired().then(forgetIdleConsumers()).then(Mono.empty()))
				.onErrorResume(ex -> {
					log.warn("Claiming abandoned events failed: {}", ex.toString());
					return Mono.empty();
				}));
	}

	private Flux<Void> claimAbandoned() {
		return redis.opsForStream()
			.pending(InboxKeys.EVENTS, InboxKeys.GROUP, Range.unbounded(), CLAIM_BATCH)
			.flatMapMany(pending -> {
				RecordId[] idle = pending.stream()
					.filter(message -> message.getElapsedTimeSinceLastDelivery().compareTo(properties.claimMinIdle()) >= 0)
					.map(PendingMessage::getId)
					.filter(id -> !inFlight.contains(id))
					.toArray(RecordId[]::new);
				if (idle.length == 0) {
					return Flux.empty();
				}
				return redis.opsForStream()
					.claim(InboxKeys.EVENTS, InboxKeys.GROUP, consumerName, properties.claimMinIdle(), idle)
					.map(EventStreamWorker::asStrings);
			})
			.doOnNext(record -> log.info("Claimed abandoned event {}", record.getId()))
			.flatMap(this::process, properties.concurrency());
	}

	private Mono<Long> trimExpired() {
		long oldestKept = System.currentTimeMillis() - properties.retention().toMillis();
		return redis.execute(LuaScripts.TRIM_EVENTS, List.of(InboxKeys.EVENTS), List.of(oldestKept + "-0")).next();
	}

	/** Every restart joins the group under a new name; names with nothing pending are dropped once long idle. */
	private Mono<Void> forgetIdleConsumers() {
		return redis.opsForStream()
			.consumers(InboxKeys.EVENTS, InboxKeys.GROUP)
			.filter(consumer -> consumer.pendingCount() == 0 && !consumer.consumerName().equals(consumerName)
					&& consumer.idleTime().compareTo(properties.retention()) > 0)
			.flatMap(consumer -> redis.opsForStream()
				.deleteConsumer(InboxKeys.EVENTS, Consumer.from(InboxKeys.GROUP, consumer.consumerName())))
			.then();
	}

	/**
	 * Works through the cue's conversation. The cue stays pending (and is claimed again later) while its conversation
	 * is locked elsewhere or holds an event waiting for its next attempt.
	 */
	Mono<Void> process(MapRecord<String, String, String> cue) {
		if (!inFlight.add(cue.getId())) {
			return Mono.empty();
		}
		String conversationId = cue.getValue().get("account") + ":" + cue.getValue().get("customer");
		return workThrough(conversationId, consumerName + "/" + cue.getId().getValue())
			.filter(Boolean::booleanValue)
			// completed events were acknowledged one by one; this also clears a cue whose event left the inbox otherwise
			.flatMap(emptied -> redis.opsForStream().acknowledge(InboxKeys.EVENTS, InboxKeys.GROUP, cue.getId()))
			.then()
			.onErrorResume(ex -> {
				log.warn("Processing after event {} failed; its conversation's events stay pending: {}", cue.getId(),
						ex.getClass().getName());
				return Mono.empty();
			})
			.doFinally(signal -> inFlight.remove(cue.getId()));
	}

	/** True when the inbox was left empty; false when it must wait for another holder or for a retry. */
	private Mono<Boolean> workThrough(String conversationId, String owner) {
		return lock.tryAcquire(conversationId, owner).flatMap(held -> !held ? Mono.just(false)
				: Mono.usingWhen(Mono.just(owner), token -> drain(conversationId, token),
						token -> lock.release(conversationId, token))
					// an event recorded while the lock was held may have lost its own race for the lock
					.flatMap(emptied -> emptied ? recordedMeanwhile(conversationId, owner) : Mono.just(false)));
	}

	private Mono<Boolean> recordedMeanwhile(String conversationId, String owner) {
		return redis.opsForZSet()
			.size(InboxKeys.inbox(conversationId))
			.flatMap(waiting -> waiting == 0 ? Mono.just(true) : workThrough(conversationId, owner));
	}

	/** Completes with true when the inbox is empty, false when its first event has to wait or the worker stops. */
	private Mono<Boolean> drain(String conversationId, String owner) {
		if (!working) {
			return Mono.just(false);
		}
		return redis.opsForZSet()
			.range(InboxKeys.inbox(conversationId), Range.closed(0L, 0L))
			.next()
			.flatMap(eventId -> processEvent(conversationId, eventId))
			.flatMap(carryOn -> carryOn ? lock.tryAcquire(conversationId, owner) : Mono.just(false))
			.flatMap(carryOn -> carryOn ? Mono.defer(() -> drain(conversationId, owner)) : Mono.just(false))
			.defaultIfEmpty(true);
	}

	private Mono<Boolean> processEvent(String conversationId, String eventId) {
		return redis.<String, String>opsForHash()
			.get(InboxKeys.ATTEMPTS, eventId + ":retry-at")
			.map(Long::parseLong)
			.defaultIfEmpty(0L)
			.flatMap(retryAt -> retryAt > System.currentTimeMillis() ? Mono.just(false) : handle(conversationId, eventId));
	}

	private Mono<Boolean> handle(String conversationId, String eventId) {
		return redis.opsForStream()
			.range(InboxKeys.EVENTS, Range.closed(eventId, eventId))
			.next()
			.map(EventStreamWorker::asStrings)
			.flatMap(record -> Mono
				.defer(() -> handler.handle(toEvent(record.getValue()), record.getId().getTimestamp()))
				.timeout(properties.handlerTimeout())
				.then(complete(conversationId, eventId))
				.onErrorResume(ex -> failed(conversationId, eventId, ex)))
			.switchIfEmpty(Mono.defer(() -> {
				log.warn("Event {} of an inbox was trimmed from the stream before it was processed", eventId);
				return complete(conversationId, eventId);
			}));
	}

	private Mono<Boolean> complete(String conversationId, String eventId) {
		return redis
			.execute(LuaScripts.COMPLETE_EVENT,
					List.of(InboxKeys.inbox(conversationId), InboxKeys.ATTEMPTS, InboxKeys.EVENTS),
					List.of(eventId, InboxKeys.GROUP))
			.then(Mono.just(true));
	}

	/**
	 * Counts the failure and schedules the next attempt; an event out of attempts goes to the dead-letter stream and
	 * the conversation moves on. Logs name the failure's type only: messages can quote what the customer wrote.
	 */
	private Mono<Boolean> failed(String conversationId, String eventId, Throwable error) {
		failures.increment();
		return redis
			.execute(LuaScripts.FAIL_EVENT, List.of(InboxKeys.ATTEMPTS),
					List.of(eventId, Long.toString(System.currentTimeMillis()),
							Long.toString(properties.firstRetryDelay().toMillis())))
			.next()
			.flatMap(attempts -> {
				if (attempts < properties.maxAttempts()) {
					log.warn("Event {} failed (attempt {} of {}) with {}, retrying later", eventId, attempts,
							properties.maxAttempts(), error.getClass().getName());
					return Mono.just(false);
				}
				log.error("Event {} failed {} times, last with {}; it goes to {}", eventId, attempts,
						error.getClass().getName(), InboxKeys.DEAD_LETTER);
				deadLettered.increment();
				return redis
					.execute(LuaScripts.DEAD_LETTER_EVENT,
							List.of(InboxKeys.inbox(conversationId), InboxKeys.ATTEMPTS, InboxKeys.EVENTS,
									InboxKeys.DEAD_LETTER),
							List.of(eventId, InboxKeys.GROUP, String.valueOf(error),
									Long.toString(properties.deadLetterCapacity())))
					.then(Mono.just(true));
			});
	}

	private static InboundEvent toEvent(Map<String, String> fields) {
		return new InboundEvent(EventKind.fromCode(fields.get("kind")), fields.get("account"), fields.get("customer"),
				Long.parseLong(fields.get("timestamp")), fields.get("dedupe"), fields.get("payload"));
	}

	private static MapRecord<String, String, String> asStrings(MapRecord<String, Object, Object> record) {
		return StreamRecords.newRecord()
			.in(record.getStream())
			.withId(record.getId())
			.ofMap(record.getValue())
			.mapEntries(entry -> Map.entry(String.valueOf(entry.getKey()), String.valueOf(entry.getValue())));
	}

	private static String consumerName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown-host";
		}
		return host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-"
				+ UUID.randomUUID().toString().substring(0, 8);
	}

	private record Running(Sinks.Empty<Void> stopping, Mono<Void> finished, Disposable subscription) {
	}

}
