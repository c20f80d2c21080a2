package id.posindonesia.balas.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

import id.posindonesia.balas.config.LuaScript;

/** Conversation records in Redis hashes, changed only by optimistic compare-and-set on their version. */
@Repository
class ConversationRepository {

	private static final RedisScript<Long> UPDATE = LuaScript.load("update-conversation", Long.class);

	// conversations are locked while processed, so conflicts are rare and short-lived
	private static final int MAX_CONFLICTS = 16;

	private final ReactiveStringRedisTemplate redis;

	private final ConversationProperties properties;

	ConversationRepository(ReactiveStringRedisTemplate redis, ConversationProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	Mono<ConversationState> find(String conversationId) {
		return redis.<String, String>opsForHash()
			.entries(key(conversationId))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.map(ConversationState::fromFields);
	}

	/** Applies {@code change} to the current record, reading again and reapplying if another writer got first. */
	Mono<ConversationState> update(String conversationId, UnaryOperator<ConversationState> change) {
		return find(conversationId).flatMap(current -> {
			ConversationState changed = change.apply(current);
			List<String> args = new ArrayList<>();
			args.add(Long.toString(current.version()));
			args.add(Long.toString(properties.ttl().toSeconds()));
			changed.toFields().forEach((field, value) -> {
				args.add(field);
				args.add(value);
			});
			return redis.execute(UPDATE, List.of(key(conversationId)), args)
				.next()
				.flatMap(version -> version < 0 ? Mono.error(new ConcurrentUpdate())
						: Mono.just(new ConversationState(changed.state(), changed.language(), changed.lastInboundAt(),
								version)));
		}).retryWhen(Retry.backoff(MAX_CONFLICTS, Duration.ofMillis(2))
			.maxBackoff(Duration.ofMillis(100))
			.filter(ConcurrentUpdate.class::isInstance));
	}

	private static String key(String conversationId) {
		return "balas:conversation:" + conversationId;
	}

	private static final class ConcurrentUpdate extends RuntimeException {

		ConcurrentUpdate() {
			super("conversation changed concurrently", null, false, false);
		}

	}

}
