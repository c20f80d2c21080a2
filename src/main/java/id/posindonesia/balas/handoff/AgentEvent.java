package id.posindonesia.balas.handoff;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import id.posindonesia.balas.conversation.TranscriptLine;

/** What agents are told live, on every instance: the queue changed, or a conversation in it got a message. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = AgentEvent.HandoffChanged.class, name = "handoff"),
		@JsonSubTypes.Type(value = AgentEvent.NewLine.class, name = "message") })
sealed interface AgentEvent {

	/** The SSE event name. */
	String name();

	/** What {@code agent} may read of it. */
	Object dataFor(String agent);

	record HandoffChanged(Handoff handoff) implements AgentEvent {

		@Override
		public String name() {
			return "handoff";
		}

		@Override
		public Object dataFor(String agent) {
			return handoff;
		}

	}

	/**
	 * @param holder the agent holding the conversation, who alone reads the line whole
	 * @param masked the line as other agents read it
	 */
	record NewLine(String conversationId, String holder, TranscriptLine line, TranscriptLine masked)
			implements AgentEvent {

		@Override
		public String name() {
			return "message";
		}

		@Override
		public Object dataFor(String agent) {
			return new Shown(conversationId, agent.equals(holder) ? line : masked);
		}

		record Shown(String conversationId, TranscriptLine line) {
		}

	}

}
