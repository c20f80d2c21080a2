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
 * @param callTimeout the longest one attempt may take, connection and reading included
 */
@Validated
@ConfigurationProperties("balas.graph")
record GraphProperties(URI apiUrl, @DefaultValue("v23.0") @Pattern(regexp = "v\\d+\\.\\d+") String version,
		@DefaultValue("2s") @NotNull Duration connectTimeout, @DefaultValue("8s") @NotNull Duration readTimeout,
		@DefaultValue("10s") @NotNull Duration callTimeout) {
}
