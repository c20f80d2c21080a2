package id.posindonesia.balas.conversation;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import id.posindonesia.balas.inbox.ConversationSlot;

/**
 * Every message of a conversation, the customer's, the bot's and the agents', oldest first: kept in Redis
 * with the conversation's TTL, at most {@code balas.conversation.transcript-length} lines. Lines are written with
 * the turn they belong to ({@link ConversationRepository#commit}), so a retried event never writes them twice.
 */
@Component
public class Transcript {

	// enough to find the customer's last message behind a few bot and agent lines
	private static final int RECENT_LINES = 20;

	private final ReactiveStringRedisTemplate redis;

	private final ConversationProperties properties;

	Transcript(ReactiveStringRedisTemplate redis, ConversationProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/** A line written outside a customer's turn: an agent's message, or the bot's word when an agent leaves. */
	Mono<TranscriptLine> append(String conversationId, TranscriptLine line) {
		String key = key(conversationId);
		return redis.opsForList()
			.rightPush(key, line.toJson())
			.then(redis.opsForList().trim(key, -properties.transcriptLength(), -1))
			.then(redis.expire(key, properties.ttl()))
			.thenReturn(line);
	}

	/** The whole transcript, for the agent assigned to the conversation. */
	public Flux<TranscriptLine> read(String conversationId) {
		return redis.opsForList()
			.range(key(conversationId), 0, -1)
			// read whole: a streamed list reply would hold the shared connection while its reader is slow
			.collectList()
			.flatMapMany(Flux::fromIterable)
			.map(TranscriptLine::fromJson);
	}

	/** The customer's messages among the last few lines, newest first, as anyone may read them. */
	public Flux<TranscriptLine> recentFromCustomer(String conversationId) {
		return redis.opsForList()
			.range(key(conversationId), -RECENT_LINES, -1)
			.collectList()
			.flatMapMany(lines -> Flux.range(0, lines.size()).map(back -> lines.get(lines.size() - 1 - back)))
			.map(TranscriptLine::fromJson)
			.filter(line -> line.author() == TranscriptLine.Author.CUSTOMER)
			.map(TranscriptLine::masked);
	}

	/** The transcript as anyone else may read it. */
	public Flux<TranscriptLine> readMasked(String conversationId) {
		return read(conversationId).map(TranscriptLine::masked);
	}

	static String key(String conversationId) {
		return ConversationSlot.key(conversationId, "transcript");
	}

}
