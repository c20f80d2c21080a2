package id.posindonesia.balas.handoff;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import id.posindonesia.balas.complaint.FollowerTier;
import id.posindonesia.balas.config.Masking;
import id.posindonesia.balas.conversation.ConversationId;
import id.posindonesia.balas.conversation.Transcript;
import id.posindonesia.balas.conversation.TranscriptLine;
import id.posindonesia.balas.graph.CustomerProfile;
import id.posindonesia.balas.graph.CustomerProfiles;
import id.posindonesia.balas.inbox.InboundEvent;

/**
 * The dialogue's way to agents: whether an agent holds a conversation, and requests for one. A request made again
 * while the conversation waits or is held queues nothing new, and tells where it stands.
 */
@Service
public class Handoffs {

	private static final Logger log = LoggerFactory.getLogger(Handoffs.class);

	// the tone of the request itself and of what the customer wrote just before it
	private static final int RECENT_MESSAGES_FOR_TONE = 3;

	private final HandoffStore store;

	private final CustomerProfiles profiles;

	private final NegativeTone tone;

	private final WaitEstimate waits;

	private final AgentEvents events;

	private final HandoffProperties properties;

	private final Transcript transcript;

	private final InstagramInbox inbox;

	private final MeterRegistry meters;

	Handoffs(HandoffStore store, CustomerProfiles profiles, NegativeTone tone, WaitEstimate waits, AgentEvents events,
			HandoffProperties properties, Transcript transcript, InstagramInbox inbox, MeterRegistry meters) {
		this.store = store;
		this.profiles = profiles;
		this.tone = tone;
		this.waits = waits;
		this.events = events;
		this.properties = properties;
		this.transcript = transcript;
		this.inbox = inbox;
		this.meters = meters;
	}

	/** The conversation's handoff, empty when the bot has it alone. */
	public Mono<Handoff> find(String conversationId) {
		return store.find(conversationId);
	}

	/**
	 * Queues the conversation for an agent, unless it waits already; empty when the request needs no agent: a
	 * complaint from a customer followed less widely than {@code balas.handoff.complaint-priority} asks for goes to
	 * the post office alone.
	 */
	public Mono<QueuePlace> request(HandoffRequest request) {
		ConversationId id = ConversationId.parse(request.conversationId())
			.orElseThrow(() -> new IllegalArgumentException("No customer to hand over in " + request.conversationId()));
		Mono<Boolean> unhappy = transcript.recentFromCustomer(request.conversationId())
			.take(RECENT_MESSAGES_FOR_TONE)
			.map(TranscriptLine::text)
			.startWith(request.lastMessage())
			.any(tone::in);
		return Mono.zip(profiles.find(id.account(), id.customer()), unhappy).flatMap(found -> {
			CustomerProfile profile = found.getT1();
			boolean negative = found.getT2();
			FollowerTier tier = FollowerTier.of(profile.followerCount());
			if (request.reason() == HandoffReason.COMPLAINT && tier.priority() > properties.complaintPriority()) {
				return Mono.empty();
			}
			Handoff asked = new Handoff(request.conversationId(), HandoffStatus.QUEUED, request.reason(),
					HandoffPriority.of(request.reason(), request.category(), tier, negative),
					Instant.now().truncatedTo(ChronoUnit.MILLIS), null, null, null,
					new Handoff.Customer(id.customer(), profile.username(), profile.followerCount(), tier),
					request.language(), negative, request.ticketId(), null);
			Handoff wanted = inbox.inUse() ? inbox.heldThere(asked) : asked;
			return store.request(wanted, request.eventKey())
				.flatMap(queuedNow -> placeOf(request.conversationId(), queuedNow));
		});
	}

	/** Once the bot's replies to a message went out: passes a conversation due for the Instagram Inbox there. */
	public Mono<Void> afterReplies(String conversationId) {
		return inbox.passIfDue(conversationId);
	}

	/** A {@code messaging_handover} event: the Instagram Inbox may have given the conversation back. */
	public Mono<Void> onHandover(InboundEvent event) {
		return inbox.onHandover(event);
	}

	private Mono<QueuePlace> placeOf(String conversationId, boolean queuedNow) {
		return store.list().collectList().flatMap(all -> {
			Handoff handoff = all.stream().filter(one -> one.conversationId().equals(conversationId)).findFirst()
				.orElseThrow(() -> new IllegalStateException("Handoff of " + conversationId + " vanished"));
			int position = handoff.status() == HandoffStatus.QUEUED ? positionIn(all, conversationId) : 0;
			Mono<Void> announced = queuedNow ? events.handoffChanged(handoff) : Mono.empty();
			if (queuedNow) {
				meters.counter("balas.handoffs.requested", "reason", handoff.reason().name()).increment();
				log.info("Conversation of {} queued for an agent ({}, priority {}), position {}",
						Masking.id(handoff.customer().id()), handoff.reason(), handoff.priority(), position);
			}
			return announced.then(waits.forPosition(position))
				.map(wait -> new QueuePlace(handoff, queuedNow, position, wait));
		});
	}

	private static int positionIn(List<Handoff> queue, String conversationId) {
		int position = 0;
		for (Handoff handoff : queue) {
			if (handoff.status() == HandoffStatus.QUEUED) {
				position++;
				if (handoff.conversationId().equals(conversationId)) {
					return position;
				}
			}
		}
		return position;
	}

}
