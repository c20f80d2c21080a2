package id.posindonesia.balas.conversation;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import id.posindonesia.balas.inbox.ConversationSlot;
import id.posindonesia.balas.nlu.EntityType;
import id.posindonesia.balas.nlu.Language;
import id.posindonesia.balas.tracking.Shipment;
import id.posindonesia.balas.tracking.ShipmentStatus;
import id.posindonesia.balas.tracking.ShipmentVerifier;
import id.posindonesia.balas.tracking.TrackingClient;
import id.posindonesia.balas.tracking.TrackingResult;
import id.posindonesia.balas.tracking.Verification;
import id.posindonesia.balas.tracking.VerificationClaim;

/**
 * Where is my parcel: collects the barcode (several are taken one at a time), then data proving the customer may
 * see the shipment, and only then tells its status. Nothing of the shipment (status, office, city, name) is said
 * before verification passes, and a failed check does not say which part was wrong. Three failures lock the
 * conversation out of that barcode for an hour.
 */
@Component
class TrackingFlow implements Flow {

	static final String NAME = "tracking";

	static final int MAX_ATTEMPTS = 3;

	static final Duration LOCKOUT = Duration.ofHours(1);

	// Redis's own verification memory: a verified barcode may be complained about without checking again
	static final Duration VERIFIED_FOR = Duration.ofDays(1);

	// shaped like a UPU S10 code; the NLU found no barcode in it, so its check digit is wrong
	private static final Pattern S10_SHAPE = Pattern.compile("\\b[A-Z]{2}\\s?\\d{8}\\s?\\d\\s?[A-Z]{2}\\b");

	private final TrackingClient tracking;

	private final ShipmentVerifier verifier;

	private final ReplyTemplates replies;

	private final ReactiveStringRedisTemplate redis;

	TrackingFlow(TrackingClient tracking, ShipmentVerifier verifier, ReplyTemplates replies,
			ReactiveStringRedisTemplate redis) {
		this.tracking = tracking;
		this.verifier = verifier;
		this.replies = replies;
		this.redis = redis;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Mono<FlowStep> start(FlowContext context) {
		return askOrLookUp(context);
	}

	@Override
	public Mono<FlowStep> resume(FlowContext context) {
		String barcode = context.state().slots().get("barcode");
		if (barcode == null) {
			return askOrLookUp(context);
		}
		VerificationClaim claim = VerificationClaim.fromString(context.state().slots().getOrDefault("claim", ""))
			.with(context.message().text());
		return lookUp(context, barcode, queue(context.state().slots()), claim,
				Integer.parseInt(context.state().slots().getOrDefault("attempts", "0")));
	}

	private Mono<FlowStep> askOrLookUp(FlowContext context) {
		List<String> barcodes = context.message().barcodes();
		if (barcodes.isEmpty()) {
			return Mono.just(FlowStep.ask(Map.of(), notABarcode(context)));
		}
		// the message that names the barcode counts as proof only when it holds all of it ("cek 160… BUDI 7890"):
		// its other words ("hi, where is my parcel") are no name to build on
		VerificationClaim claim = VerificationClaim.empty().with(context.message().text());
		return lookUp(context, barcodes.get(0), barcodes.subList(1, barcodes.size()),
				claim.hasName() && claim.hasNumber() ? claim : VerificationClaim.empty(), 0);
	}

	/** Why the message holds no barcode of ours, when it can be told, with the question again. */
	private Reply notABarcode(FlowContext context) {
		Optional<String> waybill = context.message().firstOf(EntityType.OTHER_WAYBILL);
		if (waybill.isPresent()) {
			return replies.render("tracking.other_courier", context.language(), Map.of("barcode", waybill.get()));
		}
		Matcher s10 = S10_SHAPE.matcher(context.message().text().toUpperCase(Locale.ROOT));
		if (s10.find()) {
			return replies.render("tracking.invalid_barcode", context.language(), Map.of("barcode", s10.group()));
		}
		return replies.render("tracking.ask_barcode", context.language());
	}

	private Mono<FlowStep> lookUp(FlowContext context, String barcode, List<String> queue, VerificationClaim claim,
			int attempts) {
		Language language = context.language();
		Map<String, String> about = Map.of("barcode", barcode);
		return lockedOut(context.conversationId(), barcode).flatMap(locked -> {
			if (locked) {
				return next(context, queue, replies.render("tracking.locked_out", language, about))
					.map(step -> step.escalating(Escalation.lockout()));
			}
			return tracking.track(barcode).flatMap(result -> {
				if (result instanceof TrackingResult.Unknown) {
					return next(context, queue, replies.render("tracking.unknown", language, about));
				}
				if (!(result instanceof TrackingResult.Found found)) {
					return Mono.just(FlowStep.done(replies.render("tracking.unavailable", language)));
				}
				if (!found.shipment().verifiable()) {
					return next(context, queue, replies.render("tracking.unverifiable", language, about));
				}
				return verify(context, found.shipment(), queue, claim, attempts);
			});
		});
	}

	private Mono<FlowStep> verify(FlowContext context, Shipment shipment, List<String> queue, VerificationClaim claim,
			int attempts) {
		Language language = context.language();
		String barcode = shipment.barcode();
		Map<String, String> about = Map.of("barcode", barcode);
		Verification verification = verifier.verify(shipment, claim);
		if (verification instanceof Verification.Verified) {
			return redis.opsForSet()
				.add(verifiedKey(context.conversationId()), barcode)
				.then(redis.expire(verifiedKey(context.conversationId()), VERIFIED_FOR))
				.then(next(context, queue, status(shipment, language)));
		}
		if (verification instanceof Verification.Incomplete incomplete) {
			String ask = claim.hasName() || claim.hasNumber()
					? incomplete.missing().contains(Verification.Missing.NAME) ? "tracking.ask_name" : "tracking.ask_number"
					: "tracking.ask_verification";
			return Mono.just(FlowStep.ask(slots(barcode, queue, claim, attempts), replies.render(ask, language, about)));
		}
		int failed = attempts + 1;
		if (failed >= MAX_ATTEMPTS) {
			return redis.opsForValue()
				.set(lockoutKey(context.conversationId(), barcode), "1", LOCKOUT)
				.then(next(context, queue, replies.render("tracking.locked_out", language, about)))
				.map(step -> step.escalating(Escalation.lockout()));
		}
		// a new attempt starts from nothing: earlier guesses must not add up to a match
		return Mono.just(FlowStep.ask(slots(barcode, queue, VerificationClaim.empty(), failed),
				replies.render("tracking.verification_failed", language,
						Map.of("barcode", barcode, "attempts_left", Integer.toString(MAX_ATTEMPTS - failed)))));
	}

	/** Finishes, or goes on with the next barcode the customer gave. */
	private Mono<FlowStep> next(FlowContext context, List<String> queue, Reply reply) {
		if (queue.isEmpty()) {
			return Mono.just(FlowStep.done(reply));
		}
		String barcode = queue.get(0);
		List<String> rest = queue.subList(1, queue.size());
		Reply announce = replies.render("tracking.next_barcode", context.language(), Map.of("barcode", barcode));
		return Mono.just(FlowStep.ask(slots(barcode, rest, VerificationClaim.empty(), 0), reply, announce,
				replies.render("tracking.ask_verification", context.language(), Map.of("barcode", barcode))));
	}

	private Reply status(Shipment shipment, Language language) {
		ShipmentStatus status = shipment.status();
		Locale locale = language == Language.EN ? Locale.ENGLISH : Locale.forLanguageTag("id");
		Map<String, String> values = new HashMap<>();
		values.put("barcode", shipment.barcode());
		values.put("office", status.office().name());
		values.put("event", status.eventName());
		values.put("date", status.at() == null ? "-" : status.at().format(DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", locale)));
		values.put("delivered_to", status.deliveredTo().isEmpty() ? (language == Language.EN ? "the addressee" : "penerima")
				: status.deliveredTo());
		Reply text = replies.render("tracking.status." + status.phase().name(), language, values);
		return new Reply(text.text(), replies.quickReplies("tracking.status", language));
	}

	private Mono<Boolean> lockedOut(String conversationId, String barcode) {
		return redis.hasKey(lockoutKey(conversationId, barcode));
	}

	static String lockoutKey(String conversationId, String barcode) {
		return ConversationSlot.key(conversationId, "lockout:" + barcode);
	}

	static String verifiedKey(String conversationId) {
		return ConversationSlot.key(conversationId, "verified");
	}

	private static Map<String, String> slots(String barcode, List<String> queue, VerificationClaim claim, int attempts) {
		Map<String, String> slots = new HashMap<>();
		slots.put("barcode", barcode);
		slots.put("queue", String.join(",", queue));
		slots.put("claim", claim.asString());
		slots.put("attempts", Integer.toString(attempts));
		return slots;
	}

	private static List<String> queue(Map<String, String> slots) {
		String queue = slots.getOrDefault("queue", "");
		return queue.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(queue.split(",")));
	}

}
