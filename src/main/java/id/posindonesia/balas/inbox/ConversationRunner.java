package id.posindonesia.balas.inbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Works through a cue's conversation: takes its lease, processes its inbox in timestamp order one event at a time,
 * and lets go. An event that failed is attempted again by a timer at its retry time; the cue stays pending (and
 * in {@link #inFlight()}, kept alive for the group) until then, so that a crash hands it to another instance.
 */
class ConversationRunner {

	private static final Logger log = LoggerFactory.getLogger(ConversationRunner.class);

	private final ReactiveStringRedisTemplate redis;

	private final ConversationLock lock;

	private final EventAttempts attempts;

	private final InboundEventHandler handler;

	private final InboxProperties properties;

	private final String consumerName;

	private final Mono<Void> stopping;

	// cues this instance is working on or waiting to retry, so that its own claims never take them over
	private final Set<RecordId> inFlight = ConcurrentHashMap.newKeySet();

	// cleared first thing on stop, so that conversations are left between two events, not in the middle of one
	private volatile boolean working = true;

	ConversationRunner(ReactiveStringRedisTemplate redis, EventAttempts attempts, InboundEventHandler handler,
			InboxProperties properties, String consumerName, Mono<Void> stopping) {
		this.redis = redis;
		this.lock = new ConversationLock(redis, properties);
		this.attempts = attempts;
		this.handler = handler;
		this.properties = properties;
		this.consumerName = consumerName;
		this.stopping = stopping;
	}

	Set<RecordId> inFlight() {
		return Set.copyOf(inFlight);
	}

	void stop() {
		working = false;
	}

	/** Completes once the conversation is worked through as far as it can be now. */
	Mono<Void> process(Cue cue) {
		if (!working || !inFlight.add(cue.id())) {
			return Mono.empty();
		}
		return run(cue);
	}

	private Mono<Void> run(Cue cue) {
		return workThrough(cue).doOnNext(outcome -> {
			if (outcome.retryAt() > 0) {
				retryLater(cue, outcome.retryAt());
			}
			else {
				inFlight.remove(cue.id());
			}
		}).then().onErrorResume(ex -> {
			inFlight.remove(cue.id());
			log.warn("Processing after event {} failed; its conversation's events stay pending: {}", cue.id(),
					ex.getClass().getName());
			return Mono.empty();
		});
	}

	/** The timer does not hold a processing slot; it ends early, leaving the cue pending, when the worker stops. */
	private void retryLater(Cue cue, long retryAt) {
		Mono.delay(Duration.ofMillis(Math.max(0, retryAt - System.currentTimeMillis())))
			.takeUntilOther(stopping)
			.flatMap(tick -> run(cue).thenReturn(true))
			.switchIfEmpty(Mono.fromRunnable(() -> inFlight.remove(cue.id())))
			.subscribe();
	}

	/** Repeats while events were recorded between the inbox's last look and the lease's release. */
	private Mono<Outcome> workThrough(Cue cue) {
		String owner = consumerName + "/" + cue.id().getValue();
		return Mono.defer(() -> leasedDrain(cue, owner))
			.repeat()
			.takeUntil(outcome -> outcome != Outcome.AGAIN)
			.last();
	}

	private Mono<Outcome> leasedDrain(Cue cue, String owner) {
		String conversationId = cue.conversationId();
		return lock.tryAcquire(conversationId, owner)
			.flatMap(held -> !held ? Mono.just(Outcome.LOCKED_ELSEWHERE)
					: Mono.usingWhen(Mono.just(owner), token -> drain(conversationId, token),
							token -> lock.release(conversationId, token)))
			// an event recorded while the lease was held may have lost its own race for it; an empty inbox
			// acknowledges the cue (its event was acknowledged when done, but it may have left the inbox otherwise)
			.flatMap(outcome -> outcome != Outcome.EMPTIED ? Mono.just(outcome)
					: redis
						.execute(LuaScripts.SETTLE_CUE, List.of(InboxKeys.inbox(conversationId), InboxKeys.EVENTS),
								List.of(InboxKeys.GROUP, cue.id().getValue()))
						.next()
						.map(waiting -> waiting == 0 ? Outcome.EMPTIED : Outcome.AGAIN));
	}

	/** One event after the other, as a loop rather than a chain of operators that grows with every event. */
	private Mono<Outcome> drain(String conversationId, String owner) {
		return Mono.defer(() -> next(conversationId, owner))
			.repeat()
			.takeUntil(outcome -> outcome != Outcome.CONTINUE)
			.last();
	}

	private Mono<Outcome> next(String conversationId, String owner) {
		if (!working) {
			return Mono.just(Outcome.STOPPED);
		}
		return redis
			.execute(LuaScripts.NEXT_EVENT,
					List.of(InboxKeys.inbox(conversationId), InboxKeys.ATTEMPTS, InboxKeys.EVENTS),
					List.of(Long.toString(System.currentTimeMillis())))
			.next()
			.filter(next -> !next.isEmpty())
			.flatMap(next -> {
				String member = next.get(0);
				long retryAt = Long.parseLong(next.get(1));
				if (retryAt > 0) {
					return Mono.just(Outcome.retryAt(retryAt));
				}
				if (next.size() == 2) {
					log.warn("Event {} of an inbox was trimmed from the stream before it was processed",
							InboxKeys.streamId(member).getValue());
					return attempts.complete(conversationId, member).thenReturn(Outcome.CONTINUE);
				}
				return handle(conversationId, owner, member, fields(next.subList(2, next.size())));
			})
			.defaultIfEmpty(Outcome.EMPTIED);
	}

	private Mono<Outcome> handle(String conversationId, String owner, String member, Map<String, String> fields) {
		EventContext context = new EventContext(InboxKeys.streamId(member).getTimestamp(),
				InboxKeys.lock(conversationId), owner);
		return whileLeased(conversationId, owner, Mono.defer(() -> handler.handle(toEvent(fields), context)))
			.timeout(properties.handlerTimeout())
			.then(attempts.complete(conversationId, member))
			.thenReturn(Outcome.CONTINUE)
			.onErrorResume(LeaseLost.class, lost -> Mono.just(Outcome.LOCKED_ELSEWHERE))
			.onErrorResume(ex -> attempts.failed(conversationId, member, ex)
				.map(Outcome::retryAt)
				.defaultIfEmpty(Outcome.CONTINUE));
	}

	/**
	 * Renews the lease while the handler runs, and cancels the handler if the lease was lost (this instance stalled
	 * past it and another took over), so that two holders never act on one conversation at once.
	 */
	private Mono<Void> whileLeased(String conversationId, String owner, Mono<Void> work) {
		Mono<Void> leaseLost = Flux.interval(properties.lockLease().dividedBy(3))
			.concatMap(tick -> lock.tryAcquire(conversationId, owner))
			.filter(held -> !held)
			.next()
			.then(Mono.error(LeaseLost::new));
		return Mono.firstWithSignal(work, leaseLost);
	}

	private static Map<String, String> fields(List<String> namesAndValues) {
		Map<String, String> fields = new HashMap<>();
		for (int i = 0; i + 1 < namesAndValues.size(); i += 2) {
			fields.put(namesAndValues.get(i), namesAndValues.get(i + 1));
		}
		return fields;
	}

	private static InboundEvent toEvent(Map<String, String> fields) {
		return new InboundEvent(EventKind.fromCode(field(fields, "kind")), field(fields, "account"),
				field(fields, "customer"), Long.parseLong(field(fields, "timestamp")), field(fields, "dedupe"),
				field(fields, "payload"));
	}

	private static String field(Map<String, String> fields, String name) {
		return String.valueOf(fields.get(name));
	}

	/** How far a conversation got; {@code retryAt} is set when its first event waits for its next attempt. */
	private record Outcome(String name, long retryAt) {

		static final Outcome CONTINUE = new Outcome("continue", 0);

		static final Outcome EMPTIED = new Outcome("emptied", 0);

		static final Outcome AGAIN = new Outcome("again", 0);

		static final Outcome LOCKED_ELSEWHERE = new Outcome("locked elsewhere", 0);

		static final Outcome STOPPED = new Outcome("stopped", 0);

		static Outcome retryAt(long at) {
			return new Outcome("retry", at);
		}

	}

	private static final class LeaseLost extends RuntimeException {

		LeaseLost() {
			super("the conversation's lease passed to another holder", null, false, false);
		}

	}

}
