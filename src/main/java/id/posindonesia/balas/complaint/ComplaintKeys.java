package id.posindonesia.balas.complaint;

/**
 * The Redis keys of tickets and their report outbox. They share the hash tag {@code {complaints}} because opening a
 * ticket writes the ticket, its indexes and its outbox entry in one script, which Redis Cluster allows only within
 * one slot.
 */
final class ComplaintKeys {

	private static final String PREFIX = "balas:{complaints}:";

	/** Every ticket id, scored by creation time (epoch ms). */
	static final String TICKETS = PREFIX + "tickets";

	/** Ticket ids whose report is still to be delivered, scored by the time of the next attempt (epoch ms). */
	static final String OUTBOX = PREFIX + "outbox";

	/** Ticket id → token of the worker currently delivering its report. */
	static final String OUTBOX_CLAIMS = PREFIX + "outbox-claims";

	private ComplaintKeys() {
	}

	static String ticket(String id) {
		return PREFIX + "ticket:" + id;
	}

	static String conversationTickets(String conversationId) {
		return PREFIX + "conversation:" + conversationId;
	}

	static String counter(int year) {
		return PREFIX + "counter:" + year;
	}

	static String request(String requestKey) {
		return PREFIX + "request:" + requestKey;
	}

}
