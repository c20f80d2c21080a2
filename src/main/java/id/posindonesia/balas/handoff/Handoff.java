package id.posindonesia.balas.handoff;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import id.posindonesia.balas.complaint.FollowerTier;
import id.posindonesia.balas.nlu.Language;

/**
 * A conversation waiting for an agent or held by one, as agents see it in the queue.
 *
 * @param priority 1 (first) to 5, see {@link HandoffPriority}
 * @param agent the agent holding it, or {@code null} while it waits
 * @param lastAgentAt the holder's last claim or message; an agent idle for too long gives it back to the queue
 * @param lastMessage the customer's last message as any agent may read it, when listed; not stored
 */
public record Handoff(String conversationId, HandoffStatus status, HandoffReason reason, int priority,
		Instant queuedAt, String agent, Instant claimedAt, Instant lastAgentAt, Customer customer, Language language,
		boolean negativeTone, String ticketId, String lastMessage) {

	/**
	 * @param followers the follower count of the customer's profile, {@code null} when it could not be read
	 */
	public record Customer(String id, String username, Long followers, FollowerTier tier) {
	}

	boolean heldBy(String someone) {
		return status == HandoffStatus.HELD && someone.equals(agent);
	}

	Handoff withLastMessage(String text) {
		return new Handoff(conversationId, status, reason, priority, queuedAt, agent, claimedAt, lastAgentAt, customer,
				language, negativeTone, ticketId, text);
	}

	/** How live events tell that the bot has it again. */
	Handoff closed() {
		return new Handoff(conversationId, HandoffStatus.CLOSED, reason, priority, queuedAt, null, null, null, customer,
				language, negativeTone, ticketId, null);
	}

	/** The fields of a new handoff, as stored. */
	Map<String, String> toFields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("status", status.name());
		if (agent != null) {
			fields.put("agent", agent);
			fields.put("claimedAt", Long.toString(claimedAt.toEpochMilli()));
		}
		fields.put("reason", reason.name());
		fields.put("priority", Integer.toString(priority));
		fields.put("queuedAt", Long.toString(queuedAt.toEpochMilli()));
		fields.put("customer", customer.id());
		if (customer.username() != null) {
			fields.put("username", customer.username());
		}
		if (customer.followers() != null) {
			fields.put("followers", Long.toString(customer.followers()));
		}
		fields.put("language", language.code());
		fields.put("negativeTone", Boolean.toString(negativeTone));
		if (ticketId != null) {
			fields.put("ticketId", ticketId);
		}
		return fields;
	}

	static Handoff fromFields(String conversationId, Map<String, String> fields) {
		String followers = fields.get("followers");
		Long followerCount = followers == null ? null : Long.valueOf(followers);
		return new Handoff(conversationId, HandoffStatus.valueOf(fields.get("status")),
				HandoffReason.valueOf(fields.get("reason")), Integer.parseInt(fields.get("priority")),
				instant(fields.get("queuedAt")), fields.get("agent"), instant(fields.get("claimedAt")),
				instant(fields.get("lastAgentAt")),
				new Customer(fields.get("customer"), fields.get("username"), followerCount, FollowerTier.of(followerCount)),
				"en".equals(fields.get("language")) ? Language.EN : Language.ID,
				Boolean.parseBoolean(fields.get("negativeTone")), fields.get("ticketId"), null);
	}

	private static Instant instant(String millis) {
		return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
	}

}
