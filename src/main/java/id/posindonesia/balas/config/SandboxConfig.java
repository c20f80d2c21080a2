package id.posindonesia.balas.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Starts WireMock with the mappings under {@code src/main/resources/sandbox} (the same files that
 * {@code docker/compose.yml} mounts) whenever the Graph API or the tracking API has no URL.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${balas.graph.api-url:}'.isBlank() or '${balas.tracking.api-url:}'.isBlank()")
class SandboxConfig {

	private static final Logger log = LoggerFactory.getLogger(SandboxConfig.class);

	private static final String MAPPINGS = "classpath*:sandbox/mappings/*.json";

	@Bean(destroyMethod = "stop")
	WireMockServer sandboxServer(SandboxProperties properties) throws IOException {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options()
			.bindAddress("127.0.0.1")
			.port(properties.port())
			.usingFilesUnderDirectory(mappingsOnDisk().toString())
			.templatingEnabled(true)
			.globalTemplating(false)
			.containerThreads(16)
			.maxRequestJournalEntries(1000));
		server.start();
		log.info("Sandbox Graph and tracking API listening on {}", server.baseUrl());
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

	@Bean
	Sandbox sandbox(WireMockServer sandboxServer) {
		return new Sandbox(sandboxServer);
	}

}
