package id.posindonesia.balas.handoff;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import id.posindonesia.balas.config.Masking;

/**
 * Gives back to the queue every held conversation whose agent has been idle for {@code balas.handoff.idle-timeout}:
 * a customer must not wait on an agent who left. Every instance looks; the requeue itself is atomic and happens
 * once.
 */
@Component
class IdleHandoffs implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(IdleHandoffs.class);

	private final HandoffStore store;

	private final AgentEvents events;

	private final HandoffProperties properties;

	private volatile Disposable rounds;

	IdleHandoffs(HandoffStore store, AgentEvents events, HandoffProperties properties) {
		this.store = store;
		this.events = events;
		this.properties = properties;
	}

	/** Requeues the idle ones found now; completes with how many. */
	Mono<Long> requeueIdle() {
		Instant idleSince = Instant.now().minus(properties.idleTimeout());
		return store.list()
			.filter(handoff -> handoff.status() == HandoffStatus.HELD && handoff.lastAgentAt() != null
					&& handoff.lastAgentAt().isBefore(idleSince))
			.concatMap(handoff -> store.requeue(handoff)
				.filter(Boolean::booleanValue)
				.flatMap(requeued -> store.find(handoff.conversationId()))
				.flatMap(requeued -> {
					log.info("Agent {} idle since {}: the conversation of {} is back in the queue", handoff.agent(),
							handoff.lastAgentAt(), Masking.id(handoff.customer().id()));
					return events.handoffChanged(requeued).thenReturn(requeued);
				}))
			.count();
	}

	@Override
	public void start() {
		rounds = Flux.interval(properties.idleCheckInterval())
			.onBackpressureDrop()
			.concatMap(tick -> requeueIdle().onErrorResume(failure -> {
				log.warn("Looking for idle agents failed: {}", failure.toString());
				return Mono.empty();
			}))
			.subscribe();
	}

	@Override
	public void stop() {
		rounds.dispose();
	}

	@Override
	public boolean isRunning() {
		return rounds != null && !rounds.isDisposed();
	}

}
