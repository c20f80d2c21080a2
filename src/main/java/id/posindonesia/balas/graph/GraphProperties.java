package id.posindonesia.balas.graph;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how Balas calls the Graph API.
 *
 * @param apiUrl base URL ({@code GRAPH_API_URL}); unset means the in-process sandbox
 * @param version path segment such as {@code v23.0} ({@code GRAPH_API_VERSION})
 * @param callTimeout the longest one attempt of a send may take, connection and reading included; with the retries
 * it must fit in {@code balas.inbox.handler-timeout}
 * @param senderActionTimeout the longest a {@code typing_on} or {@code mark_seen} may take (never retried)
 */
@Validated
@ConfigurationProperties("balas.graph")
record GraphProperties(URI apiUrl, @DefaultValue("v23.0") @Pattern(regexp = "v\\d+\\.\\d+") String version,
		@DefaultValue("2s") @NotNull Duration connectTimeout, @DefaultValue("4s") @NotNull Duration readTimeout,
		@DefaultValue("5s") @NotNull Duration callTimeout, @DefaultValue("2s") @NotNull Duration senderActionTimeout) {
}
