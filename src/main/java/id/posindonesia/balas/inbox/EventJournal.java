package id.posindonesia.balas.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The write side of the pipeline: stores a webhook body's events in Redis, durably and at once, before Meta gets
 * its {@code 200}. Each event lands in the events stream (consumed by {@link EventStreamWorker}) and in its
 * conversation's inbox, which orders it by timestamp.
 *
 * <p>One script call is in flight at a time, and it carries every body that arrived while the previous one ran (a
 * group commit): under load, a round trip to Redis is shared by many requests instead of paid by each.
 */
@Component
public class EventJournal {

	// Meta's own batch limit; a larger body still goes alone
	private static final int MAX_EVENTS_PER_CALL = 1000;

	// far beyond what waits behind a healthy Redis; past it, Redis is stalled and Meta had better redeliver later
	private static final int MAX_WAITING_EVENTS = 10 * MAX_EVENTS_PER_CALL;

	private final ReactiveStringRedisTemplate redis;

	private final InboxProperties properties;

	private final Counter recorded;

	private final Counter duplicates;

	private final Queue<Body> waiting = new ConcurrentLinkedQueue<>();

	private final AtomicInteger waitingEvents = new AtomicInteger();

	// drain() calls that came while one was running; they make it loop instead of recursing
	private final AtomicInteger drainRequests = new AtomicInteger();

	private volatile boolean writing;

	EventJournal(ReactiveStringRedisTemplate redis, InboxProperties properties, MeterRegistry meters) {
		this.redis = redis;
		this.properties = properties;
		this.recorded = Counter.builder("balas.webhook.events").tag("outcome", "recorded").register(meters);
		this.duplicates = Counter.builder("balas.webhook.events").tag("outcome", "duplicate").register(meters);
	}

	/**
	 * Records the events and tells how many were new; the rest were redeliveries and are dropped. Fails with a
	 * {@link org.springframework.dao.DataAccessException} when they may not have been recorded.
	 */
	public Mono<Recorded> record(List<InboundEvent> events) {
		if (events.isEmpty()) {
			return Mono.just(new Recorded(0, 0));
		}
		return Mono.<Recorded>create(sink -> {
			if (waitingEvents.addAndGet(events.size()) > MAX_WAITING_EVENTS) {
				waitingEvents.addAndGet(-events.size());
				sink.error(new TransientDataAccessResourceException(
						"More than " + MAX_WAITING_EVENTS + " events are waiting for Redis"));
				return;
			}
			Body body = new Body(events, sink, new AtomicBoolean());
			sink.onCancel(() -> body.abandoned().set(true));
			waiting.add(body);
			drain();
		})
			// the bound holds from the body's arrival, however many calls it waits behind
			.timeout(properties.recordTimeout(), Mono.error(() -> new QueryTimeoutException(
					"Redis did not record the events within " + properties.recordTimeout())));
	}

	/** Starts the next call unless one is in flight; called again whenever a body arrives or a call ends. */
	private void drain() {
		if (drainRequests.getAndIncrement() != 0) {
			return;
		}
		int missed = 1;
		do {
			List<Body> bodies = writing ? List.of() : takeWaiting();
			if (!bodies.isEmpty()) {
				writing = true;
				Mono.defer(() -> write(bodies))
					.timeout(properties.recordTimeout(), Mono.error(() -> new QueryTimeoutException(
							"Redis did not record the events within " + properties.recordTimeout())))
					.onErrorResume(error -> {
						bodies.forEach(body -> body.sink().error(error));
						return Mono.empty();
					})
					.doFinally(signal -> {
						writing = false;
						drain();
					})
					.subscribe();
			}
			missed = drainRequests.addAndGet(-missed);
		}
		while (missed != 0);
	}

	private List<Body> takeWaiting() {
		List<Body> bodies = new ArrayList<>();
		int events = 0;
		int taken = 0;
		for (Body next = waiting.peek(); next != null
				&& (bodies.isEmpty() || events + next.events().size() <= MAX_EVENTS_PER_CALL); next = waiting.peek()) {
			waiting.poll();
			taken += next.events().size();
			// a body whose webhook was already answered 503 is left to Meta's redelivery
			if (!next.abandoned().get()) {
				bodies.add(next);
				events += next.events().size();
			}
		}
		waitingEvents.addAndGet(-taken);
		return bodies;
	}

	private Mono<Void> write(List<Body> bodies) {
		List<String> keys = new ArrayList<>();
		List<String> args = new ArrayList<>();
		keys.add(InboxKeys.EVENTS);
		args.add(Long.toString(properties.dedupeTtl().toSeconds()));
		int events = 0;
		for (Body body : bodies) {
			for (InboundEvent event : body.events()) {
				keys.add(InboxKeys.seen(event.dedupeKey()));
				keys.add(InboxKeys.inbox(event.conversationId()));
				args.add(event.kind().code());
				args.add(event.account());
				args.add(event.customer());
				args.add(Long.toString(event.timestamp()));
				args.add(event.dedupeKey());
				args.add(event.payload());
				events++;
			}
		}
		int count = events;
		return redis.execute(LuaScripts.RECORD_EVENTS, keys, args)
			.next()
			.defaultIfEmpty(List.of())
			.doOnNext(flags -> answer(bodies, count, flags))
			.then();
	}

	private void answer(List<Body> bodies, int events, List<Long> flags) {
		if (flags.size() != events) {
			throw new RedisSystemException("Redis answered " + flags.size() + " flags for " + events + " events", null);
		}
		int next = 0;
		for (Body body : bodies) {
			int fresh = 0;
			for (int i = 0; i < body.events().size(); i++) {
				if (flags.get(next++) == 1L) {
					fresh++;
				}
			}
			int repeated = body.events().size() - fresh;
			recorded.increment(fresh);
			duplicates.increment(repeated);
			body.sink().success(new Recorded(fresh, repeated));
		}
	}

	public record Recorded(int recorded, int duplicates) {
	}

	private record Body(List<InboundEvent> events, MonoSink<Recorded> sink, AtomicBoolean abandoned) {
	}

}
