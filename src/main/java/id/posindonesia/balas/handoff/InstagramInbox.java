package id.posindonesia.balas.handoff;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import id.posindonesia.balas.config.Masking;
import id.posindonesia.balas.conversation.ConversationId;
import id.posindonesia.balas.graph.GraphClient;
import id.posindonesia.balas.inbox.InboundEvent;

/**
 * {@code HANDOFF_MODE=inbox}: people answer in Meta's Instagram Inbox instead of Balas's console. A handoff is held
 * by the Inbox at once; once the bot has told the customer, the conversation is passed there with the handover
 * protocol, and the customer's messages reach Balas as {@code standby} events, recorded and not answered. When the
 * Inbox passes the conversation back ({@code messaging_handover}), or an agent releases it through Balas's API
 * (which takes thread control), the bot answers again.
 */
@Component
class InstagramInbox {

	/** Who holds a conversation passed to the Inbox. */
	static final String HOLDER = "instagram-inbox";

	private static final Logger log = LoggerFactory.getLogger(InstagramInbox.class);

	private final HandoffStore store;

	private final GraphClient graph;

	private final AgentEvents events;

	private final HandoffProperties properties;

	private final ObjectMapper json;

	InstagramInbox(HandoffStore store, GraphClient graph, AgentEvents events, HandoffProperties properties,
			ObjectMapper json) {
		this.store = store;
		this.graph = graph;
		this.events = events;
		this.properties = properties;
		this.json = json;
	}

	boolean inUse() {
		return properties.mode() == HandoffProperties.HandoffMode.INBOX;
	}

	/** The handoff as the Inbox holds it from the start. */
	Handoff heldThere(Handoff wanted) {
		return new Handoff(wanted.conversationId(), HandoffStatus.HELD, wanted.reason(), wanted.priority(),
				wanted.queuedAt(), HOLDER, wanted.queuedAt(), null, wanted.customer(), wanted.language(),
				wanted.negativeTone(), wanted.ticketId(), null);
	}

	/**
	 * Passes a conversation the Inbox holds to it, once the bot's reply went out (the bot may write only while it
	 * controls the thread); at most once per handoff.
	 */
	Mono<Void> passIfDue(String conversationId) {
		ConversationId id = ConversationId.parse(conversationId).orElse(null);
		if (!inUse() || id == null) {
			return Mono.empty();
		}
		return store.find(conversationId)
			.filter(handoff -> HOLDER.equals(handoff.agent()))
			.filterWhen(handoff -> store.claimPassToInbox(conversationId))
			.flatMap(handoff -> graph
				.passThreadControl(id.account(), id.customer(), properties.inboxAppId(), "balas:" + handoff.reason())
				.doOnSuccess(passed -> log.info("Conversation of {} passed to the Instagram Inbox ({})",
						Masking.id(id.customer()), handoff.reason())))
			.onErrorResume(failure -> {
				log.warn("Passing the conversation of {} to the Instagram Inbox failed: {}", Masking.id(id.customer()),
						failure.toString());
				return Mono.empty();
			});
	}

	/** Control came back to Balas: the conversation's handoff ends and the bot answers again. */
	Mono<Void> onHandover(InboundEvent event) {
		JsonNode item = json.readTree(event.payload());
		if (!item.has("pass_thread_control")) {
			// take_thread_control tells the previous owner it lost control; request_thread_control asks Balas, the
			// bot, to hand over a conversation it will hand over by itself when the customer asks
			return Mono.empty();
		}
		String conversationId = event.conversationId();
		return store.find(conversationId)
			.flatMap(handoff -> store.close(conversationId, HOLDER, true)
				.filter(String::isEmpty)
				.flatMap(closed -> {
					log.info("The Instagram Inbox passed the conversation of {} back at {}", Masking.id(event.customer()),
							Instant.ofEpochMilli(event.timestamp()));
					return events.handoffChanged(handoff.closed());
				}));
	}

	/** Takes the conversation back from the Inbox before an agent gives it to the bot through Balas. */
	Mono<Void> takeBack(Handoff handoff) {
		ConversationId id = ConversationId.parse(handoff.conversationId()).orElse(null);
		if (id == null || !HOLDER.equals(handoff.agent())) {
			return Mono.empty();
		}
		return graph.takeThreadControl(id.account(), id.customer(), "balas:released");
	}

}
