package id.posindonesia.balas.inbox;

import java.time.Duration;
import java.util.function.Supplier;

import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The worker's periodic chores: a round every interval until the worker stops. */
final class Rounds {

	private Rounds() {
	}

	/**
	 * A failed round is logged and the next comes as usual; a round slower than the interval skips ticks rather than
	 * failing the loop.
	 */
	static Flux<Void> every(Duration interval, Mono<Void> stopping, Supplier<Publisher<Void>> round, Logger log,
			String chore) {
		return Flux.interval(interval)
			.onBackpressureDrop()
			.takeUntilOther(stopping)
			.concatMap(tick -> Flux.from(round.get()).onErrorResume(ex -> {
				log.warn("{} failed: {}", chore, ex.toString());
				return Mono.empty();
			}));
	}

}
