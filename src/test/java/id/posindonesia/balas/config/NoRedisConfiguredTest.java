package id.posindonesia.balas.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded Redis yields to any of Spring Boot's ways of naming a Redis, REDIS_URL among them. */
class NoRedisConfiguredTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(EmbeddedMarker.class);

	@Test
	void embeddedWhenNothingIsConfigured() {
		contexts.withPropertyValues("spring.data.redis.url=").run(context -> assertThat(context).hasBean("embedded"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "spring.data.redis.url=redis://redis.internal:6379", "spring.data.redis.host=redis.internal",
			"spring.data.redis.cluster.nodes=a:7000,b:7001", "spring.data.redis.sentinel.master=mymaster" })
	void yieldsToAConfiguredRedis(String property) {
		contexts.withPropertyValues(property).run(context -> assertThat(context).doesNotHaveBean("embedded"));
	}

	@Test
	void redisUrlEnvironmentVariableIsHonouredThroughApplicationYml() {
		contexts.withSystemProperties("REDIS_URL=redis://cache:6380")
			.withPropertyValues("spring.data.redis.url=${REDIS_URL:}")
			.run(context -> assertThat(context).doesNotHaveBean("embedded"));
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(NoRedisConfigured.class)
	static class EmbeddedMarker {

		@Bean
		String embedded() {
			return "embedded";
		}

	}

}
