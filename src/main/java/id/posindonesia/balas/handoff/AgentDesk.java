package id.posindonesia.balas.handoff;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import id.posindonesia.balas.complaint.ComplaintDesk;
import id.posindonesia.balas.complaint.FollowerTier;
import id.posindonesia.balas.complaint.Ticket;
import id.posindonesia.balas.complaint.TicketStatus;
import id.posindonesia.balas.config.Masking;
import id.posindonesia.balas.conversation.Conversations;
import id.posindonesia.balas.conversation.DirectMessages;
import id.posindonesia.balas.conversation.DirectMessages.AgentMessage;
import id.posindonesia.balas.graph.CustomerProfiles;

/**
 * What agents do with conversations: take one, answer as themselves, and give it back to the bot (released) or
 * close it (resolved, with an outcome that goes on its ticket). Every change is told live to every agent.
 * Refusals are {@link ResponseStatusException}s whose reason the console shows as it is, in Indonesian.
 */
@Service
class AgentDesk {

	private static final Logger log = LoggerFactory.getLogger(AgentDesk.class);

	private final HandoffStore store;

	private final Conversations conversations;

	private final DirectMessages messages;

	private final CustomerProfiles profiles;

	private final ComplaintDesk complaints;

	private final AgentEvents events;

	private final InstagramInbox inbox;

	private final Timer waits;

	AgentDesk(HandoffStore store, Conversations conversations, DirectMessages messages, CustomerProfiles profiles,
			ComplaintDesk complaints, AgentEvents events, InstagramInbox inbox, MeterRegistry meters) {
		this.store = store;
		this.conversations = conversations;
		this.messages = messages;
		this.profiles = profiles;
		this.complaints = complaints;
		this.events = events;
		this.inbox = inbox;
		this.waits = Timer.builder("balas.handoffs.wait")
			.description("From a customer's request for a person to an agent taking the conversation")
			.register(meters);
	}

	/** {@code agent} takes the conversation, whether it waits for an agent or not; one agent at a time. */
	Mono<Handoff> claim(String conversationId, String agent) {
		return conversations.summary(conversationId)
			.switchIfEmpty(Mono.error(() -> unknown(conversationId)))
			.flatMap(summary -> profiles.find(summary.account(), summary.customer()).flatMap(profile -> {
				FollowerTier tier = FollowerTier.of(profile.followerCount());
				Handoff unrequested = new Handoff(conversationId, HandoffStatus.QUEUED, HandoffReason.AGENT_CLAIM,
						HandoffPriority.of(HandoffReason.AGENT_CLAIM, null, tier, false),
						Instant.now().truncatedTo(ChronoUnit.MILLIS), null, null, null,
						new Handoff.Customer(summary.customer(), profile.username(), profile.followerCount(), tier),
						summary.language(), false, null, null);
				return store.claim(agent, unrequested, Conversations.stateKey(conversationId));
			}))
			.flatMap(holder -> holder.equals(agent) ? store.find(conversationId)
					: Mono.error(conflict("Percakapan ini sedang ditangani oleh " + holder + ".")))
			.flatMap(handoff -> {
				if (handoff.reason() != HandoffReason.AGENT_CLAIM) {
					waits.record(Duration.between(handoff.queuedAt(), handoff.claimedAt()));
				}
				log.info("Agent {} took the conversation of {}", agent, Masking.id(handoff.customer().id()));
				return events.handoffChanged(handoff).thenReturn(handoff);
			});
	}

	/** Sends {@code text} as {@code agent}, who must hold the conversation. */
	Mono<AgentMessage> send(String conversationId, String agent, String text) {
		if (text == null || text.isBlank()) {
			return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "Pesan tidak boleh kosong."));
		}
		return store.touch(conversationId, agent)
			.flatMap(outcome -> outcome.isEmpty() ? messages.fromAgent(conversationId, agent, text.strip())
					: Mono.error(notYours(outcome)))
			.flatMap(sent -> events.newLine(conversationId, agent, sent.line()).thenReturn(sent));
	}

	/** Gives the conversation back to the bot, which tells the customer. */
	Mono<Void> release(String conversationId, String agent, boolean supervisor) {
		return handoff(conversationId).flatMap(handoff -> close(handoff, agent, supervisor, "handoff.released"));
	}

	/** Closes the conversation with {@code outcome}, which goes on its open ticket, and gives it back to the bot. */
	Mono<Void> resolve(String conversationId, String agent, boolean supervisor, String outcome) {
		if (outcome == null || outcome.isBlank()) {
			return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "Hasil penanganan wajib diisi."));
		}
		return handoff(conversationId).flatMap(handoff -> close(handoff, agent, supervisor, "handoff.resolved")
			.then(resolveTicket(handoff, outcome.strip())));
	}

	private Mono<Handoff> handoff(String conversationId) {
		return store.find(conversationId)
			.switchIfEmpty(Mono.error(() -> conflict("Percakapan ini tidak sedang menunggu atau ditangani agen.")));
	}

	private Mono<Void> close(Handoff handoff, String agent, boolean supervisor, String farewell) {
		String conversationId = handoff.conversationId();
		Mono<Void> takenBack = inbox.takeBack(handoff)
			.onErrorMap(failure -> new ResponseStatusException(HttpStatus.BAD_GATEWAY,
					"Instagram tidak mengembalikan percakapan ini dari Inbox. Coba lagi.", failure));
		return takenBack.then(store.close(conversationId, agent, supervisor)).flatMap(outcome -> {
			if (!outcome.isEmpty()) {
				return Mono.error(notYours(outcome));
			}
			log.info("Agent {} gave the conversation of {} back to the bot", agent, Masking.id(handoff.customer().id()));
			return events.handoffChanged(handoff.closed())
				.then(messages.fromBot(conversationId, farewell))
				.flatMap(line -> events.newLine(conversationId, null, line))
				.then();
		});
	}

	/** The outcome goes on the handoff's ticket, else on the conversation's latest ticket still open. */
	private Mono<Void> resolveTicket(Handoff handoff, String outcome) {
		Mono<String> ticket = handoff.ticketId() != null ? Mono.just(handoff.ticketId())
				: complaints.inConversation(handoff.conversationId(), 1)
					.next()
					.filter(latest -> latest.status() == TicketStatus.OPEN)
					.map(Ticket::id);
		return ticket.flatMap(id -> complaints.resolve(id, outcome)).then();
	}

	private static ResponseStatusException notYours(String outcome) {
		return switch (outcome) {
			case "-" -> conflict("Percakapan ini tidak sedang ditangani agen. Ambil alih dulu.");
			case "QUEUED" -> conflict("Percakapan ini masih di antrean. Ambil alih dulu.");
			default -> conflict("Percakapan ini sedang ditangani oleh " + outcome + ".");
		};
	}

	private static ResponseStatusException conflict(String reason) {
		return new ResponseStatusException(HttpStatus.CONFLICT, reason);
	}

	static ResponseStatusException unknown(String conversationId) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "Percakapan " + conversationId + " tidak ditemukan.");
	}

}
