package id.posindonesia.balas.conversation;

import reactor.core.publisher.Mono;

/**
 * A form: a few slots collected over several messages, each checked by its own validator, in the spirit of Rasa
 * forms. The {@link Dialogue} starts a flow when its intent comes and hands it every message until it is done.
 */
interface Flow {

	/** Stored in the conversation while the flow is in progress. */
	String name();

	/** The first step, when the flow starts with {@code message}; it may already hold some slots. */
	Mono<FlowStep> start(FlowContext context);

	/** The next step, with the slots collected so far in {@code context.state().slots()}. */
	Mono<FlowStep> resume(FlowContext context);

}
