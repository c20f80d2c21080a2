package id.posindonesia.balas.graph;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How customer profiles are read and cached.
 *
 * @param cacheTtl how long a profile read from the Graph API is used before it is read again
 * @param unknownTtl how long a profile that could not be read counts as unknown before Balas tries again; short,
 * so that a passing outage does not cost a customer their priority for the day
 * @param timeout the longest one lookup (all its attempts) may take: a complaint waits for it before its ticket is
 * opened, and opens without the profile rather than later
 */
@Validated
@ConfigurationProperties("balas.graph.profiles")
record CustomerProfileProperties(@DefaultValue("24h") @NotNull Duration cacheTtl,
		@DefaultValue("10m") @NotNull Duration unknownTtl, @DefaultValue("3s") @NotNull Duration timeout) {
}
