package id.posindonesia.balas.conversation;

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

import org.springframework.stereotype.Component;

import id.posindonesia.balas.conversation.ShipmentVerification.Blocked;
import id.posindonesia.balas.conversation.ShipmentVerification.Outcome;
import id.posindonesia.balas.conversation.ShipmentVerification.Pending;
import id.posindonesia.balas.conversation.ShipmentVerification.Verified;
import id.posindonesia.balas.nlu.EntityType;
import id.posindonesia.balas.nlu.Language;
import id.posindonesia.balas.tracking.Shipment;
import id.posindonesia.balas.tracking.ShipmentStatus;
import id.posindonesia.balas.tracking.VerificationClaim;

/**
 * Where is my parcel: collects the barcode (several are taken one at a time), then data proving the customer may
 * see the shipment ({@link ShipmentVerification}), and only then tells its status.
 */
@Component
class TrackingFlow implements Flow {

	static final String NAME = "tracking";

	// shaped like a UPU S10 code; the NLU found no barcode in it, so its check digit is wrong
	private static final Pattern S10_SHAPE = Pattern.compile("\\b[A-Z]{2}\\s?\\d{8}\\s?\\d\\s?[A-Z]{2}\\b");

	private final ShipmentVerification verification;

	private final ReplyTemplates replies;

	TrackingFlow(ShipmentVerification verification, ReplyTemplates replies) {
		this.verification = verification;
		this.replies = replies;
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
		Map<String, String> slots = context.state().slots();
		String barcode = slots.get("barcode");
		if (barcode == null) {
			return askOrLookUp(context);
		}
		return verification
			.resume(context.conversationId(), barcode, slots, context.message().text(), context.language())
			.flatMap(outcome -> answer(context, barcode, queue(slots), outcome));
	}

	private Mono<FlowStep> askOrLookUp(FlowContext context) {
		List<String> barcodes = context.message().barcodes();
		if (barcodes.isEmpty()) {
			return Mono.just(FlowStep.ask(Map.of(), notABarcode(context)));
		}
		String barcode = barcodes.get(0);
		return verification
			.begin(context.conversationId(), barcode, VerificationClaim.empty().with(context.message().text()),
					context.language())
			.flatMap(outcome -> answer(context, barcode, barcodes.subList(1, barcodes.size()), outcome));
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

	private Mono<FlowStep> answer(FlowContext context, String barcode, List<String> queue, Outcome outcome) {
		Language language = context.language();
		Map<String, String> about = Map.of("barcode", barcode);
		if (outcome instanceof Verified verified) {
			return next(context, queue, status(verified.shipment(), language));
		}
		if (outcome instanceof Pending pending) {
			return Mono.just(FlowStep.ask(slots(barcode, queue, pending), pending.ask()));
		}
		return switch (((Blocked) outcome).reason()) {
			case LOCKED_OUT -> next(context, queue, replies.render("tracking.locked_out", language, about))
				.map(step -> step.escalating(Escalation.lockout()));
			case UNKNOWN -> next(context, queue, replies.render("tracking.unknown", language, about));
			case UNVERIFIABLE -> next(context, queue, replies.render("tracking.unverifiable", language, about));
			case UNAVAILABLE -> Mono.just(FlowStep.done(replies.render("tracking.unavailable", language)));
		};
	}

	/** Finishes, or goes on with the next barcode the customer gave. */
	private Mono<FlowStep> next(FlowContext context, List<String> queue, Reply reply) {
		if (queue.isEmpty()) {
			return Mono.just(FlowStep.done(reply));
		}
		String barcode = queue.get(0);
		Pending ask = verification.ask(barcode, context.language());
		Reply announce = replies.render("tracking.next_barcode", context.language(), Map.of("barcode", barcode));
		return Mono.just(FlowStep.ask(slots(barcode, queue.subList(1, queue.size()), ask), reply, announce, ask.ask()));
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

	private static Map<String, String> slots(String barcode, List<String> queue, Pending pending) {
		Map<String, String> slots = new HashMap<>(pending.slots());
		slots.put("barcode", barcode);
		slots.put("queue", String.join(",", queue));
		return slots;
	}

	private static List<String> queue(Map<String, String> slots) {
		String queue = slots.getOrDefault("queue", "");
		return queue.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(queue.split(",")));
	}

}
