package id.posindonesia.balas.inbox;

/** The Redis keys of the event pipeline, in one place so that the write and the read side agree. */
final class InboxKeys {

	static final String EVENTS = "balas:events";

	static final String GROUP = "balas";

	static final String DEAD_LETTER = "balas:dead-letter";

	static final String ATTEMPTS = "balas:attempts";

	private InboxKeys() {
	}

	static String seen(String dedupeKey) {
		return "balas:seen:" + dedupeKey;
	}

	/** The conversation's unprocessed events: stream ids scored by event timestamp. */
	static String inbox(String conversationId) {
		return "balas:inbox:" + conversationId;
	}

	static String lock(String conversationId) {
		return "balas:lock:" + conversationId;
	}

}
