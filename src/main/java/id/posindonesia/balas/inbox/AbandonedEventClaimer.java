package id.posindonesia.balas.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Takes over events whose consumer stopped acknowledging them for {@code claim-min-idle}: an instance that died, or
 * one whose conversation was locked at the time. Every round first tells the group which events this instance is
 * still working on, so that it never looks dead to the others, then scans the pending list for the rest.
 *
 * <p>A page is read whole before its events are processed. Lettuce stops reading the shared connection while a
 * multi-element reply waits for demand, so streaming a reply into work that itself needs Redis would freeze every
 * command on that connection until it timed out.
 */
class AbandonedEventClaimer {

	private static final Logger log = LoggerFactory.getLogger(AbandonedEventClaimer.class);

	private static final String SCAN_START = "0-0";

	private static final int PAGE = 100;

	// the scan goes on where it stopped next round; entries whose conversation is locked elsewhere are claimed again
	// each time they go idle, and without a bound a large backlog of them would keep Redis busy with nothing else
	private static final int PAGES_PER_ROUND = 5;

	private static final int KEEP_ALIVE_BATCH = 1000;

	private final ReactiveStringRedisTemplate redis;

	private final ConversationRunner runner;

	private final InboxProperties properties;

	private final String consumerName;

	private final AtomicReference<String> cursor = new AtomicReference<>(SCAN_START);

	AbandonedEventClaimer(ReactiveStringRedisTemplate redis, ConversationRunner runner, InboxProperties properties,
			String consumerName) {
		this.redis = redis;
		this.runner = runner;
		this.properties = properties;
		this.consumerName = consumerName;
	}

	Flux<Void> run(Mono<Void> stopping) {
		return Rounds.every(properties.claimInterval(), stopping,
				() -> keepOwnEventsClaimed().thenMany(claimPendingList()), log, "Claiming abandoned events");
	}

	private Mono<Void> keepOwnEventsClaimed() {
		List<String> ids = runner.inFlight().stream().map(RecordId::getValue).toList();
		return Flux.range(0, (ids.size() + KEEP_ALIVE_BATCH - 1) / KEEP_ALIVE_BATCH)
			.concatMap(batch -> {
				List<String> args = new ArrayList<>(List.of(InboxKeys.GROUP, consumerName));
				args.addAll(ids.subList(batch * KEEP_ALIVE_BATCH, Math.min(ids.size(), (batch + 1) * KEEP_ALIVE_BATCH)));
				return redis.execute(LuaScripts.KEEP_CLAIMED, List.of(InboxKeys.EVENTS), args);
			})
			.then();
	}

	/**
	 * Scans the pending list a page at a time, up to {@link #PAGES_PER_ROUND}; the next page is claimed only when
	 * processing slots free up, so that claimed events never wait long and a slow conversation does not hold up the
	 * rest.
	 */
	private Flux<Void> claimPendingList() {
		return Mono.defer(this::claimPage)
			.repeat(PAGES_PER_ROUND - 1)
			.takeUntil(page -> SCAN_START.equals(cursor.get()))
			.flatMapIterable(page -> page)
			.flatMap(runner::process, properties.concurrency());
	}

	private Mono<List<Cue>> claimPage() {
		return redis
			.execute(LuaScripts.CLAIM_ABANDONED, List.of(InboxKeys.EVENTS),
					List.of(InboxKeys.GROUP, consumerName, Long.toString(properties.claimMinIdle().toMillis()),
							cursor.get(), Integer.toString(PAGE)))
			.next()
			.map(page -> {
				cursor.set(page.get(0));
				List<Cue> cues = new ArrayList<>();
				for (int i = 1; i + 3 < page.size(); i += 4) {
					cues.add(new Cue(RecordId.of(page.get(i)),
							InboundEvent.conversationOf(page.get(i + 1), page.get(i + 2), page.get(i + 3))));
				}
				if (!cues.isEmpty()) {
					log.info("Claimed {} abandoned events", cues.size());
				}
				return cues;
			});
	}

}
