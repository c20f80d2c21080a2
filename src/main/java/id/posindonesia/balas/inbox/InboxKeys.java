package id.posindonesia.balas.inbox;

/**
 * The Redis keys of the event pipeline, in one place so that the write and the read side agree. They share the hash
 * tag {@code {inbox}} because the pipeline's scripts touch several of them at once, which Redis Cluster allows only
 * within one slot.
 */
final class InboxKeys {

	private static final String PREFIX = "balas:{inbox}:";

	static final String EVENTS = PREFIX + "events";

	static final String GROUP = "balas";

	static final String DEAD_LETTER = PREFIX + "dead-letter";

	static final String ATTEMPTS = PREFIX + "attempts";

	private InboxKeys() {
	}

	static String seen(String dedupeKey) {
		return PREFIX + "seen:" + dedupeKey;
	}

	/** The conversation's unprocessed events: stream ids scored by event timestamp. */
	static String inbox(String conversationId) {
		return PREFIX + "inbox:" + conversationId;
	}

	static String lock(String conversationId) {
		return PREFIX + "lock:" + conversationId;
	}

}
