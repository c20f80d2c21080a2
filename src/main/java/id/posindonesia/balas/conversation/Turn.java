package id.posindonesia.balas.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import id.posindonesia.balas.conversation.TranscriptLine.Author;
import id.posindonesia.balas.handoff.Handoff;

/**
 * What one event does to a conversation: its next state, and the messages Balas sends in answer.
 *
 * @param heard what the customer said, for the transcript; null when the event said nothing
 * @param handoff the conversation's handoff when it waits for an agent or an agent holds it, who then hear of the
 * turn live; else null
 */
record Turn(ConversationState next, List<Reply> replies, TranscriptLine heard, Handoff handoff) {

	Turn(ConversationState next, List<Reply> replies) {
		this(next, replies, null, null);
	}

	Turn(ConversationState next, List<Reply> replies, TranscriptLine heard) {
		this(next, replies, heard, null);
	}

	static Turn silent(ConversationState next) {
		return new Turn(next, List.of());
	}

	Turn hearing(TranscriptLine line) {
		return new Turn(next, replies, line, handoff);
	}

	/** What the customer said, then each of the bot's replies, as the transcript keeps them. */
	List<TranscriptLine> lines() {
		List<TranscriptLine> lines = new ArrayList<>();
		if (heard != null) {
			lines.add(heard);
		}
		Instant now = Instant.now();
		replies.forEach(reply -> lines.add(new TranscriptLine(now, Author.BOT, reply.text(), false)));
		return lines;
	}

	Turn within(Handoff current) {
		return new Turn(next, replies, heard, current);
	}

}
