package id.posindonesia.balas.conversation;

import java.util.List;

/** What one event does to a conversation: its next state, and the messages Balas sends in answer. */
record Turn(ConversationState next, List<Reply> replies) {

	static Turn silent(ConversationState next) {
		return new Turn(next, List.of());
	}

}
