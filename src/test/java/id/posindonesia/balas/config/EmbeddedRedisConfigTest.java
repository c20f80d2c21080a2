package id.posindonesia.balas.config;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
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

	@Test
	void closingTheApplicationWaitsForRedisToFinishAndItsDataOutlivesIt() {
		ApplicationContextRunner sameDataDir = contexts
			.withPropertyValues("balas.embedded-redis.data-dir=target/test-redis/" + UUID.randomUUID());
		Set<ProcessHandle> childrenBefore = ProcessHandle.current().children().collect(Collectors.toSet());
		AtomicReference<ProcessHandle> redisProcess = new AtomicReference<>();
		sameDataDir.run(context -> {
			redis(context, commands -> commands.set("agent:siti", "supervisor"));
			redisProcess.set(ProcessHandle.current()
				.children()
				.filter(child -> !childrenBefore.contains(child))
				.filter(child -> child.info().command().orElse("").contains("redis-server"))
				.findFirst()
				.orElseThrow());
		});

		// asked to stop, Redis writes and syncs its append-only file, then exits; killed, it may drop acknowledged
		// writes whose flush waited behind a slow fsync, and the application would not wait for it
		assertThat(redisProcess.get().isAlive()).isFalse();
		sameDataDir.run(context -> {
			String role = redis(context, commands -> commands.get("agent:siti"));
			assertThat(role).isEqualTo("supervisor");
		});
	}

	private static String config(AssertableApplicationContext context, String parameter) {
		return redis(context, commands -> commands.configGet(parameter).get(parameter));
	}

	private static <T> T redis(AssertableApplicationContext context, Function<RedisCommands<String, String>, T> use) {
		int port = context.getBean(RedisServer.class).ports().get(0);
		RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return use.apply(connection.sync());
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
