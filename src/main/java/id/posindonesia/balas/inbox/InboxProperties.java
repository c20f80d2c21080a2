package id.posindonesia.balas.inbox;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How events are recorded and consumed.
 *
 * @param recordTimeout the longest a webhook body waits for Redis to record it before Meta is told to redeliver
 * ({@code 503}); Meta itself gives up on an answer after about 20 seconds
 * @param dedupeTtl how long a delivered event id is remembered; Meta retries failed deliveries for up to 36 hours
 * @param concurrency conversations processed at once by one instance
 * @param claimMinIdle how long an event may stay unacknowledged before another instance takes it over; longer than
 * any single event's processing
 * @param claimInterval how often an instance looks for abandoned events
 * @param lockLease how long a conversation stays locked to an instance that stops renewing it (a crashed one)
 * @param maxAttempts failed attempts before an event goes to the dead-letter stream
 * @param firstRetryDelay the wait after an event's first failure, doubled after each further one
 * @param deadLetterCapacity dead letters kept at most (the oldest go first)
 * @param handlerTimeout the longest one event's processing may take; shorter than the lock lease
 * @param shutdownGrace how long a stopping instance lets the events it is processing finish
 * @param retention recorded events older than this are trimmed from the stream
 */
@Validated
@ConfigurationProperties("balas.inbox")
public record InboxProperties(@DefaultValue("5s") @NotNull Duration recordTimeout,
		@DefaultValue("3d") @NotNull Duration dedupeTtl,
		@DefaultValue("32") @Min(1) @Max(1024) int concurrency, @DefaultValue("60s") @NotNull Duration claimMinIdle,
		@DefaultValue("5s") @NotNull Duration claimInterval, @DefaultValue("30s") @NotNull Duration lockLease,
		@DefaultValue("5") @Min(1) int maxAttempts, @DefaultValue("30s") @NotNull Duration firstRetryDelay,
		@DefaultValue("100000") @Min(1) long deadLetterCapacity, @DefaultValue("25s") @NotNull Duration handlerTimeout,
		@DefaultValue("15s") @NotNull Duration shutdownGrace, @DefaultValue("7d") @NotNull Duration retention) {
}
