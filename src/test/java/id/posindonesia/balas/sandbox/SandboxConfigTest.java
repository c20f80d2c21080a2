package id.posindonesia.balas.sandbox;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox stands in only for what is unset, and never beside a real Graph API unless allowed on purpose. */
class SandboxConfigTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(SandboxConfig.class, Properties.class);

	@Test
	void playsEveryBackendWhenNothingIsConfigured() {
		contexts.run(context -> assertThat(context).hasNotFailed().hasSingleBean(Sandbox.class));
	}

	@Test
	void isNotStartedWhenEveryBackendIsReal() {
		contexts.withPropertyValues("balas.graph.api-url=https://graph.example", "balas.tracking.api-url=https://t.example",
				"balas.cch.webhook-url=https://cch.example")
			.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Sandbox.class));
	}

	@Test
	void refusesToAnswerRealCustomersWithMadeUpShipmentsOrToDropTheirReports() {
		contexts.withPropertyValues("balas.graph.api-url=https://graph.example")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("TRACKING_API_URL")
				.hasMessageContaining("CCH_WEBHOOK_URL")
				.hasMessageContaining("BALAS_SANDBOX_WITH_REAL_GRAPH"));
	}

	@Test
	void playsTheOtherBackendsBesideARealGraphApiWhenAllowed() {
		contexts.withPropertyValues("balas.graph.api-url=https://graph.example", "balas.sandbox.with-real-graph=true")
			.run(context -> assertThat(context).hasNotFailed().hasSingleBean(Sandbox.class));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SandboxProperties.class)
	static class Properties {

	}

}
