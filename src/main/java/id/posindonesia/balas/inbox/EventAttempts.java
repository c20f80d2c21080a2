package id.posindonesia.balas.inbox;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The bookkeeping of one event's attempts: done, failed and due again later, or out of attempts and moved to the
 * dead-letter stream. Logs name a failure's type only: messages can quote what the customer wrote.
 */
class EventAttempts {

	private static final Logger log = LoggerFactory.getLogger(EventAttempts.class);

	private final ReactiveStringRedisTemplate redis;

	private final InboxProperties properties;

	private final Counter deadLettered;

	private final Counter failures;

	EventAttempts(ReactiveStringRedisTemplate redis, InboxProperties properties, MeterRegistry meters) {
		this.redis = redis;
		this.properties = properties;
		this.deadLettered = Counter.builder("balas.events.dead_lettered").register(meters);
		this.failures = Counter.builder("balas.events.failures").register(meters);
	}

	/** Out of the inbox, its failures forgotten, its stream entry acknowledged. */
	Mono<Void> complete(String conversationId, String member) {
		return redis
			.execute(LuaScripts.COMPLETE_EVENT,
					List.of(InboxKeys.inbox(conversationId), InboxKeys.ATTEMPTS, InboxKeys.EVENTS),
					List.of(InboxKeys.streamId(member).getValue(), InboxKeys.GROUP, member))
			.then();
	}

	/**
	 * Counts the failure. Completes with the time of the next attempt, or with nothing when the event ran out of
	 * attempts and was dead-lettered, so that its conversation moves on.
	 */
	Mono<Long> failed(String conversationId, String member, Throwable error) {
		failures.increment();
		String eventId = InboxKeys.streamId(member).getValue();
		return redis
			.execute(LuaScripts.FAIL_EVENT, List.of(InboxKeys.ATTEMPTS),
					List.of(eventId, Long.toString(System.currentTimeMillis()),
							Long.toString(properties.firstRetryDelay().toMillis())))
			.next()
			.flatMap(outcome -> {
				long attempts = outcome.get(0);
				if (attempts < properties.maxAttempts()) {
					log.warn("Event {} failed (attempt {} of {}) with {}, retrying later", eventId, attempts,
							properties.maxAttempts(), error.getClass().getName());
					return Mono.just(outcome.get(1));
				}
				log.error("Event {} failed {} times, last with {}; it goes to {}", eventId, attempts,
						error.getClass().getName(), InboxKeys.DEAD_LETTER);
				deadLettered.increment();
				return redis
					.execute(LuaScripts.DEAD_LETTER_EVENT,
							List.of(InboxKeys.inbox(conversationId), InboxKeys.ATTEMPTS, InboxKeys.EVENTS,
									InboxKeys.DEAD_LETTER),
							List.of(eventId, InboxKeys.GROUP, String.valueOf(error),
									Long.toString(properties.deadLetterCapacity()), member))
					.then(Mono.empty());
			});
	}

}
