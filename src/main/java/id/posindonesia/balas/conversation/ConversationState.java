package id.posindonesia.balas.conversation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Balas remembers of a conversation between messages.
 *
 * @param lastInboundAt the customer's last message; Meta allows replies only within 24 hours of it
 * @param version bumped by every stored change, so two instances never overwrite each other's update
 */
record ConversationState(String state, String language, Instant lastInboundAt, long version) {

	static final String NEW = "new";

	static ConversationState initial() {
		return new ConversationState(NEW, "id", null, 0);
	}

	ConversationState withInbound(Instant at) {
		Instant latest = lastInboundAt == null || at.isAfter(lastInboundAt) ? at : lastInboundAt;
		return new ConversationState(state, language, latest, version);
	}

	ConversationState withState(String newState) {
		return new ConversationState(newState, language, lastInboundAt, version);
	}

	Map<String, String> toFields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("state", state);
		fields.put("language", language);
		if (lastInboundAt != null) {
			fields.put("lastInboundAt", Long.toString(lastInboundAt.toEpochMilli()));
		}
		return fields;
	}

	static ConversationState fromFields(Map<String, String> fields) {
		if (fields.isEmpty()) {
			return initial();
		}
		String lastInbound = fields.get("lastInboundAt");
		return new ConversationState(fields.getOrDefault("state", NEW), fields.getOrDefault("language", "id"),
				lastInbound == null ? null : Instant.ofEpochMilli(Long.parseLong(lastInbound)),
				Long.parseLong(fields.getOrDefault("version", "0")));
	}

}
