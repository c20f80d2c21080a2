package id.posindonesia.balas.handoff;

import java.util.Set;

import id.posindonesia.balas.complaint.ComplaintCategory;
import id.posindonesia.balas.complaint.FollowerTier;

/**
 * How urgent a handoff is, 1 (first) to 5, on the scale of complaint tickets: the most urgent of what the reason
 * asks for and what the customer's follower tier asks for, one step more urgent when the customer's tone is
 * negative. A parcel gone missing or damaged outranks a late one; a lockout outranks a plain request for a person.
 */
final class HandoffPriority {

	private static final Set<ComplaintCategory> SHIPMENT_AT_RISK = Set.of(ComplaintCategory.LOST,
			ComplaintCategory.DAMAGED, ComplaintCategory.WRONG_RECIPIENT, ComplaintCategory.DELIVERED_NOT_RECEIVED);

	private HandoffPriority() {
	}

	static int of(HandoffReason reason, ComplaintCategory category, FollowerTier tier, boolean negativeTone) {
		int priority = Math.min(byReason(reason, category), tier.priority());
		return Math.max(1, negativeTone ? priority - 1 : priority);
	}

	private static int byReason(HandoffReason reason, ComplaintCategory category) {
		return switch (reason) {
			// a lockout inside a complaint form comes with the complaint's category
			case COMPLAINT, LOCKOUT -> category != null && SHIPMENT_AT_RISK.contains(category) ? 2 : 3;
			case CUSTOMER_REQUEST, NOT_UNDERSTOOD, AGENT_CLAIM -> 4;
		};
	}

}
