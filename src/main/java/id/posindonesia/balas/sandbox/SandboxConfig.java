package id.posindonesia.balas.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.StringUtils;

/**
 * Starts WireMock with the mappings under {@code src/main/resources/sandbox} (the same files that
 * {@code docker/compose.yml} mounts) whenever a backend has no URL: the Graph API, the tracking API or the CCH
 * complaint endpoint.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${balas.graph.api-url:}'.isBlank() or '${balas.tracking.api-url:}'.isBlank()"
		+ " or '${balas.cch.webhook-url:}'.isBlank()")
class SandboxConfig {

	private static final Logger log = LoggerFactory.getLogger(SandboxConfig.class);

	private static final String MAPPINGS = "classpath*:sandbox/mappings/*.json";

	private static final Map<String, String> BACKENDS = backends();

	@Bean(destroyMethod = "stop")
	WireMockServer sandboxServer(SandboxProperties properties, Environment environment) throws IOException {
		List<String> played = BACKENDS.entrySet()
			.stream()
			.filter(backend -> !StringUtils.hasText(environment.getProperty(backend.getKey())))
			.map(Map.Entry::getValue)
			.toList();
		if (!played.contains("GRAPH_API_URL") && !properties.withRealGraph()) {
			throw new IllegalStateException("GRAPH_API_URL points at a real Graph API, but " + String.join(", ", played)
					+ " not set: the sandbox would answer real customers. Set them, or set"
					+ " BALAS_SANDBOX_WITH_REAL_GRAPH=true to allow it on purpose.");
		}
		WireMockConfiguration options = WireMockConfiguration.options()
			.bindAddress("127.0.0.1")
			.port(properties.port())
			.usingFilesUnderDirectory(mappingsOnDisk().toString())
			.templatingEnabled(true)
			.globalTemplating(false)
			.containerThreads(128);
		WireMockServer server = new WireMockServer(properties.requestJournalSize() == 0 ? options.disableRequestJournal()
				: options.maxRequestJournalEntries(properties.requestJournalSize()));
		server.start();
		log.warn("The sandbox on {} stands in for {} (not set)", server.baseUrl(), String.join(", ", played));
		return server;
	}

	/**
	 * WireMock cannot read mappings from inside a Spring Boot jar, so they are copied to a temporary folder first;
	 * the files themselves stay where {@code docker/compose.yml} mounts them from.
	 */
	private static Path mappingsOnDisk() throws IOException {
		Path root = Files.createTempDirectory("balas-sandbox");
		Path mappings = Files.createDirectories(root.resolve("mappings"));
		for (Resource mapping : new PathMatchingResourcePatternResolver().getResources(MAPPINGS)) {
			try (InputStream in = mapping.getInputStream()) {
				Files.copy(in, mappings.resolve(mapping.getFilename()));
			}
		}
		return root;
	}

	private static Map<String, String> backends() {
		Map<String, String> backends = new LinkedHashMap<>();
		backends.put("balas.graph.api-url", "GRAPH_API_URL");
		backends.put("balas.tracking.api-url", "TRACKING_API_URL");
		backends.put("balas.cch.webhook-url", "CCH_WEBHOOK_URL");
		return backends;
	}

	@Bean
	Sandbox sandbox(WireMockServer sandboxServer) {
		return new Sandbox(sandboxServer);
	}

}
