package id.posindonesia.balas.conversation;

import reactor.core.publisher.Flux;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import id.posindonesia.balas.inbox.ConversationSlot;

/**
 * Every message of a conversation, the customer's, the bot's and (later) the agents', oldest first: kept in Redis
 * with the conversation's TTL, at most {@code balas.conversation.transcript-length} lines. Lines are written with
 * the turn they belong to ({@link ConversationRepository#commit}), so a retried event never writes them twice.
 */
@Component
public class Transcript {

	private final ReactiveStringRedisTemplate redis;

	private final RecordNames recordNames;

	Transcript(ReactiveStringRedisTemplate redis, RecordNames recordNames) {
		this.redis = redis;
		this.recordNames = recordNames;
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

	/** The transcript as anyone else may read it: also without the names on the conversation's shipment records. */
	public Flux<TranscriptLine> readMasked(String conversationId) {
		return recordNames.of(conversationId).flatMapMany(names -> read(conversationId).map(line -> line.masked(names)));
	}

	static String key(String conversationId) {
		return ConversationSlot.key(conversationId, "transcript");
	}

}
