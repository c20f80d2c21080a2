package id.posindonesia.balas.graph;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
 * @param connectTimeout the longest a connection to the Graph API may take; a send that could not connect was not
 * delivered and is retried
 * @param readTimeout the longest Balas waits for the Graph API's answer once a send is written; a send without an
 * answer may have been delivered, so it is never sent again
 * @param callTimeout the longest one attempt may take, as a backstop to the two socket timeouts (a slowly trickling
 * answer); with the retries it must fit in {@code balas.inbox.handler-timeout}
 * @param senderActionTimeout the longest a {@code typing_on} or {@code mark_seen} may take (never retried)
 * @param maxConcurrentCalls threads for restfb's blocking calls; with Meta answering in {@code t} seconds, one
 * instance makes at most {@code maxConcurrentCalls / t} calls a second
 */
@Validated
@ConfigurationProperties("balas.graph")
record GraphProperties(URI apiUrl, @DefaultValue("v23.0") @Pattern(regexp = "v\\d+\\.\\d+") String version,
		@DefaultValue("2s") @NotNull Duration connectTimeout, @DefaultValue("8s") @NotNull Duration readTimeout,
		@DefaultValue("11s") @NotNull Duration callTimeout, @DefaultValue("2s") @NotNull Duration senderActionTimeout,
		@DefaultValue("64") @Min(1) @Max(1024) int maxConcurrentCalls) {
}
