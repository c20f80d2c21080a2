package id.posindonesia.balas.complaint;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import id.posindonesia.balas.config.LuaScript;

/**
 * Delivers the reports that {@link ComplaintDesk} enqueues, from every instance at once without two delivering the
 * same report: a report is claimed for a lease before it is sent, and settled after. A report whose instance dies
 * comes back after its lease. Failures are retried with exponential backoff for as long as it takes; only a report
 * the endpoint refuses as invalid is given up, marked {@link ReportStatus#FAILED}.
 */
@Component
class CchReportOutbox implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CchReportOutbox.class);

	private static final RedisScript<List<String>> CLAIM = LuaScript.load("claim-reports", listOfStrings());

	private static final RedisScript<Long> SETTLE = LuaScript.load("settle-report", Long.class);

	private static final long CLAIM_LOST = -1;

	private static final long TICKET_MISSING = -2;

	private final ReactiveStringRedisTemplate redis;

	private final ComplaintDesk desk;

	private final CchClient client;

	private final CchProperties properties;

	private final String workerId = UUID.randomUUID().toString();

	private final AtomicLong claims = new AtomicLong();

	private final AtomicLong pending = new AtomicLong();

	private final Counter delivered;

	private final Counter failedAttempts;

	private final Counter rejected;

	private volatile Disposable polling;

	CchReportOutbox(ReactiveStringRedisTemplate redis, ComplaintDesk desk, CchClient client, CchProperties properties,
			MeterRegistry meters) {
		this.redis = redis;
		this.desk = desk;
		this.client = client;
		this.properties = properties;
		this.delivered = Counter.builder("balas.cch.reports.delivered").register(meters);
		this.failedAttempts = Counter.builder("balas.cch.reports.failed_attempts").register(meters);
		this.rejected = Counter.builder("balas.cch.reports.rejected").register(meters);
		Gauge.builder("balas.cch.reports.pending", pending, AtomicLong::get)
			.description("Reports waiting for delivery, all instances together")
			.register(meters);
	}

	@Override
	public void start() {
		polling = Flux.interval(properties.pollInterval())
			// a round slower than the interval skips ticks rather than overlapping the next
			.onBackpressureDrop()
			.concatMap(tick -> deliverDue().onErrorResume(ex -> {
				log.warn("Delivering due CCH reports failed: {}", ex.toString());
				return Mono.empty();
			}))
			.subscribe();
		log.info("Delivering complaint reports to {}", client.endpoint().getHost());
	}

	/** Deliveries in progress are abandoned; their reports come back after the lease. */
	@Override
	public void stop() {
		Disposable current = polling;
		if (current != null) {
			current.dispose();
			polling = null;
		}
	}

	@Override
	public boolean isRunning() {
		return polling != null;
	}

	/** Claims and delivers due reports until none is left; completes with how many were claimed. */
	Mono<Integer> deliverDue() {
		return claimAndDeliver()
			.expand(claimed -> claimed == properties.batchSize() ? claimAndDeliver() : Mono.empty())
			.reduce(0, Integer::sum)
			.flatMap(total -> redis.opsForZSet().size(ComplaintKeys.OUTBOX).doOnNext(pending::set).thenReturn(total));
	}

	private Mono<Integer> claimAndDeliver() {
		return claim().flatMap(claim -> Flux.fromIterable(claim.ticketIds())
			.flatMap(ticketId -> deliver(ticketId, claim.token()), properties.concurrency())
			.then(Mono.just(claim.ticketIds().size())));
	}

	/** Takes up to a batch of due reports for this worker until the lease ends. */
	Mono<Claim> claim() {
		return Mono.defer(() -> {
			long now = System.currentTimeMillis();
			String token = workerId + ":" + claims.incrementAndGet();
			return redis
				.execute(CLAIM, List.of(ComplaintKeys.OUTBOX, ComplaintKeys.OUTBOX_CLAIMS),
						List.of(Long.toString(now), Long.toString(now + properties.lease().toMillis()),
								Integer.toString(properties.batchSize()), token))
				.next()
				.defaultIfEmpty(List.of())
				.map(ticketIds -> new Claim(token, ticketIds));
		});
	}

	private Mono<Void> deliver(String ticketId, String token) {
		return desk.find(ticketId)
			.flatMap(ticket -> client.send(CchReport.of(ticket))
				.thenReturn(Attempt.DELIVERED)
				.onErrorResume(ex -> Mono.just(failedAttempt(ex))))
			.defaultIfEmpty(Attempt.TICKET_NOT_FOUND)
			.flatMap(attempt -> settle(ticketId, token, attempt).doOnNext(result -> account(ticketId, attempt, result)))
			.onErrorResume(ex -> {
				log.warn("Settling the report of ticket {} failed, it is tried again after the lease: {}", ticketId,
						ex.toString());
				return Mono.empty();
			})
			.then();
	}

	private Attempt failedAttempt(Throwable error) {
		if (error instanceof CchRejectedException refusal) {
			return new Attempt(Outcome.FAILED, refusal.getMessage());
		}
		if (error instanceof CallNotPermittedException) {
			return new Attempt(Outcome.POSTPONE, "circuit breaker cch open");
		}
		return new Attempt(Outcome.RETRY, describe(error));
	}

	private Mono<Long> settle(String ticketId, String token, Attempt attempt) {
		return redis
			.execute(SETTLE,
					List.of(ComplaintKeys.OUTBOX, ComplaintKeys.OUTBOX_CLAIMS, ComplaintKeys.ticket(ticketId)),
					List.of(ticketId, token, attempt.outcome().code(), Long.toString(System.currentTimeMillis()),
							attempt.error(), Long.toString(properties.firstRetryDelay().toMillis()),
							Long.toString(properties.maxRetryDelay().toMillis())))
			.next();
	}

	private void account(String ticketId, Attempt attempt, long result) {
		if (result == CLAIM_LOST) {
			log.warn("Report of ticket {} was claimed by another worker before this one settled it; the lease ({}) "
					+ "is too short for the deliveries", ticketId, properties.lease());
			return;
		}
		if (result == TICKET_MISSING) {
			log.error("Report of ticket {} dropped: the ticket does not exist", ticketId);
			return;
		}
		switch (attempt.outcome()) {
			case DELIVERED -> delivered.increment();
			case FAILED -> {
				rejected.increment();
				log.error("Report of ticket {} refused by CCH ({}); it will not be sent again", ticketId,
						attempt.error());
			}
			case RETRY -> {
				failedAttempts.increment();
				log.warn("Report of ticket {} not delivered (attempt {}): {}; retrying later", ticketId, result,
						attempt.error());
			}
			case POSTPONE -> log.debug("Report of ticket {} postponed: {}", ticketId, attempt.error());
		}
	}

	/** The failure without the endpoint's address, whose query could carry a credential. */
	private String describe(Throwable error) {
		if (error instanceof WebClientResponseException response) {
			return "HTTP " + response.getStatusCode().value();
		}
		if (error instanceof TimeoutException) {
			return "no answer within " + properties.requestTimeout();
		}
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(error);
		return cause.getClass().getSimpleName();
	}

	@SuppressWarnings("unchecked")
	private static Class<List<String>> listOfStrings() {
		return (Class<List<String>>) (Class<?>) List.class;
	}

	private enum Outcome {

		DELIVERED, FAILED, RETRY, POSTPONE;

		String code() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** What became of one delivery attempt; a postponed one was not made (the circuit breaker is open). */
	private record Attempt(Outcome outcome, String error) {

		static final Attempt DELIVERED = new Attempt(Outcome.DELIVERED, "");

		static final Attempt TICKET_NOT_FOUND = new Attempt(Outcome.FAILED, "ticket not found");

	}

	/** Reports claimed together, and the token that proves the claim when they are settled. */
	record Claim(String token, List<String> ticketIds) {
	}

}
