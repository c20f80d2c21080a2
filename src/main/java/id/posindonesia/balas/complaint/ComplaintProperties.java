package id.posindonesia.balas.complaint;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How complaint tickets are numbered and opened.
 *
 * @param zone the time zone whose calendar year numbers the tickets
 * @param requestKeyTtl how long opening a complaint again with the same request key returns the first ticket
 */
@Validated
@ConfigurationProperties("balas.complaints")
record ComplaintProperties(@DefaultValue("Asia/Jakarta") @NotNull ZoneId zone,
		@DefaultValue("3d") @NotNull Duration requestKeyTtl) {
}
