package id.posindonesia.balas.sandbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The in-process WireMock that plays the backends whose URLs are not set.
 *
 * @param port 0 picks a free port
 * @param withRealGraph lets the sandbox play the other backends while {@code GRAPH_API_URL} points at a real Graph
 * API; off, such a mix fails at start-up, since real customers would get the sandbox's made-up shipments and their
 * complaint reports would go nowhere
 * @param requestJournalSize requests the sandbox remembers for the sandbox chat and for tests; 0 remembers none,
 * which spares a busy sandbox the journal's upkeep on every request (the reply-latency benchmark)
 */
@Validated
@ConfigurationProperties("balas.sandbox")
record SandboxProperties(@DefaultValue("0") @Min(0) @Max(65535) int port, boolean withRealGraph,
		@DefaultValue("20000") @Min(0) int requestJournalSize) {
}
