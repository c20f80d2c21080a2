package id.posindonesia.balas.inbox;

import reactor.core.publisher.Mono;

/**
 * Acts on one recorded event. Called at least once per event, one event of a conversation at a time, in timestamp
 * order; an error makes the event be tried again later, up to {@link InboxProperties#maxAttempts()} times. Since an
 * event may be processed again after a crash or a timeout, effects that must happen once are fenced by the lease
 * named in the {@link EventContext} and remembered per event.
 */
public interface InboundEventHandler {

	Mono<Void> handle(InboundEvent event, EventContext context);

}
