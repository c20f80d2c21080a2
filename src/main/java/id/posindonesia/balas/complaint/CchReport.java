package id.posindonesia.balas.complaint;

import java.time.Instant;

/** The JSON body sent to the contact center for one ticket; the description has had phone numbers removed. */
record CchReport(String ticketId, ComplaintCategory category, String description, String barcode,
		Boolean barcodeVerified, String service, String originOffice, String customerUsername,
		FollowerTier followerTier, int priority, Instant createdAt, String conversationId) {

	static CchReport of(Ticket ticket) {
		ComplainedShipment shipment = ticket.shipment();
		return new CchReport(ticket.id(), ticket.category(), ticket.description(),
				shipment == null ? null : shipment.barcode(), shipment == null ? null : shipment.verified(),
				shipment == null ? null : shipment.service(), shipment == null ? null : shipment.originOffice(),
				ticket.username(), ticket.followerTier(), ticket.priority(), ticket.createdAt(),
				ticket.conversationId());
	}

}
