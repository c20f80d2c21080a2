package id.posindonesia.balas.tracking;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how Balas calls Pos Indonesia's track-and-trace API.
 *
 * @param apiUrl base URL ({@code TRACKING_API_URL}); unset means the in-process sandbox
 * @param token bearer token ({@code TRACKING_API_TOKEN}); blank sends no {@code Authorization} header
 * @param timeout the longest one attempt may take, connecting included
 * @param deadline the longest a whole lookup may take, retries included: the customer is waiting in the chat
 * @param cacheTtl how long a found record is reused before the API is asked again
 * @param unknownCacheTtl how long an unknown barcode is remembered as unknown; shorter, since a parcel posted a
 * minute ago may appear soon
 */
@Validated
@ConfigurationProperties("balas.tracking")
record TrackingProperties(URI apiUrl, String token,
		@DefaultValue("2s") @NotNull @DurationMin(millis = 1) Duration timeout,
		@DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration deadline,
		@DefaultValue("5m") @NotNull @DurationMin(seconds = 1) Duration cacheTtl,
		@DefaultValue("1m") @NotNull @DurationMin(seconds = 1) Duration unknownCacheTtl) {

	boolean hasToken() {
		return token != null && !token.isBlank();
	}

	@AssertTrue(message = "deadline must leave room for at least one attempt (deadline >= timeout)")
	boolean isDeadlineAtLeastTimeout() {
		return timeout == null || deadline == null || deadline.compareTo(timeout) >= 0;
	}

}
