package id.posindonesia.balas.config;

import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded Redis keeps its data in an append-only file, forced to disk as often as configured. */
class EmbeddedRedisConfigTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(EmbeddedRedisConfig.class, Properties.class)
		.withPropertyValues("balas.embedded-redis.data-dir=target/test-redis/" + UUID.randomUUID());

	@Test
	void appendOnlyWithRedisDefaultFsyncUnlessConfigured() {
		contexts.run(context -> {
			assertThat(config(context, "appendonly")).isEqualTo("yes");
			assertThat(config(context, "appendfsync")).isEqualTo("everysec");
		});
	}

	@Test
	void fsyncOnEveryWriteWhenAskedFor() {
		contexts.withPropertyValues("balas.embedded-redis.append-fsync=always")
			.run(context -> assertThat(config(context, "appendfsync")).isEqualTo("always"));
	}

	@Test
	void anUnknownFsyncPolicyStopsTheStart() {
		contexts.withPropertyValues("balas.embedded-redis.append-fsync=sometimes")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("sometimes"));
	}

	private static String config(AssertableApplicationContext context, String parameter) {
		int port = context.getBean(RedisServer.class).ports().get(0);
		RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().configGet(parameter).get(parameter);
		}
		finally {
			client.shutdown();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(EmbeddedRedisProperties.class)
	static class Properties {

	}

}
