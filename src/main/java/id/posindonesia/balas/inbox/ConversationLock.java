package id.posindonesia.balas.inbox;

import java.time.Duration;
import java.util.List;

import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * A lease on one conversation, shared by every instance through Redis, so that a conversation's events are
 * processed one at a time. A crashed holder's lease simply runs out.
 */
@Component
class ConversationLock {

	private static final Duration RETRY_PAUSE = Duration.ofMillis(50);

	private final ReactiveStringRedisTemplate redis;

	private final InboxProperties properties;

	ConversationLock(ReactiveStringRedisTemplate redis, InboxProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/** Completes with true once held (or renewed) by {@code owner}, false if another holder kept it too long. */
	Mono<Boolean> acquire(String conversationId, String owner) {
		return tryAcquire(conversationId, owner).flatMap(held -> held ? Mono.just(true) : Mono.error(HeldByAnother::new))
			.retryWhen(Retry.fixedDelay(properties.lockWait().dividedBy(RETRY_PAUSE), RETRY_PAUSE)
				.filter(HeldByAnother.class::isInstance))
			.onErrorResume(Exceptions::isRetryExhausted, ex -> Mono.just(false));
	}

	/** Extends the lease of a lock this owner holds. */
	Mono<Boolean> renew(String conversationId, String owner) {
		return tryAcquire(conversationId, owner);
	}

	Mono<Void> release(String conversationId, String owner) {
		return redis.execute(LuaScripts.LOCK_RELEASE, List.of(InboxKeys.lock(conversationId)), List.of(owner))
			.then();
	}

	private Mono<Boolean> tryAcquire(String conversationId, String owner) {
		return redis
			.execute(LuaScripts.LOCK_ACQUIRE, List.of(InboxKeys.lock(conversationId)),
					List.of(owner, Long.toString(properties.lockLease().toMillis())))
			.next()
			.map(held -> held == 1L);
	}

	private static final class HeldByAnother extends RuntimeException {

		HeldByAnother() {
			super(null, null, false, false);
		}

	}

}
