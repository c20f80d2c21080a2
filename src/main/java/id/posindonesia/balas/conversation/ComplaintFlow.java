package id.posindonesia.balas.conversation;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import id.posindonesia.balas.complaint.ComplainedShipment;
import id.posindonesia.balas.complaint.ComplaintCategory;
import id.posindonesia.balas.complaint.ComplaintDesk;
import id.posindonesia.balas.complaint.NewComplaint;
import id.posindonesia.balas.graph.CustomerProfiles;
import id.posindonesia.balas.tracking.TrackingClient;
import id.posindonesia.balas.tracking.TrackingResult;

/**
 * A complaint: its category, the shipment it is about (or none), and what happened; then a ticket whose report goes
 * to the post office concerned. A shipment verified earlier in the conversation carries its service and origin
 * office onto the ticket; one that was not is recorded as unverified, for the agent to check.
 */
@Component
class ComplaintFlow implements Flow {

	static final String NAME = "complaint";

	private static final Set<String> NO_SHIPMENT = Set.of("tidak", "tidak ada", "ga ada", "gak ada", "nggak ada",
			"bukan", "none", "no", "tdk ada", "-");

	private static final int MIN_DESCRIPTION = 5;

	private final ComplaintDesk desk;

	private final TrackingClient tracking;

	private final ReplyTemplates replies;

	private final ReactiveStringRedisTemplate redis;

	private final CustomerProfiles profiles;

	ComplaintFlow(ComplaintDesk desk, TrackingClient tracking, ReplyTemplates replies,
			ReactiveStringRedisTemplate redis, CustomerProfiles profiles) {
		this.desk = desk;
		this.tracking = tracking;
		this.replies = replies;
		this.redis = redis;
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
		return next(context, slots);
	}

	@Override
	public Mono<FlowStep> resume(FlowContext context) {
		Map<String, String> slots = new HashMap<>(context.state().slots());
		String text = context.message().text().strip();
		switch (slots.getOrDefault("asked", "")) {
			case "category" -> category(text).ifPresent(category -> slots.put("category", category.name()));
			case "barcode" -> {
				List<String> barcodes = context.message().barcodes();
				if (!barcodes.isEmpty()) {
					slots.put("barcode", barcodes.get(0));
				}
				else if (NO_SHIPMENT.contains(text.toLowerCase(Locale.ROOT))) {
					slots.put("barcode", "");
				}
			}
			case "description" -> {
				if (text.codePointCount(0, text.length()) >= MIN_DESCRIPTION) {
					slots.put("description", truncate(text));
				}
			}
			default -> {
			}
		}
		return next(context, slots);
	}

	/** Asks for the first slot still missing, or opens the ticket once all are there. */
	private Mono<FlowStep> next(FlowContext context, Map<String, String> slots) {
		for (String slot : List.of("category", "barcode", "description")) {
			if (!slots.containsKey(slot)) {
				slots.put("asked", slot);
				return Mono.just(FlowStep.ask(slots, replies.render("complaint.ask_" + slot, context.language())));
			}
		}
		// the profile's follower count sets the ticket's priority; an unknown profile opens it at the regular one
		return Mono
			.zip(shipment(context.conversationId(), slots.get("barcode")).map(Optional::of)
				.defaultIfEmpty(Optional.empty()), profiles.find(context.account(), context.customer()))
			.flatMap(found -> desk.open(new NewComplaint(context.conversationId(), context.account(),
					context.customer(), found.getT2().username(), found.getT2().followerCount(),
					ComplaintCategory.valueOf(slots.get("category")), slots.get("description"),
					found.getT1().orElse(null), context.eventKey())))
			.map(ticket -> FlowStep.done(replies.render("complaint.ticket_created", context.language(),
					Map.of("ticket", ticket.id()))).escalating(Escalation.complaint(ticket)));
	}

	/** A shipment verified in this conversation brings its record's service and origin; others are taken as said. */
	private Mono<ComplainedShipment> shipment(String conversationId, String barcode) {
		if (barcode == null || barcode.isEmpty()) {
			return Mono.empty();
		}
		return redis.opsForSet().isMember(TrackingFlow.verifiedKey(conversationId), barcode).flatMap(verified -> {
			if (!verified) {
				return Mono.just(new ComplainedShipment(barcode, false, "", ""));
			}
			return tracking.track(barcode)
				.map(result -> result instanceof TrackingResult.Found found
						? new ComplainedShipment(barcode, true, found.shipment().service(),
								found.shipment().originOffice().name())
						: new ComplainedShipment(barcode, true, "", ""));
		});
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
