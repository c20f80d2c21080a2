package id.posindonesia.balas.conversation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import id.posindonesia.balas.complaint.ComplainedShipment;
import id.posindonesia.balas.complaint.ComplaintCategory;
import id.posindonesia.balas.complaint.ComplaintDesk;
import id.posindonesia.balas.complaint.NewComplaint;
import id.posindonesia.balas.conversation.ShipmentVerification.Blocked;
import id.posindonesia.balas.conversation.ShipmentVerification.Obstacle;
import id.posindonesia.balas.conversation.ShipmentVerification.Outcome;
import id.posindonesia.balas.conversation.ShipmentVerification.Pending;
import id.posindonesia.balas.conversation.ShipmentVerification.Verified;
import id.posindonesia.balas.graph.CustomerProfiles;
import id.posindonesia.balas.tracking.VerificationClaim;

/**
 * A complaint: its category, the shipment it is about (or none), and what happened; then a ticket whose report goes
 * to the post office concerned. A shipment named in the complaint goes through {@link ShipmentVerification} like
 * in the tracking form (skipped when it was verified earlier in the conversation): only a verified one carries its
 * record's service and origin office onto the ticket. One that cannot be verified (wrong data three times, unknown,
 * tracking down) is recorded as unverified, for the agent to check, and the complaint goes on; after a lockout the
 * ticket also goes to an agent's queue, as the customer is told.
 */
@Component
class ComplaintFlow implements Flow {

	static final String NAME = "complaint";

	private static final Set<String> NO_SHIPMENT = Set.of("tidak", "tidak ada", "ga ada", "gak ada", "nggak ada",
			"bukan", "none", "no", "tdk ada", "-");

	private static final int MIN_DESCRIPTION = 5;

	// slots besides the verification's: what is asked now, and what the shipment's verification settled
	private static final String ASKED = "asked";

	private static final String VERIFIED = "verified";

	private static final String SERVICE = "service";

	private static final String ORIGIN = "origin";

	private static final String LOCKED_OUT = "lockedOut";

	private final ComplaintDesk desk;

	private final ShipmentVerification verification;

	private final ReplyTemplates replies;

	private final CustomerProfiles profiles;

	ComplaintFlow(ComplaintDesk desk, ShipmentVerification verification, ReplyTemplates replies,
			CustomerProfiles profiles) {
		this.desk = desk;
		this.verification = verification;
		this.replies = replies;
		this.profiles = profiles;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Mono<FlowStep> start(FlowContext context) {
		Map<String, String> slots = new HashMap<>();
		context.message().barcodes().stream().findFirst().ifPresent(barcode -> slots.put("barcode", barcode));
		category(context.message().text()).ifPresent(category -> slots.put("category", category.name()));
		return next(context, slots, List.of());
	}

	@Override
	public Mono<FlowStep> resume(FlowContext context) {
		Map<String, String> slots = new HashMap<>(context.state().slots());
		String text = context.message().text().strip();
		switch (slots.getOrDefault(ASKED, "")) {
			case "category" -> category(text).ifPresent(category -> slots.put("category", category.name()));
			case "barcode" -> {
				List<String> barcodes = context.message().barcodes();
				if (!barcodes.isEmpty()) {
					slots.put("barcode", barcodes.get(0));
				}
				else if (isNoShipment(text)) {
					slots.put("barcode", "");
				}
			}
			case "verification" -> {
				if (isNoShipment(text)) {
					// not about one shipment after all: nothing of the barcode goes on the ticket
					Map<String, String> rest = ShipmentVerification.withoutVerification(slots);
					rest.put("barcode", "");
					return next(context, rest, List.of());
				}
				return verification
					.resume(context.conversationId(), slots.get("barcode"), slots, text, context.language())
					.flatMap(outcome -> settle(context, slots, outcome));
			}
			case "description" -> {
				if (text.codePointCount(0, text.length()) >= MIN_DESCRIPTION) {
					slots.put("description", truncate(text));
				}
			}
			default -> {
			}
		}
		return next(context, slots, List.of());
	}

	/**
	 * Asks for the first slot still missing (after {@code before}, what this message already brought), verifies a
	 * shipment not verified yet, or opens the ticket once all are there.
	 */
	private Mono<FlowStep> next(FlowContext context, Map<String, String> slots, List<Reply> before) {
		for (String slot : List.of("category", "barcode", "description")) {
			if (!slots.containsKey(slot)) {
				slots.put(ASKED, slot);
				return Mono.just(ask(slots, before, replies.render("complaint.ask_" + slot, context.language())));
			}
			if (slot.equals("barcode") && !slots.get(slot).isEmpty() && !slots.containsKey(VERIFIED)) {
				return verification
					.begin(context.conversationId(), slots.get(slot), VerificationClaim.empty(), context.language())
					.flatMap(outcome -> settle(context, slots, outcome));
			}
		}
		// the profile's follower count sets the ticket's priority; an unknown profile opens it at the regular one
		return profiles.find(context.account(), context.customer())
			.flatMap(profile -> desk.open(new NewComplaint(context.conversationId(), context.account(),
					context.customer(), profile.username(), profile.followerCount(),
					ComplaintCategory.valueOf(slots.get("category")), slots.get("description"), shipment(slots),
					context.eventKey())))
			.map(ticket -> FlowStep.done(with(before, replies.render("complaint.ticket_created", context.language(),
					Map.of("ticket", ticket.id()))))
				.escalating(slots.containsKey(LOCKED_OUT) ? Escalation.lockout(ticket) : Escalation.complaint(ticket)));
	}

	/** Goes on once the shipment is verified or cannot be; asks again while it may still be. */
	private Mono<FlowStep> settle(FlowContext context, Map<String, String> slots, Outcome outcome) {
		String barcode = slots.get("barcode");
		if (outcome instanceof Pending pending) {
			slots.putAll(pending.slots());
			slots.put(ASKED, "verification");
			return Mono.just(ask(slots, List.of(), pending.ask()));
		}
		Map<String, String> settled = ShipmentVerification.withoutVerification(slots);
		String said;
		if (outcome instanceof Verified verified) {
			settled.put(VERIFIED, "true");
			settled.put(SERVICE, verified.shipment().service());
			settled.put(ORIGIN, verified.shipment().originOffice().name());
			said = "complaint.shipment_verified";
		}
		else {
			Obstacle obstacle = ((Blocked) outcome).reason();
			settled.put(VERIFIED, "false");
			if (obstacle == Obstacle.LOCKED_OUT) {
				settled.put(LOCKED_OUT, "true");
			}
			said = "complaint.shipment_" + obstacle.name().toLowerCase(Locale.ROOT);
		}
		return next(context, settled,
				List.of(replies.render(said, context.language(), Map.of("barcode", barcode))));
	}

	/** What the ticket records of the shipment: its record's service and origin only once verified. */
	private static ComplainedShipment shipment(Map<String, String> slots) {
		String barcode = slots.get("barcode");
		if (barcode.isEmpty()) {
			return null;
		}
		return Boolean.parseBoolean(slots.get(VERIFIED))
				? new ComplainedShipment(barcode, true, slots.get(SERVICE), slots.get(ORIGIN))
				: new ComplainedShipment(barcode, false, "", "");
	}

	private static FlowStep ask(Map<String, String> slots, List<Reply> before, Reply question) {
		return new FlowStep(with(before, question), slots, false, null);
	}

	private static List<Reply> with(List<Reply> before, Reply reply) {
		List<Reply> all = new ArrayList<>(before);
		all.add(reply);
		return all;
	}

	private static boolean isNoShipment(String text) {
		return NO_SHIPMENT.contains(text.toLowerCase(Locale.ROOT));
	}

	private static Optional<ComplaintCategory> category(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		if (lower.matches("\\s*[1-7]\\s*")) {
			return Optional.of(ComplaintCategory.values()[Integer.parseInt(lower.strip()) - 1]);
		}
		if (lower.matches(".*\\b(belum (di)?terima|tidak (di)?terima|gak nyampe|ga nyampe|not received)\\b.*")) {
			return Optional.of(ComplaintCategory.DELIVERED_NOT_RECEIVED);
		}
		if (lower.matches(".*\\b(telat|terlambat|lama|lambat|late|delay(ed)?)\\b.*")) {
			return Optional.of(ComplaintCategory.LATE);
		}
		if (lower.matches(".*\\b(hilang|lost|missing)\\b.*")) {
			return Optional.of(ComplaintCategory.LOST);
		}
		if (lower.matches(".*\\b(rusak|pecah|penyok|damaged|broken)\\b.*")) {
			return Optional.of(ComplaintCategory.DAMAGED);
		}
		if (lower.matches(".*\\b(salah (alamat|penerima|kirim)|wrong)\\b.*")) {
			return Optional.of(ComplaintCategory.WRONG_RECIPIENT);
		}
		if (lower.matches(".*\\b(petugas|kurir|loket|judes|kasar|rude|staff)\\b.*")) {
			return Optional.of(ComplaintCategory.STAFF_BEHAVIOUR);
		}
		if (lower.matches(".*\\b(lainnya|lain|other)\\b.*")) {
			return Optional.of(ComplaintCategory.OTHER);
		}
		return Optional.empty();
	}

	private static String truncate(String text) {
		return text.codePointCount(0, text.length()) <= NewComplaint.MAX_DESCRIPTION_LENGTH ? text
				: text.substring(0, text.offsetByCodePoints(0, NewComplaint.MAX_DESCRIPTION_LENGTH));
	}

}
