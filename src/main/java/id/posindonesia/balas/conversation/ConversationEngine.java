package id.posindonesia.balas.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.restfb.DefaultJsonMapper;
import com.restfb.JsonMapper;
import com.restfb.types.send.SenderActionEnum;
import com.restfb.types.webhook.messaging.MessageItem;
import com.restfb.types.webhook.messaging.MessagingItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import id.posindonesia.balas.graph.GraphClient;
import id.posindonesia.balas.handoff.AgentEvents;
import id.posindonesia.balas.handoff.Handoff;
import id.posindonesia.balas.handoff.HandoffStatus;
import id.posindonesia.balas.handoff.Handoffs;
import id.posindonesia.balas.inbox.EventContext;
import id.posindonesia.balas.inbox.InboundEvent;
import id.posindonesia.balas.inbox.InboundEventHandler;
import id.posindonesia.balas.conversation.TranscriptLine.Author;
import id.posindonesia.balas.nlu.NluService;

/**
 * Decides what Balas does with each recorded event. Texts, quick replies and postbacks go to the {@link Dialogue};
 * other messages (stickers, images) get a polite note; echoes, reactions, seen and deleted messages are recorded
 * and never answered. A turn is committed once per event and its replies are sent at most once each. The agents of
 * a conversation waiting for them or held by one hear of its messages live.
 */
@Component
class ConversationEngine implements InboundEventHandler {

	private static final Logger log = LoggerFactory.getLogger(ConversationEngine.class);

	static final Duration MESSAGING_WINDOW = Duration.ofHours(24);

	// restfb's mapper is thread-safe once built and knows Meta's messaging item shapes
	private final JsonMapper meta = new DefaultJsonMapper();

	private final ConversationRepository conversations;

	private final OutgoingMessages outgoing;

	private final GraphClient graph;

	private final Dialogue dialogue;

	private final NluService nlu;

	private final ReplyTemplates replies;

	private final Handoffs handoffs;

	private final AgentEvents agents;

	private final Conversations recent;

	ConversationEngine(ConversationRepository conversations, OutgoingMessages outgoing, GraphClient graph,
			Dialogue dialogue, NluService nlu, ReplyTemplates replies, Handoffs handoffs, AgentEvents agents,
			Conversations recent) {
		this.conversations = conversations;
		this.outgoing = outgoing;
		this.graph = graph;
		this.dialogue = dialogue;
		this.nlu = nlu;
		this.replies = replies;
		this.handoffs = handoffs;
		this.agents = agents;
		this.recent = recent;
	}

	@Override
	public Mono<Void> handle(InboundEvent event, EventContext context) {
		return switch (event.kind()) {
			case MESSAGE, POSTBACK -> onMessage(event, meta.toJavaObject(event.payload(), MessagingItem.class), context);
			case HANDOVER -> handoffs.onHandover(event);
			default -> Mono.empty();
		};
	}

	private Mono<Void> onMessage(InboundEvent event, MessagingItem item, EventContext context) {
		Instant sentAt = Instant.ofEpochMilli(event.timestamp());
		MessageItem message = item.getMessage();
		if (message != null && Boolean.TRUE.equals(message.getIsDeleted())) {
			return Mono.empty();
		}
		String text = message != null && StringUtils.hasText(message.getText()) ? message.getText() : "";
		String payload = payloadOf(item);
		boolean unsupported = text.isEmpty() && payload.isEmpty();
		boolean truncated = event.payload().contains("\"balas_truncated\"");
		Mono<Boolean> heldByAgent = understand(text, payload).flatMap(understood -> typingWhileLookingUp(event, understood)
			.then(conversations.commit(
				event.conversationId(), event.dedupeKey(), state -> {
					ConversationState seen = state.withInbound(sentAt);
					// inside the tracking form, or a complaint's verification, the customer writes names and phone
					// digits to prove who they are
					TranscriptLine heard = new TranscriptLine(sentAt, Author.CUSTOMER,
							unsupported ? "[lampiran]" : text.isEmpty() ? payload : text,
							TrackingFlow.NAME.equals(state.flow()) || ShipmentVerification.inProgress(state.slots()));
					if (unsupported) {
						return Mono.just(new Turn(seen, List.of(replies.render("unsupported_attachment", seen.language())),
								heard));
					}
					return dialogue.respond(seen, understood, event)
						.map(turn -> (truncated ? withNotice(turn) : turn).hearing(heard));
				})))
			.flatMap(turn -> tellAgents(event.conversationId(), turn).thenReturn(heldByAgent(turn.handoff())))
			// processed again after its turn was committed: its agents heard of it the first time
			.defaultIfEmpty(false);
		Mono<Void> listed = recent.noteInbound(event.conversationId(), sentAt);
		if (sentAt.isBefore(Instant.now().minus(MESSAGING_WINDOW))) {
			// Meta allows no automated message outside the window; an agent can still follow up
			log.warn("Event {} is older than Meta's 24-hour window; its replies are not sent", event.dedupeKey());
			return heldByAgent.then(listed);
		}
		// the reply first: a sender action must not hold it up by a round trip, and is shed first when the budget is tight
		return heldByAgent.flatMap(held -> Mono
			.when(outgoing.deliver(event.conversationId(), event.dedupeKey(), context, event.account(), event.customer()),
					listed)
			.then(handoffs.afterReplies(event.conversationId()))
			// the agent holding the conversation has not necessarily seen it
			.then(held ? Mono.empty() : graph.senderAction(event.account(), event.customer(), SenderActionEnum.mark_seen)));
	}

	/** The agents of a conversation in the queue or held hear of each of its messages live. */
	private Mono<Void> tellAgents(String conversationId, Turn turn) {
		Handoff handoff = turn.handoff();
		if (handoff == null) {
			return Mono.empty();
		}
		return Flux.fromIterable(turn.lines())
			.concatMap(line -> agents.newLine(conversationId, handoff.agent(), line))
			.then();
	}

	private static boolean heldByAgent(Handoff handoff) {
		return handoff != null && handoff.status() == HandoffStatus.HELD;
	}

	/** A shipment lookup can take seconds: the customer sees Balas typing meanwhile, unless an agent has them. */
	private Mono<Void> typingWhileLookingUp(InboundEvent event, CustomerMessage message) {
		return message.barcodes().isEmpty() ? Mono.empty()
				: handoffs.find(event.conversationId())
					.filter(handoff -> handoff.status() == HandoffStatus.HELD)
					.hasElement()
					.flatMap(held -> held ? Mono.empty()
							: graph.senderAction(event.account(), event.customer(), SenderActionEnum.typing_on));
	}

	/** Reads the text with the NLU off the event loop: classification is CPU work. */
	private Mono<CustomerMessage> understand(String text, String payload) {
		if (text.isEmpty()) {
			return Mono.just(new CustomerMessage(text, payload, null));
		}
		return Mono.fromCallable(() -> new CustomerMessage(text, payload, nlu.parse(text)))
			.subscribeOn(Schedulers.parallel());
	}

	private Turn withNotice(Turn turn) {
		List<Reply> withNotice = new ArrayList<>();
		withNotice.add(replies.render("truncated", turn.next().language()));
		withNotice.addAll(turn.replies());
		return new Turn(turn.next(), withNotice, turn.heard(), turn.handoff());
	}

	private static String payloadOf(MessagingItem item) {
		if (item.getPostback() != null && item.getPostback().getPayload() != null) {
			return item.getPostback().getPayload();
		}
		MessageItem message = item.getMessage();
		if (message != null && message.getQuickReply() != null && message.getQuickReply().getPayload() != null) {
			return message.getQuickReply().getPayload();
		}
		return "";
	}

}
