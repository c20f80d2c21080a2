package id.posindonesia.balas.conversation;

import java.time.Duration;
import java.time.Instant;

import com.restfb.DefaultJsonMapper;
import com.restfb.JsonMapper;
import com.restfb.types.send.SenderActionEnum;
import com.restfb.types.webhook.messaging.MessageItem;
import com.restfb.types.webhook.messaging.MessagingItem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import id.posindonesia.balas.graph.GraphClient;
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

	private final GraphClient graph;

	private final Timer replyLatency;

	ConversationEngine(ConversationRepository conversations, GraphClient graph, MeterRegistry meters) {
		this.conversations = conversations;
		this.graph = graph;
		this.replyLatency = Timer.builder("balas.reply.latency")
			.description("From the webhook's arrival to the reply accepted by the Graph API")
			.register(meters);
	}

	@Override
	public Mono<Void> handle(InboundEvent event, long receivedAt) {
		return switch (event.kind()) {
			case MESSAGE -> onMessage(event, meta.toJavaObject(event.payload(), MessagingItem.class), receivedAt);
			case POSTBACK -> conversations
				.update(event.conversationId(), state -> state.withInbound(Instant.ofEpochMilli(event.timestamp())))
				.then();
			default -> Mono.empty();
		};
	}

	private Mono<Void> onMessage(InboundEvent event, MessagingItem item, long receivedAt) {
		MessageItem message = item.getMessage();
		Instant sentAt = Instant.ofEpochMilli(event.timestamp());
		boolean answerable = message != null && !Boolean.TRUE.equals(message.getIsDeleted())
				&& StringUtils.hasText(message.getText());
		Mono<ConversationState> stored = conversations.update(event.conversationId(),
				state -> answerable ? state.withInbound(sentAt).withState(GREETED) : state.withInbound(sentAt));
		if (!answerable) {
			return stored.then();
		}
		return stored.then(graph.senderAction(event.account(), event.customer(), SenderActionEnum.mark_seen))
			.then(graph.senderAction(event.account(), event.customer(), SenderActionEnum.typing_on))
			.then(graph.sendText(event.account(), event.customer(), Replies.GREETING))
			.doOnSuccess(sent -> replyLatency.record(Duration.ofMillis(System.currentTimeMillis() - receivedAt)));
	}

}
