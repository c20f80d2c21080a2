package id.posindonesia.balas.conversation;

import java.util.List;

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

	private final RecordNames recordNames;

	Transcript(ReactiveStringRedisTemplate redis, ConversationProperties properties, RecordNames recordNames) {
		this.redis = redis;
		this.properties = properties;
		this.recordNames = recordNames;
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
		return Mono.zip(redis.opsForList().range(key(conversationId), -RECENT_LINES, -1).collectList(),
				recordNames.of(conversationId))
			.flatMapMany(found -> {
				List<String> lines = found.getT1();
				return Flux.range(0, lines.size())
					.map(back -> TranscriptLine.fromJson(lines.get(lines.size() - 1 - back)))
					.filter(line -> line.author() == TranscriptLine.Author.CUSTOMER)
					.map(line -> line.masked(found.getT2()));
			});
	}

	/** {@code line} as anyone but the agent holding the conversation may read it. */
	public Mono<TranscriptLine> masked(String conversationId, TranscriptLine line) {
		return recordNames.of(conversationId).map(line::masked);
	}

	/** The transcript as anyone else may read it: also without the names on the conversation's shipment records. */
	public Flux<TranscriptLine> readMasked(String conversationId) {
		return recordNames.of(conversationId).flatMapMany(names -> read(conversationId).map(line -> line.masked(names)));
	}

	static String key(String conversationId) {
		return ConversationSlot.key(conversationId, "transcript");
	}

}
