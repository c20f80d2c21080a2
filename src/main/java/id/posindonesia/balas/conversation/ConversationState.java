package id.posindonesia.balas.conversation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import id.posindonesia.balas.nlu.Language;

/**
 * What Balas remembers of a conversation between messages.
 *
 * @param flow the form in progress ({@link Flow#name()}), empty when none
 * @param slots what the form in progress has collected so far
 * @param language the language of the customer's last text, which replies follow
 * @param misses messages in a row that Balas did not understand
 * @param lastInboundAt the customer's last message; Meta allows replies only within 24 hours of it
 * @param version bumped by every stored change, so two instances never overwrite each other's update
 */
record ConversationState(String flow, Map<String, String> slots, Language language, int misses,
		Instant lastInboundAt, long version) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, String>> SLOTS = new TypeReference<>() {
	};

	ConversationState {
		slots = Map.copyOf(slots);
	}

	static ConversationState initial() {
		return new ConversationState("", Map.of(), Language.ID, 0, null, 0);
	}

	boolean inFlow() {
		return !flow.isEmpty();
	}

	ConversationState withInbound(Instant at) {
		Instant latest = lastInboundAt == null || at.isAfter(lastInboundAt) ? at : lastInboundAt;
		return new ConversationState(flow, slots, language, misses, latest, version);
	}

	ConversationState inFlow(String newFlow, Map<String, String> newSlots) {
		return new ConversationState(newFlow, newSlots, language, 0, lastInboundAt, version);
	}

	ConversationState withoutFlow() {
		return new ConversationState("", Map.of(), language, 0, lastInboundAt, version);
	}

	ConversationState withLanguage(Language newLanguage) {
		return new ConversationState(flow, slots, newLanguage, misses, lastInboundAt, version);
	}

	ConversationState withMisses(int newMisses) {
		return new ConversationState(flow, slots, language, newMisses, lastInboundAt, version);
	}

	Map<String, String> toFields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("flow", flow);
		fields.put("slots", JSON.writeValueAsString(slots));
		fields.put("language", language.code());
		fields.put("misses", Integer.toString(misses));
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
		String slots = fields.get("slots");
		return new ConversationState(fields.getOrDefault("flow", ""),
				slots == null ? Map.of() : JSON.readValue(slots, SLOTS),
				"en".equals(fields.get("language")) ? Language.EN : Language.ID,
				Integer.parseInt(fields.getOrDefault("misses", "0")),
				lastInbound == null ? null : Instant.ofEpochMilli(Long.parseLong(lastInbound)),
				Long.parseLong(fields.getOrDefault("version", "0")));
	}

}
