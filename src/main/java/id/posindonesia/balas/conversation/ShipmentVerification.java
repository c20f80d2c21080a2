package id.posindonesia.balas.conversation;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import id.posindonesia.balas.inbox.ConversationSlot;
import id.posindonesia.balas.nlu.Language;
import id.posindonesia.balas.tracking.Shipment;
import id.posindonesia.balas.tracking.ShipmentVerifier;
import id.posindonesia.balas.tracking.TrackingClient;
import id.posindonesia.balas.tracking.TrackingResult;
import id.posindonesia.balas.tracking.Verification;
import id.posindonesia.balas.tracking.VerificationClaim;

/**
 * The gate every form passes before it uses or shows anything of a shipment: looks the barcode up and checks what
 * the customer wrote against the record (names, last phone digits, postcode: {@link ShipmentVerifier}). A barcode
 * verified in this conversation stays verified for {@link #VERIFIED_FOR}; {@value #MAX_ATTEMPTS} failures lock the
 * conversation out of that barcode for {@link #LOCKOUT}, whichever form they were made in. Its questions and
 * refusals name the barcode only, and a refusal does not say which part was wrong.
 *
 * <p>A form keeps the verification in progress in its slots ({@link Pending#slots()}) and hands them back with the
 * customer's next message. The barcode checked last is remembered as the shipment the conversation is about, for an
 * agent who takes it over after the form ended or was left.
 */
@Component
class ShipmentVerification {

	static final int MAX_ATTEMPTS = 3;

	static final Duration LOCKOUT = Duration.ofHours(1);

	static final Duration VERIFIED_FOR = Duration.ofDays(1);

	// slots of a verification in progress: what the customer claimed so far, and the failed attempts
	private static final String CLAIM = "claim";

	private static final String ATTEMPTS = "attempts";

	private final TrackingClient tracking;

	private final ShipmentVerifier verifier;

	private final ReplyTemplates replies;

	private final ReactiveStringRedisTemplate redis;

	private final RecordNames names;

	ShipmentVerification(TrackingClient tracking, ShipmentVerifier verifier, ReplyTemplates replies,
			ReactiveStringRedisTemplate redis, RecordNames names) {
		this.tracking = tracking;
		this.verifier = verifier;
		this.replies = replies;
		this.redis = redis;
		this.names = names;
	}

	sealed interface Outcome {
	}

	/** The customer may see the shipment. */
	record Verified(Shipment shipment) implements Outcome {
	}

	/** Not proven yet: send {@code ask} and keep {@code slots} (besides the form's own) for the next message. */
	record Pending(Reply ask, Map<String, String> slots) implements Outcome {
	}

	/** The shipment cannot be verified now, for {@code reason}; nothing of it was learnt. */
	record Blocked(Obstacle reason) implements Outcome {
	}

	enum Obstacle {
		/** {@value #MAX_ATTEMPTS} failed attempts, now or within the last {@link #LOCKOUT}. */
		LOCKED_OUT,
		/** The tracking API does not know the barcode. */
		UNKNOWN,
		/** The record holds nothing to verify against. */
		UNVERIFIABLE,
		/** The tracking API could not be asked. */
		UNAVAILABLE
	}

	/**
	 * Checks {@code claim} for a barcode given just now: what the customer wrote with it counts only when it holds
	 * a whole proof, as its other words ("hi, where is my parcel") are no name to build on.
	 */
	Mono<Outcome> begin(String conversationId, String barcode, VerificationClaim claim, Language language) {
		return check(conversationId, barcode, claim.hasName() && claim.hasNumber() ? claim : VerificationClaim.empty(),
				0, language);
	}

	/** Checks what the customer claimed so far ({@code slots} of the last {@link Pending}) and {@code text}. */
	Mono<Outcome> resume(String conversationId, String barcode, Map<String, String> slots, String text,
			Language language) {
		VerificationClaim claim = VerificationClaim.fromString(slots.getOrDefault(CLAIM, "")).with(text);
		return check(conversationId, barcode, claim, Integer.parseInt(slots.getOrDefault(ATTEMPTS, "0")), language);
	}

	/** The first question for a barcode whose lookup waits for the customer's answer. */
	Pending ask(String barcode, Language language) {
		return new Pending(replies.render("verification.ask", language, Map.of("barcode", barcode)),
				slots(VerificationClaim.empty(), 0));
	}

	/** Whether {@code slots} hold a verification in progress: the customer's next message is personal data. */
	static boolean inProgress(Map<String, String> slots) {
		return slots.containsKey(CLAIM);
	}

	/** {@code slots} without those of a verification. */
	static Map<String, String> withoutVerification(Map<String, String> slots) {
		Map<String, String> rest = new HashMap<>(slots);
		rest.remove(CLAIM);
		rest.remove(ATTEMPTS);
		return rest;
	}

	private Mono<Outcome> check(String conversationId, String barcode, VerificationClaim claim, int attempts,
			Language language) {
		Mono<Boolean> remembered = redis.opsForValue().set(shipmentKey(conversationId), barcode, VERIFIED_FOR);
		return remembered.then(redis.opsForSet().isMember(verifiedKey(conversationId), barcode)).flatMap(verified -> {
			if (verified) {
				return tracking.track(barcode).map(result -> result instanceof TrackingResult.Found found
						? new Verified(found.shipment()) : blocked(result));
			}
			return redis.hasKey(lockoutKey(conversationId, barcode)).flatMap(locked -> locked
					? Mono.just(new Blocked(Obstacle.LOCKED_OUT))
					: tracking.track(barcode).flatMap(result -> {
						if (!(result instanceof TrackingResult.Found found)) {
							return Mono.just(blocked(result));
						}
						// whatever comes of it, the customer may write these names: the masked transcript hides them
						return names.remember(conversationId, found.shipment())
							.then(found.shipment().verifiable()
									? verify(conversationId, found.shipment(), claim, attempts, language)
									: Mono.just(blocked(result)));
					}));
		});
	}

	private static Outcome blocked(TrackingResult result) {
		if (result instanceof TrackingResult.Unknown) {
			return new Blocked(Obstacle.UNKNOWN);
		}
		return new Blocked(result instanceof TrackingResult.Found ? Obstacle.UNVERIFIABLE : Obstacle.UNAVAILABLE);
	}

	private Mono<Outcome> verify(String conversationId, Shipment shipment, VerificationClaim claim, int attempts,
			Language language) {
		String barcode = shipment.barcode();
		Verification verification = verifier.verify(shipment, claim);
		if (verification instanceof Verification.Verified) {
			return redis.opsForSet()
				.add(verifiedKey(conversationId), barcode)
				.then(redis.expire(verifiedKey(conversationId), VERIFIED_FOR))
				.thenReturn(new Verified(shipment));
		}
		if (verification instanceof Verification.Incomplete incomplete) {
			// decided from the claim alone: what to ask next tells nothing about the record
			String ask = !claim.hasName() && !claim.hasNumber() ? "verification.ask"
					: incomplete.missing().contains(Verification.Missing.NAME) ? "verification.ask_name"
							: "verification.ask_number";
			return Mono.just(new Pending(replies.render(ask, language, Map.of("barcode", barcode)),
					slots(claim, attempts)));
		}
		int failed = attempts + 1;
		if (failed >= MAX_ATTEMPTS) {
			return redis.opsForValue()
				.set(lockoutKey(conversationId, barcode), "1", LOCKOUT)
				.thenReturn(new Blocked(Obstacle.LOCKED_OUT));
		}
		// a new attempt starts from nothing: earlier guesses must not add up to a match
		return Mono.just(new Pending(replies.render("verification.failed", language,
				Map.of("barcode", barcode, "attempts_left", Integer.toString(MAX_ATTEMPTS - failed))),
				slots(VerificationClaim.empty(), failed)));
	}

	private static Map<String, String> slots(VerificationClaim claim, int attempts) {
		return Map.of(CLAIM, claim.asString(), ATTEMPTS, Integer.toString(attempts));
	}

	static String lockoutKey(String conversationId, String barcode) {
		return ConversationSlot.key(conversationId, "lockout:" + barcode);
	}

	static String shipmentKey(String conversationId) {
		return ConversationSlot.key(conversationId, "shipment");
	}

	static String verifiedKey(String conversationId) {
		return ConversationSlot.key(conversationId, "verified");
	}

}
