package id.posindonesia.balas.conversation;

import java.util.List;

/**
 * What one event does to a conversation: its next state, and the messages Balas sends in answer.
 *
 * @param heard what the customer said, for the transcript; null when the event said nothing
 */
record Turn(ConversationState next, List<Reply> replies, TranscriptLine heard) {

	Turn(ConversationState next, List<Reply> replies) {
		this(next, replies, null);
	}

	static Turn silent(ConversationState next) {
		return new Turn(next, List.of());
	}

	Turn hearing(TranscriptLine line) {
		return new Turn(next, replies, line);
	}

}
