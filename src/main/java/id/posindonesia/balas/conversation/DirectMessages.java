package id.posindonesia.balas.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import id.posindonesia.balas.graph.GraphClient;
import id.posindonesia.balas.graph.MessageChunker;

/**
 * Messages sent outside a customer's turn: an agent's answers, and the bot's word when an agent gives the
 * conversation back. Meta's windows apply from the customer's last message: the bot may write within 24 hours, a
 * person within 7 days with the {@code HUMAN_AGENT} tag once the 24 hours have passed.
 */
@Component
public class DirectMessages {

	static final Duration HUMAN_AGENT_WINDOW = Duration.ofDays(7);

	private final ConversationRepository conversations;

	private final Transcript transcript;

	private final GraphClient graph;

	private final ReplyTemplates replies;

	DirectMessages(ConversationRepository conversations, Transcript transcript, GraphClient graph,
			ReplyTemplates replies) {
		this.conversations = conversations;
		this.transcript = transcript;
		this.graph = graph;
		this.replies = replies;
	}

	/**
	 * Sends {@code text} as {@code agent} and adds it to the transcript. Fails with
	 * {@link OutsideMessagingWindowException} when Meta no longer allows it, and with {@link MessageRefusedException}
	 * when the Graph API refused it.
	 */
	public Mono<AgentMessage> fromAgent(String conversationId, String agent, String text) {
		ConversationId id = ConversationId.parse(conversationId)
			.orElseThrow(() -> new IllegalArgumentException("Not a customer's conversation: " + conversationId));
		return conversations.find(conversationId).flatMap(state -> {
			Instant last = state.lastInboundAt();
			Instant now = Instant.now();
			if (last == null || last.isBefore(now.minus(HUMAN_AGENT_WINDOW))) {
				return Mono.error(new OutsideMessagingWindowException(last));
			}
			boolean tagged = last.isBefore(now.minus(ConversationEngine.MESSAGING_WINDOW));
			return Flux.fromIterable(MessageChunker.split(text))
				.concatMap(part -> graph.sendAsAgent(id.account(), id.customer(), part, tagged)
					.switchIfEmpty(Mono.error(MessageRefusedException::new)))
				.then(transcript.append(conversationId, TranscriptLine.byAgent(agent, text)))
				.map(line -> new AgentMessage(line, tagged ? "HUMAN_AGENT" : null));
		});
	}

	/**
	 * Sends the bot's reply {@code templateKey} in the conversation's language, and adds it to the transcript;
	 * empty when the customer's last message is older than Meta allows the bot to answer.
	 */
	public Mono<TranscriptLine> fromBot(String conversationId, String templateKey) {
		ConversationId id = ConversationId.parse(conversationId).orElse(null);
		if (id == null) {
			return Mono.empty();
		}
		return conversations.find(conversationId)
			.filter(state -> state.lastInboundAt() != null
					&& state.lastInboundAt().isAfter(Instant.now().minus(ConversationEngine.MESSAGING_WINDOW)))
			.flatMap(state -> {
				Reply reply = replies.render(templateKey, state.language());
				List<String> parts = MessageChunker.split(reply.text());
				return Flux.range(0, parts.size())
					.concatMap(i -> graph.sendText(id.account(), id.customer(), parts.get(i),
							i == parts.size() - 1 ? reply.quickReplies() : List.of()))
					.then(transcript.append(conversationId,
							new TranscriptLine(Instant.now(), TranscriptLine.Author.BOT, reply.text(), false)));
			});
	}

	/** @param tag {@code HUMAN_AGENT} when the message went out with that tag */
	public record AgentMessage(TranscriptLine line, String tag) {
	}

}
