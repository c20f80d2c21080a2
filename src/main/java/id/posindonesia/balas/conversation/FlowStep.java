package id.posindonesia.balas.conversation;

import java.util.List;
import java.util.Map;

/**
 * What a flow did with a message: the replies, and either the slots to keep for its next message or
 * {@code finished}; and, when the customer needs a person, an {@code escalation} (else {@code null}).
 */
record FlowStep(List<Reply> replies, Map<String, String> slots, boolean finished, Escalation escalation) {

	static FlowStep ask(Map<String, String> slots, Reply... replies) {
		return new FlowStep(List.of(replies), slots, false, null);
	}

	static FlowStep done(Reply... replies) {
		return new FlowStep(List.of(replies), Map.of(), true, null);
	}

	static FlowStep done(List<Reply> replies) {
		return new FlowStep(replies, Map.of(), true, null);
	}

	FlowStep escalating(Escalation to) {
		return new FlowStep(replies, slots, finished, to);
	}

}
