package id.posindonesia.balas.complaint;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how complaint reports are delivered to the contact center's complaint application (CCH).
 *
 * @param webhookUrl the endpoint ({@code CCH_WEBHOOK_URL}); unset means the sandbox's {@code /cch/reports}
 * @param requestTimeout the longest one delivery attempt may take, connecting included
 * @param pollInterval how often an instance looks for due reports
 * @param lease how long a report claimed by an instance is left to it; one that dies with it is retried after this.
 * It must outlast the sending of a whole claimed batch
 * @param batchSize reports claimed at once
 * @param concurrency deliveries in flight at once per instance
 * @param firstRetryDelay the wait after a report's first failed attempt, doubled after each further one
 * @param maxRetryDelay the longest wait between two attempts; reports are retried for as long as it takes
 */
@Validated
@ConfigurationProperties("balas.cch")
record CchProperties(URI webhookUrl, @DefaultValue("2s") @NotNull Duration connectTimeout,
		@DefaultValue("10s") @NotNull Duration requestTimeout, @DefaultValue("1s") @NotNull Duration pollInterval,
		@DefaultValue("60s") @NotNull Duration lease, @DefaultValue("16") @Min(1) @Max(1000) int batchSize,
		@DefaultValue("8") @Min(1) @Max(256) int concurrency, @DefaultValue("10s") @NotNull Duration firstRetryDelay,
		@DefaultValue("15m") @NotNull Duration maxRetryDelay) {

	/**
	 * A claimed batch is sent {@code concurrency} reports at a time; a lease that ends before the last of them is
	 * sent would let another instance send it too.
	 */
	@AssertTrue(message = "lease must be longer than request-timeout × ⌈batch-size / concurrency⌉")
	boolean isLeaseLongerThanABatch() {
		if (lease == null || requestTimeout == null) {
			return true;
		}
		long rounds = (batchSize + concurrency - 1) / Math.max(concurrency, 1);
		return lease.compareTo(requestTimeout.multipliedBy(rounds)) > 0;
	}

}
