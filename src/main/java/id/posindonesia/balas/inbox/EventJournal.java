package id.posindonesia.balas.inbox;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The write side of the pipeline: stores a webhook body's events in Redis, durably and at once, before Meta gets
 * its {@code 200}. Each event lands in the events stream (consumed by {@link EventStreamWorker}) and in its
 * conversation's inbox, which orders it by timestamp.
 */
@Component
public class EventJournal {

	private final ReactiveStringRedisTemplate redis;

	private final InboxProperties properties;

	private final Counter recorded;

	private final Counter duplicates;

	EventJournal(ReactiveStringRedisTemplate redis, InboxProperties properties, MeterRegistry meters) {
		this.redis = redis;
		this.properties = properties;
		this.recorded = Counter.builder("balas.webhook.events").tag("outcome", "recorded").register(meters);
		this.duplicates = Counter.builder("balas.webhook.events").tag("outcome", "duplicate").register(meters);
	}

	/** Records the events and tells how many were new; the rest were redeliveries and are dropped. */
	public Mono<Recorded> record(List<InboundEvent> events) {
		if (events.isEmpty()) {
			return Mono.just(new Recorded(0, 0));
		}
		List<String> keys = new ArrayList<>(1 + 2 * events.size());
		List<String> args = new ArrayList<>(2 + 6 * events.size());
		keys.add(InboxKeys.EVENTS);
		args.add(Long.toString(properties.dedupeTtl().toSeconds()));
		args.add(Long.toString(System.currentTimeMillis()));
		for (InboundEvent event : events) {
			keys.add(InboxKeys.seen(event.dedupeKey()));
			keys.add(InboxKeys.inbox(event.conversationId()));
			args.add(event.kind().code());
			args.add(event.account());
			args.add(event.customer());
			args.add(Long.toString(event.timestamp()));
			args.add(event.dedupeKey());
			args.add(event.payload());
		}
		return redis.execute(LuaScripts.RECORD_EVENTS, keys, args).next().map(flags -> {
			int fresh = (int) flags.stream().filter(flag -> flag == 1L).count();
			recorded.increment(fresh);
			duplicates.increment(flags.size() - fresh);
			return new Recorded(fresh, flags.size() - fresh);
		});
	}

	public record Recorded(int recorded, int duplicates) {
	}

}
