package id.posindonesia.balas.inbox;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * A lease on one conversation, shared by every instance through Redis, so that a conversation's events are
 * processed one at a time. The holder renews it while it works; a crashed holder's lease simply runs out.
 */
class ConversationLock {

	private final ReactiveStringRedisTemplate redis;

	private final InboxProperties properties;

	ConversationLock(ReactiveStringRedisTemplate redis, InboxProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/**
	 * Takes the lease, or extends it when {@code owner} holds it already; false when another owner holds it. There is
	 * no waiting: the holder looks at the inbox again after releasing, so nothing recorded meanwhile is left behind.
	 */
	Mono<Boolean> tryAcquire(String conversationId, String owner) {
		return redis
			.execute(LuaScripts.LOCK_ACQUIRE, List.of(InboxKeys.lock(conversationId)),
					List.of(owner, Long.toString(properties.lockLease().toMillis())))
			.next()
			.map(held -> held == 1L);
	}

	Mono<Void> release(String conversationId, String owner) {
		return redis.execute(LuaScripts.LOCK_RELEASE, List.of(InboxKeys.lock(conversationId)), List.of(owner))
			.then();
	}

}
