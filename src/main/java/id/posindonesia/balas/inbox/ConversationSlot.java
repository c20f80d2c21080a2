package id.posindonesia.balas.inbox;

/**
 * Keys of one conversation share the hash tag {@code {c:<conversation>}}: a script may then touch the
 * conversation's state, its lock and its outgoing messages at once, on Redis Cluster too.
 */
public final class ConversationSlot {

	private ConversationSlot() {
	}

	public static String key(String conversationId, String name) {
		return "balas:{c:" + conversationId + "}:" + name;
	}

}
