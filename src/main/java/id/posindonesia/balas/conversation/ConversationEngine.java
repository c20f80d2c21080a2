package id.posindonesia.balas.conversation;

import java.time.Instant;
import java.util.List;

import com.restfb.DefaultJsonMapper;
import com.restfb.JsonMapper;
import com.restfb.types.send.SenderActionEnum;
import com.restfb.types.webhook.messaging.MessageItem;
import com.restfb.types.webhook.messaging.MessagingItem;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import id.posindonesia.balas.graph.GraphClient;
import id.posindonesia.balas.inbox.EventContext;
import id.posindonesia.balas.inbox.InboundEvent;
import id.posindonesia.balas.inbox.InboundEventHandler;

/**
 * Decides what Balas does with each recorded event. Messages and postbacks move the conversation's 24-hour
 * window; text messages are answered. Everything else is acknowledged and ignored.
 */
@Component
class ConversationEngine implements InboundEventHandler {

	static final String GREETED = "greeted";

	// restfb's mapper is thread-safe once built and knows Meta's messaging item shapes
	private final JsonMapper meta = new DefaultJsonMapper();

	private final ConversationRepository conversations;

	private final OutgoingMessages outgoing;

	private final GraphClient graph;

	ConversationEngine(ConversationRepository conversations, OutgoingMessages outgoing, GraphClient graph) {
		this.conversations = conversations;
		this.outgoing = outgoing;
		this.graph = graph;
	}

	@Override
	public Mono<Void> handle(InboundEvent event, EventContext context) {
		return switch (event.kind()) {
			case MESSAGE -> onMessage(event, meta.toJavaObject(event.payload(), MessagingItem.class), context);
			case POSTBACK -> conversations.commit(event.conversationId(), event.dedupeKey(),
					state -> Mono.just(Turn.silent(state.withInbound(Instant.ofEpochMilli(event.timestamp())))));
			default -> Mono.empty();
		};
	}

	private Mono<Void> onMessage(InboundEvent event, MessagingItem item, EventContext context) {
		MessageItem message = item.getMessage();
		Instant sentAt = Instant.ofEpochMilli(event.timestamp());
		boolean answerable = message != null && !Boolean.TRUE.equals(message.getIsDeleted())
				&& StringUtils.hasText(message.getText());
		Mono<Void> committed = conversations.commit(event.conversationId(), event.dedupeKey(),
				state -> Mono.just(answerable
						? new Turn(state.withInbound(sentAt).withState(GREETED), List.of(Replies.GREETING))
						: Turn.silent(state.withInbound(sentAt))));
		if (!answerable) {
			return committed;
		}
		return committed.then(graph.senderAction(event.account(), event.customer(), SenderActionEnum.mark_seen))
			.then(outgoing.deliver(event.conversationId(), event.dedupeKey(), context, event.account(), event.customer()));
	}

}
