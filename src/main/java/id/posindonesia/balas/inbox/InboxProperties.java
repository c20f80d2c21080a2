package id.posindonesia.balas.inbox;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How recorded events are consumed.
 *
 * @param dedupeTtl how long a delivered event id is remembered; Meta retries failed deliveries for up to 36 hours
 * @param concurrency conversations processed at once by one instance
 * @param claimMinIdle how long an event may stay unacknowledged before another instance takes it over; longer than
 * any single event's processing
 * @param claimInterval how often an instance looks for abandoned events
 * @param lockLease how long a conversation stays locked to an instance that stops renewing it (a crashed one)
 * @param lockWait how long an instance waits for a conversation held by another before leaving the event pending
 * @param maxAttempts failed attempts before an event goes to the dead-letter stream
 * @param handlerTimeout the longest one event's processing may take
 * @param retention recorded events older than this are trimmed from the stream
 */
@Validated
@ConfigurationProperties("balas.inbox")
public record InboxProperties(@DefaultValue("3d") @NotNull Duration dedupeTtl,
		@DefaultValue("32") @Min(1) @Max(1024) int concurrency, @DefaultValue("60s") @NotNull Duration claimMinIdle,
		@DefaultValue("5s") @NotNull Duration claimInterval, @DefaultValue("30s") @NotNull Duration lockLease,
		@DefaultValue("10s") @NotNull Duration lockWait, @DefaultValue("5") @Min(1) int maxAttempts,
		@DefaultValue("25s") @NotNull Duration handlerTimeout, @DefaultValue("7d") @NotNull Duration retention) {
}
