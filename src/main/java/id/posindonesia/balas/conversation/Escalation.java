package id.posindonesia.balas.conversation;

import id.posindonesia.balas.complaint.ComplaintCategory;
import id.posindonesia.balas.complaint.Ticket;
import id.posindonesia.balas.handoff.HandoffReason;

/** A form's request for an agent, beside its replies. */
record Escalation(HandoffReason reason, String ticketId, ComplaintCategory category) {

	static Escalation lockout() {
		return new Escalation(HandoffReason.LOCKOUT, null, null);
	}

	/** A complaint whose shipment could not be verified: an agent checks it with the customer. */
	static Escalation lockout(Ticket ticket) {
		return new Escalation(HandoffReason.LOCKOUT, ticket.id(), ticket.category());
	}

	static Escalation complaint(Ticket ticket) {
		return new Escalation(HandoffReason.COMPLAINT, ticket.id(), ticket.category());
	}

}
