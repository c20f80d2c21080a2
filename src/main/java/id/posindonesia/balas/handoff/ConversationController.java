package id.posindonesia.balas.handoff;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import id.posindonesia.balas.complaint.ComplaintDesk;
import id.posindonesia.balas.complaint.FollowerTier;
import id.posindonesia.balas.complaint.Ticket;
import id.posindonesia.balas.conversation.ConversationSummary;
import id.posindonesia.balas.conversation.Conversations;
import id.posindonesia.balas.conversation.DirectMessages.AgentMessage;
import id.posindonesia.balas.conversation.Transcript;
import id.posindonesia.balas.conversation.TranscriptLine;
import id.posindonesia.balas.graph.CustomerProfiles;
import id.posindonesia.balas.nlu.Language;

/**
 * Conversations as agents work on them: the recent ones, one with its transcript and what Balas collected (whole
 * only for the agent holding it), and the agent's answers, release and resolution.
 */
@RestController
@RequestMapping("/api/conversations")
class ConversationController {

	private static final int RECENT = 50;

	private static final String SUPERVISOR = "ROLE_SUPERVISOR";

	private final Conversations conversations;

	private final HandoffStore handoffs;

	private final AgentDesk desk;

	private final Transcript transcript;

	private final CustomerProfiles profiles;

	private final ComplaintDesk complaints;

	ConversationController(Conversations conversations, HandoffStore handoffs, AgentDesk desk, Transcript transcript,
			CustomerProfiles profiles, ComplaintDesk complaints) {
		this.conversations = conversations;
		this.handoffs = handoffs;
		this.desk = desk;
		this.transcript = transcript;
		this.profiles = profiles;
		this.complaints = complaints;
	}

	@GetMapping
	Flux<RecentConversation> recent() {
		return conversations.recent(RECENT)
			.flatMapSequential(recent -> Mono.zip(customer(recent.conversationId()), handoff(recent.conversationId()))
				.map(found -> new RecentConversation(recent.conversationId(), found.getT1(), recent.lastMessageAt(),
						found.getT2().orElse(null))));
	}

	@GetMapping("/{conversationId}")
	Mono<ConversationView> conversation(@PathVariable String conversationId, Authentication agent) {
		return conversations.summary(conversationId)
			.switchIfEmpty(Mono.error(() -> AgentDesk.unknown(conversationId)))
			.flatMap(summary -> Mono
				.zip(customer(conversationId), handoff(conversationId),
						complaints.inConversation(conversationId, 1).next().map(Ticket::id).map(Optional::of)
							.defaultIfEmpty(Optional.empty()))
				.flatMap(found -> {
					Handoff handoff = found.getT2().orElse(null);
					boolean holder = handoff != null && handoff.heldBy(agent.getName());
					return (holder ? transcript.read(conversationId) : transcript.readMasked(conversationId)).collectList()
						.map(lines -> new ConversationView(summary, found.getT1(), handoff,
								new Collected(summary.barcode(), summary.verification(), found.getT3().orElse(null)),
								lines, holder));
				}));
	}

	@PostMapping("/{conversationId}/messages")
	Mono<AgentMessage> send(@PathVariable String conversationId, @RequestBody AgentText message,
			Authentication agent) {
		return desk.send(conversationId, agent.getName(), message.text());
	}

	@PostMapping("/{conversationId}/release")
	Mono<Map<String, Object>> release(@PathVariable String conversationId, Authentication agent) {
		return desk.release(conversationId, agent.getName(), isSupervisor(agent)).thenReturn(Map.of());
	}

	@PostMapping("/{conversationId}/resolve")
	Mono<Map<String, Object>> resolve(@PathVariable String conversationId, @RequestBody Resolution resolution,
			Authentication agent) {
		return desk.resolve(conversationId, agent.getName(), isSupervisor(agent), resolution.outcome())
			.thenReturn(Map.of());
	}

	private Mono<Handoff.Customer> customer(String conversationId) {
		String[] parts = conversationId.split(":", 2);
		return profiles.find(parts[0], parts[1])
			.map(profile -> new Handoff.Customer(parts[1], profile.username(), profile.followerCount(),
					FollowerTier.of(profile.followerCount())));
	}

	private Mono<Optional<Handoff>> handoff(String conversationId) {
		return handoffs.find(conversationId).map(Optional::of).defaultIfEmpty(Optional.empty());
	}

	private static boolean isSupervisor(Authentication agent) {
		return agent.getAuthorities().stream().anyMatch(authority -> SUPERVISOR.equals(authority.getAuthority()));
	}

	record RecentConversation(String conversationId, Handoff.Customer customer, Instant lastMessageAt,
			@Nullable Handoff handoff) {
	}

	record Collected(@Nullable String barcode, @Nullable String verification, @Nullable String ticketId) {
	}

	/**
	 * @param unmasked whether personal data is shown whole: only to the agent holding the conversation
	 */
	record ConversationView(String conversationId, String account, Handoff.Customer customer, String flow,
			Language language, @Nullable Instant lastInboundAt, @Nullable Handoff handoff, Collected collected,
			List<TranscriptLine> transcript, boolean unmasked) {

		ConversationView(ConversationSummary summary, Handoff.Customer customer, @Nullable Handoff handoff,
				Collected collected, List<TranscriptLine> transcript, boolean unmasked) {
			this(summary.conversationId(), summary.account(), customer, summary.flow(), summary.language(),
					summary.lastInboundAt(), handoff, collected, transcript, unmasked);
		}

	}

	record AgentText(@Nullable String text) {
	}

	record Resolution(@Nullable String outcome) {
	}

}
