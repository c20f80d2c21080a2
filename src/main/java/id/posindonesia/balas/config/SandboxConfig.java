package id.posindonesia.balas.config;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts WireMock with the mappings under {@code src/main/resources/sandbox} (the same files that
 * {@code docker/compose.yml} mounts) whenever the Graph API or the tracking API has no URL.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${balas.graph.api-url:}'.isBlank() or '${balas.tracking.api-url:}'.isBlank()")
class SandboxConfig {

	private static final Logger log = LoggerFactory.getLogger(SandboxConfig.class);

	@Bean(destroyMethod = "stop")
	WireMockServer sandboxServer(SandboxProperties properties) {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options()
			.bindAddress("127.0.0.1")
			.port(properties.port())
			.usingFilesUnderClasspath("sandbox")
			.templatingEnabled(true)
			.globalTemplating(false)
			.containerThreads(16)
			.maxRequestJournalEntries(1000));
		server.start();
		log.info("Sandbox Graph and tracking API listening on {}", server.baseUrl());
		return server;
	}

	@Bean
	Sandbox sandbox(WireMockServer sandboxServer) {
		return new Sandbox(sandboxServer);
	}

}
