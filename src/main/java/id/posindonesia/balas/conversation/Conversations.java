package id.posindonesia.balas.conversation;

import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * Conversations as agents look them up: the newest ones, and what Balas knows of one.
 */
@Service
public class Conversations {

	static final String RECENT = "balas:conversations:recent";

	// the console lists far fewer; the rest only bounds the index
	private static final int RECENT_KEPT = 1000;

	private final ConversationRepository repository;

	private final ReactiveStringRedisTemplate redis;

	Conversations(ConversationRepository repository, ReactiveStringRedisTemplate redis) {
		this.repository = repository;
		this.redis = redis;
	}

	/** Conversations whose customer wrote last, newest first, with when they did. */
	public Flux<Recent> recent(int limit) {
		return redis.opsForZSet()
			.reverseRangeWithScores(RECENT, Range.closed(0L, limit - 1L))
			.map(entry -> new Recent(entry.getValue(), Instant.ofEpochMilli(entry.getScore().longValue())));
	}

	/** What is known of the conversation; empty when Balas never heard of it. */
	public Mono<ConversationSummary> summary(String conversationId) {
		ConversationId id = ConversationId.parse(conversationId).orElse(null);
		if (id == null) {
			return Mono.empty();
		}
		return repository.find(conversationId).filter(state -> state.version() > 0).flatMap(state -> {
			String inForm = state.slots().getOrDefault("barcode", "");
			Mono<String> about = inForm.isEmpty()
					? redis.opsForValue().get(ShipmentVerification.shipmentKey(conversationId)) : Mono.just(inForm);
			return about.flatMap(barcode -> verification(conversationId, barcode).map(status -> summary(id, state,
					barcode, status)))
				.defaultIfEmpty(summary(id, state, null, null));
		});
	}

	private Mono<String> verification(String conversationId, String barcode) {
		return redis.hasKey(ShipmentVerification.lockoutKey(conversationId, barcode))
			.flatMap(locked -> locked ? Mono.just("LOCKED_OUT")
					: redis.opsForSet()
						.isMember(ShipmentVerification.verifiedKey(conversationId), barcode)
						.map(verified -> verified ? "VERIFIED" : "PENDING"));
	}

	private static ConversationSummary summary(ConversationId id, ConversationState state, String barcode,
			String verification) {
		return new ConversationSummary(id.toString(), id.account(), id.customer(), state.flow(), state.language(),
				state.lastInboundAt(), barcode, verification);
	}

	/**
	 * The key of the conversation's state, whose {@code version} orders every change of who answers it: a script
	 * that gives the conversation to an agent increments it, so that a bot reply decided before is decided again.
	 */
	public static String stateKey(String conversationId) {
		return ConversationRepository.stateKey(conversationId);
	}

	Mono<Void> noteInbound(String conversationId, Instant at) {
		return redis.opsForZSet()
			.add(RECENT, conversationId, at.toEpochMilli())
			.then(redis.opsForZSet().removeRange(RECENT, Range.closed(0L, -RECENT_KEPT - 1L)))
			.then();
	}

	public record Recent(String conversationId, Instant lastMessageAt) {
	}

}
