package id.posindonesia.balas.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

import id.posindonesia.balas.config.LuaScript;
import id.posindonesia.balas.graph.MessageChunker;
import id.posindonesia.balas.inbox.ConversationSlot;

/**
 * Conversation records in Redis hashes, changed only by optimistic compare-and-set on their version, each change
 * committed together with the messages it sends (see {@link OutgoingMessages}).
 */
@Repository
class ConversationRepository {

	private static final RedisScript<Long> COMMIT_TURN = LuaScript.load("commit-turn", Long.class);

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
			.entries(stateKey(conversationId))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.map(ConversationState::fromFields);
	}

	/**
	 * Decides the event's turn from the current state and commits it, deciding again if another writer got first.
	 * Completes with the turn committed, or empty when the event's turn was committed before (it is being processed
	 * again) and stands as it was.
	 */
	Mono<Turn> commit(String conversationId, String eventKey, Function<ConversationState, Mono<Turn>> decide) {
		return find(conversationId).flatMap(current -> decide.apply(current).flatMap(turn -> {
			List<String> args = new ArrayList<>();
			args.add(Long.toString(current.version()));
			args.add(Long.toString(properties.ttl().toSeconds()));
			args.add(Long.toString(properties.repliesTtl().toSeconds()));
			List<String> messages = turn.replies().stream().flatMap(ConversationRepository::messages).toList();
			List<String> lines = turn.lines().stream().map(TranscriptLine::toJson).toList();
			args.add(Integer.toString(messages.size() / 2));
			args.add(Integer.toString(lines.size()));
			args.add(Integer.toString(properties.transcriptLength()));
			args.addAll(messages);
			args.addAll(lines);
			turn.next().toFields().forEach((field, value) -> {
				args.add(field);
				args.add(value);
			});
			return redis
				.execute(COMMIT_TURN, List.of(stateKey(conversationId), OutgoingMessages.key(conversationId, eventKey),
						Transcript.key(conversationId)), args)
				.next()
				.flatMap(version -> version < 0 ? Mono.error(new ConcurrentUpdate()) : version == 0 ? Mono.empty() : Mono.just(turn));
		})).retryWhen(Retry.backoff(MAX_CONFLICTS, Duration.ofMillis(2))
			.maxBackoff(Duration.ofMillis(100))
			.filter(ConcurrentUpdate.class::isInstance));
	}

	/** Text and quick replies of each message a reply takes; the quick replies go under its last part. */
	private static Stream<String> messages(Reply reply) {
		List<String> parts = MessageChunker.split(reply.text());
		List<String> flat = new ArrayList<>();
		for (int i = 0; i < parts.size(); i++) {
			flat.add(parts.get(i));
			flat.add(i == parts.size() - 1 ? OutgoingMessages.encode(reply.quickReplies()) : "");
		}
		return flat.stream();
	}

	static String stateKey(String conversationId) {
		return ConversationSlot.key(conversationId, "state");
	}

	private static final class ConcurrentUpdate extends RuntimeException {

		ConcurrentUpdate() {
			super("conversation changed concurrently", null, false, false);
		}

	}

}
