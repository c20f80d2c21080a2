package id.posindonesia.balas.inbox;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.stream.ByteBufferRecord;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The read side of the pipeline, one per instance. Every instance joins one consumer group on the events stream and
 * consumes new entries as cues for a {@link ConversationRunner}; an {@link AbandonedEventClaimer} takes over what
 * dead instances left, and {@link StreamHousekeeping} keeps the stream bounded.
 */
@Component
class EventStreamWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventStreamWorker.class);

	// how long a read waits for new entries before it is made again; below spring.data.redis.timeout
	private static final Duration POLL_TIMEOUT = Duration.ofSeconds(2);

	private final ReactiveStringRedisTemplate redis;

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final InboundEventHandler handler;

	private final InboxProperties properties;

	private final EventAttempts attempts;

	private volatile Running running;

	EventStreamWorker(ReactiveStringRedisTemplate redis, ReactiveRedisConnectionFactory connectionFactory,
			InboundEventHandler handler, InboxProperties properties, MeterRegistry meters) {
		this.redis = redis;
		this.connectionFactory = connectionFactory;
		this.handler = handler;
		this.properties = properties;
		this.attempts = new EventAttempts(redis, properties, meters);
	}

	/** Joins the group under a new consumer name: a restarted instance is a new consumer. */
	@Override
	public synchronized void start() {
		if (running != null) {
			return;
		}
		String consumerName = consumerName();
		Sinks.Empty<Void> stopping = Sinks.empty();
		ConversationRunner runner = new ConversationRunner(redis, attempts, handler, properties, consumerName,
				stopping.asMono());
		Mono<Void> finished = Mono
			.when(consumeNewEvents(runner, consumerName, stopping.asMono()),
					new AbandonedEventClaimer(redis, runner, properties, consumerName).run(stopping.asMono()),
					new StreamHousekeeping(redis, properties, consumerName).run(stopping.asMono()))
			.cache();
		running = new Running(runner, stopping, finished, finished.subscribe());
		log.info("Consuming {} as {}", InboxKeys.EVENTS, consumerName);
	}

	/** Stops taking events, lets those in progress finish for a while, then abandons the rest to other instances. */
	@Override
	public synchronized void stop() {
		Running current = running;
		if (current == null) {
			return;
		}
		current.runner().stop();
		current.stopping().tryEmitEmpty();
		current.finished().timeout(properties.shutdownGrace(), Mono.empty()).block();
		current.subscription().dispose();
		running = null;
	}

	@Override
	public boolean isRunning() {
		return running != null;
	}

	/**
	 * Reads new entries on one connection of its own, held for as long as the worker runs: a blocking read holds its
	 * connection, and Spring's {@code StreamReceiver} opened (and closed) one for every read, a connection per event
	 * or two at a modest rate. A read asks for as many entries as may be processed at once, and only when a
	 * processing slot is free.
	 */
	private Flux<Void> consumeNewEvents(ConversationRunner runner, String consumerName, Mono<Void> stopping) {
		Consumer consumer = Consumer.from(InboxKeys.GROUP, consumerName);
		StreamReadOptions options = StreamReadOptions.empty().count(properties.concurrency()).block(POLL_TIMEOUT);
		StreamOffset<ByteBuffer> newEntries = StreamOffset.create(ByteBuffer.wrap(InboxKeys.EVENTS.getBytes(UTF_8)),
				ReadOffset.lastConsumed());
		return createGroup()
			.thenMany(Flux.usingWhen(Mono.fromSupplier(connectionFactory::getReactiveConnection),
					connection -> Flux.defer(() -> connection.streamCommands().xReadGroup(consumer, options, newEntries))
						.repeat(),
					ReactiveRedisConnection::closeLater))
			// only reading is retried, so that a broken connection does not cancel events in progress
			.retryWhen(Retry.backoff(Long.MAX_VALUE, properties.claimInterval().dividedBy(10))
				.maxBackoff(properties.claimInterval())
				.doBeforeRetry(signal -> log.warn("Event stream read failed, retrying: {}", signal.failure().toString())))
			.takeUntilOther(stopping)
			.flatMap(record -> runner.process(Cue.of(record.getId(), fields(record))), properties.concurrency());
	}

	private static Map<String, String> fields(ByteBufferRecord record) {
		Map<String, String> fields = new HashMap<>();
		record.getValue().forEach((field, value) -> fields.put(UTF_8.decode(field.duplicate()).toString(),
				UTF_8.decode(value.duplicate()).toString()));
		return fields;
	}

	private Mono<Long> createGroup() {
		return redis.execute(LuaScripts.CREATE_GROUP, List.of(InboxKeys.EVENTS), List.of(InboxKeys.GROUP)).next();
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

	private record Running(ConversationRunner runner, Sinks.Empty<Void> stopping, Mono<Void> finished,
			Disposable subscription) {
	}

}
