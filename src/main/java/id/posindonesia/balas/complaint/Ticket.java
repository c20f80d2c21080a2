package id.posindonesia.balas.complaint;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A complaint as the contact center records it, with the state of its report to the responsible office.
 *
 * @param id what the customer is told, e.g. {@code PI-2026-000123}
 * @param description what the customer wrote, phone numbers removed
 * @param shipment the shipment concerned, or null
 * @param outcome how it was resolved, or null while open
 */
public record Ticket(String id, String conversationId, String account, String customerId, String username,
		ComplaintCategory category, String description, ComplainedShipment shipment, Instant createdAt,
		Long followerCount, FollowerTier followerTier, TicketStatus status, String outcome, Instant resolvedAt,
		ReportDelivery report) {

	/** 1 (most urgent) to 5, from the follower tier. */
	@JsonProperty
	public int priority() {
		return followerTier.priority();
	}

	static Ticket opened(String id, NewComplaint complaint, String description, Instant createdAt) {
		return new Ticket(id, complaint.conversationId(), complaint.account(), complaint.customerId(),
				complaint.username(), complaint.category(), description, complaint.shipment(), createdAt,
				complaint.followerCount(), FollowerTier.of(complaint.followerCount()), TicketStatus.OPEN, null, null,
				new ReportDelivery(ReportStatus.PENDING, 0, null, null));
	}

	/** The Redis hash of a new ticket; the report fields after the first are written by the outbox. */
	Map<String, String> toFields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("id", id);
		fields.put("conversationId", conversationId);
		fields.put("account", account);
		fields.put("customerId", customerId);
		putIfPresent(fields, "username", username);
		fields.put("category", category.name());
		fields.put("description", description);
		if (shipment != null) {
			fields.put("barcode", shipment.barcode());
			fields.put("barcodeVerified", Boolean.toString(shipment.verified()));
			putIfPresent(fields, "service", shipment.service());
			putIfPresent(fields, "originOffice", shipment.originOffice());
		}
		fields.put("createdAt", Long.toString(createdAt.toEpochMilli()));
		if (followerCount != null) {
			fields.put("followerCount", Long.toString(followerCount));
		}
		fields.put("followerTier", followerTier.name());
		fields.put("status", status.name());
		fields.put("reportStatus", report.status().name());
		return fields;
	}

	static Ticket fromFields(Map<String, String> fields) {
		String barcode = fields.get("barcode");
		ComplainedShipment shipment = barcode == null ? null
				: new ComplainedShipment(barcode, Boolean.parseBoolean(fields.get("barcodeVerified")),
						fields.get("service"), fields.get("originOffice"));
		String followers = fields.get("followerCount");
		return new Ticket(fields.get("id"), fields.get("conversationId"), fields.get("account"),
				fields.get("customerId"), fields.get("username"), ComplaintCategory.valueOf(fields.get("category")),
				fields.get("description"), shipment, instant(fields.get("createdAt")),
				followers == null ? null : Long.valueOf(followers), FollowerTier.valueOf(fields.get("followerTier")),
				TicketStatus.valueOf(fields.get("status")), fields.get("outcome"), instant(fields.get("resolvedAt")),
				new ReportDelivery(ReportStatus.valueOf(fields.get("reportStatus")),
						Integer.parseInt(fields.getOrDefault("reportAttempts", "0")), fields.get("reportLastError"),
						instant(fields.get("reportDeliveredAt"))));
	}

	private static void putIfPresent(Map<String, String> fields, String name, String value) {
		if (value != null) {
			fields.put(name, value);
		}
	}

	private static Instant instant(String epochMillis) {
		return epochMillis == null ? null : Instant.ofEpochMilli(Long.parseLong(epochMillis));
	}

}
