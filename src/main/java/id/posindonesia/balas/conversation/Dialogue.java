package id.posindonesia.balas.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import id.posindonesia.balas.complaint.ComplaintDesk;
import id.posindonesia.balas.complaint.TicketId;
import id.posindonesia.balas.handoff.HandoffReason;
import id.posindonesia.balas.handoff.HandoffRequest;
import id.posindonesia.balas.handoff.HandoffStatus;
import id.posindonesia.balas.handoff.Handoffs;
import id.posindonesia.balas.handoff.QueuePlace;
import id.posindonesia.balas.inbox.InboundEvent;
import id.posindonesia.balas.nlu.Intent;
import id.posindonesia.balas.nlu.Language;
import id.posindonesia.balas.suggestion.SuggestionBox;

/**
 * Decides each message's turn: a form in progress gets the message first (inside the tracking form, "BUDI SANTOSO
 * 3344" is verification data, not an intent); otherwise the intent starts a form or is answered from the templates.
 * A customer can leave any form ("batal") or ask for a person at any step; while an agent holds the conversation
 * the bot says nothing.
 */
@Component
class Dialogue {

	// answered from a template of the intent's own name, without a form
	private static final List<Intent> ANSWERS = List.of(Intent.GREETING, Intent.THANKS, Intent.CONTACT_CENTER,
			Intent.COMPLAINT_WEBSITE);

	private static final int MISSES_BEFORE_OFFERING_AN_AGENT = 2;

	private final Map<String, Flow> flows;

	private final Map<Intent, Flow> flowsByIntent;

	private final ReplyTemplates replies;

	private final SuggestionBox suggestions;

	private final ComplaintDesk complaints;

	private final Handoffs handoffs;

	Dialogue(List<Flow> flows, ReplyTemplates replies, SuggestionBox suggestions, ComplaintDesk complaints,
			Handoffs handoffs) {
		this.flows = flows.stream().collect(Collectors.toMap(Flow::name, Function.identity()));
		this.flowsByIntent = Map.of(Intent.TRACK_PARCEL, this.flows.get(TrackingFlow.NAME), Intent.COMPLAINT,
				this.flows.get(ComplaintFlow.NAME));
		this.replies = replies;
		this.suggestions = suggestions;
		this.complaints = complaints;
		this.handoffs = handoffs;
	}

	Mono<Turn> respond(ConversationState current, CustomerMessage message, InboundEvent event) {
		return handoffs.find(event.conversationId())
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap(handoff -> {
				if (handoff.isEmpty()) {
					return decide(current, message, event);
				}
				if (handoff.get().status() == HandoffStatus.HELD) {
					// the agent holding the conversation answers; the bot says nothing
					return Mono.just(Turn.silent(current).within(handoff.get()));
				}
				return decide(current, message, event).map(turn -> turn.handoff() == null ? turn.within(handoff.get()) : turn);
			});
	}

	private Mono<Turn> decide(ConversationState current, CustomerMessage message, InboundEvent event) {
		// inside a form the customer writes data (names, numbers) that tells nothing of their language
		ConversationState state = message.nlu() == null || current.inFlow() ? current
				: current.withLanguage(message.nlu().language());
		FlowContext here = new FlowContext(event.conversationId(), event.account(), event.customer(), event.dedupeKey(),
				state, message);
		Language language = state.language();
		if (message.isCancel() && state.inFlow()) {
			return Mono.just(new Turn(state.withoutFlow(), List.of(replies.render("cancelled", language))));
		}
		Intent intent = message.intent();
		if (asksForAPerson(state, message)) {
			HandoffReason reason = state.misses() >= MISSES_BEFORE_OFFERING_AN_AGENT ? HandoffReason.NOT_UNDERSTOOD
					: HandoffReason.CUSTOMER_REQUEST;
			return handOff(new Turn(state.withoutFlow(), List.of()), here, new Escalation(reason, null, null));
		}
		if (state.inFlow()) {
			if (message.isSmallTalk()) {
				// answered without losing the form: the question before it still stands
				return answer(state, "smalltalk." + intent.label());
			}
			return step(state, flows.get(state.flow()), flows.get(state.flow()).resume(here), here);
		}
		Optional<String> ticket = message.payload().isEmpty() ? TicketId.findIn(message.text()) : Optional.empty();
		if (ticket.isPresent()) {
			return ticketStatus(state, ticket.get(), here);
		}
		if (message.isPointer()) {
			// "tolong follow up": in a DM thread that points at the customer's complaint, when there is one
			return complaints.inConversation(event.conversationId(), 1)
				.next()
				.flatMap(latest -> ticketStatus(state, latest.id(), here))
				.switchIfEmpty(Mono.defer(() -> byIntent(state, here)));
		}
		return byIntent(state, here);
	}

	/**
	 * Asked in so many words ("bicara dengan admin") anywhere, whatever else the message says; understood as such
	 * outside a form (inside one, names and numbers could be mistaken for it) or tapped anywhere; or the offer of an
	 * agent after two misses taken.
	 */
	private static boolean asksForAPerson(ConversationState state, CustomerMessage message) {
		if (message.asksForAPersonOutright()) {
			return true;
		}
		if (message.intent() == Intent.HUMAN_AGENT) {
			return !message.payload().isEmpty() || !state.inFlow();
		}
		return !state.inFlow() && state.misses() >= MISSES_BEFORE_OFFERING_AN_AGENT && message.isYes();
	}

	/** Starts the intent's form, or answers it from the templates. */
	private Mono<Turn> byIntent(ConversationState state, FlowContext here) {
		CustomerMessage message = here.message();
		Intent intent = message.intent();
		Flow flow = flowsByIntent.get(intent);
		if (flow != null) {
			return step(state, flow, flow.start(here), here);
		}
		if (ANSWERS.contains(intent)) {
			return answer(state.withMisses(0), intent.label());
		}
		if (intent == Intent.SUGGESTION) {
			return suggestions.add(here.conversationId(), null, message.text(), state.language())
				.then(answer(state.withMisses(0), "suggestion"));
		}
		int misses = state.misses() + 1;
		return answer(state.withMisses(misses),
				misses >= MISSES_BEFORE_OFFERING_AN_AGENT ? "fallback_offer_agent" : "fallback");
	}

	private Mono<Turn> step(ConversationState state, Flow flow, Mono<FlowStep> step, FlowContext here) {
		return step.flatMap(result -> {
			Turn turn = new Turn(result.finished() ? state.withoutFlow() : state.inFlow(flow.name(), result.slots()),
					result.replies());
			return result.escalation() == null ? Mono.just(turn) : handOff(turn, here, result.escalation());
		});
	}

	/**
	 * Asks for an agent after the turn's own replies and tells the customer where they stand; a complaint that
	 * needs no agent leaves the turn as it was.
	 */
	private Mono<Turn> handOff(Turn turn, FlowContext here, Escalation escalation) {
		Language language = turn.next().language();
		HandoffRequest request = new HandoffRequest(here.conversationId(), here.eventKey(), escalation.reason(),
				language, escalation.ticketId(), escalation.category(), here.message().text());
		return handoffs.request(request).map(place -> {
			List<Reply> told = new ArrayList<>(turn.replies());
			told.add(queued(place, language));
			return new Turn(turn.next().withMisses(0), told, null, place.handoff());
		}).defaultIfEmpty(turn);
	}

	private Reply queued(QueuePlace place, Language language) {
		if (place.position() == 0) {
			return replies.render("handoff.inbox", language);
		}
		// a wait under a minute would promise too much
		String minutes = Long.toString(Math.max(1, place.estimatedWait().toMinutes()));
		return replies.render(place.queuedNow() ? "handoff.queued" : "handoff.already_queued", language,
				Map.of("position", Integer.toString(place.position()), "minutes", minutes));
	}

	private Mono<Turn> answer(ConversationState state, String key) {
		return Mono.just(new Turn(state, List.of(replies.render(key, state.language()))));
	}

	/** A ticket's status, told only to the customer who opened it. */
	private Mono<Turn> ticketStatus(ConversationState state, String ticketId, FlowContext context) {
		Language language = state.language();
		return complaints.find(ticketId)
			.filter(ticket -> ticket.customerId().equals(context.customer()) && ticket.account().equals(context.account()))
			.map(ticket -> replies.render("complaint.ticket_status." + ticket.status().name().toLowerCase(Locale.ROOT),
					language, Map.of("ticket", ticket.id(), "category", ticket.category().label(language), "outcome",
							Objects.requireNonNullElse(ticket.outcome(), ""))))
			.defaultIfEmpty(replies.render("complaint.ticket_unknown", language, Map.of("ticket", ticketId)))
			.map(reply -> new Turn(state, new ArrayList<>(List.of(reply))));
	}

}
