package id.posindonesia.balas.inbox;

import org.springframework.data.redis.connection.stream.RecordId;

/**
 * The Redis keys of the event pipeline, in one place so that the write and the read side agree. They share the hash
 * tag {@code {inbox}} because the pipeline's scripts touch several of them at once, which Redis Cluster allows only
 * within one slot. A conversation's lock lives in the conversation's own slot ({@link ConversationSlot}), where the
 * handler's fenced writes can check it.
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
		return ConversationSlot.key(conversationId, "lock");
	}

	/**
	 * The stream id an inbox member stands for. Members pad the id's sequence number with zeros (see
	 * {@code record-events.lua}) so that events of one millisecond sort by arrival.
	 */
	static RecordId streamId(String inboxMember) {
		int dash = inboxMember.indexOf('-');
		return RecordId.of(Long.parseLong(inboxMember.substring(0, dash)),
				Long.parseLong(inboxMember.substring(dash + 1)));
	}

}
