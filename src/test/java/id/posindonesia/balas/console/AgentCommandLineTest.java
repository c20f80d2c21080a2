package id.posindonesia.balas.console;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.posindonesia.balas.BalasIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line against the running application's Redis (through {@code spring.data.redis.url}, as REDIS_URL
 * sets it), and on an embedded Redis data directory of its own.
 */
@BalasIntegrationTest
class AgentCommandLineTest {

	@Autowired
	private RedisServer applicationRedis;

	@Autowired
	private AgentDirectory agents;

	@Autowired
	private WebTestClient client;

	@TempDir
	private Path dataDir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void addsListsDisablesAndResetsAgentsOfTheRunningApplication() {
		String name = "cli-" + UUID.randomUUID().toString().substring(0, 8);

		assertThat(run(Map.of(AgentCommandLine.PASSWORD_VARIABLE, "password-from-env"), "", "agents", "add", name,
				"--role", "supervisor", redisUrl())).isZero();
		assertThat(out.toString()).contains("added " + name);
		assertThat(agents.find(name).block()).isEqualTo(new Agent(name, AgentRole.SUPERVISOR, true));
		client.get().uri("/api/agents").headers(h -> h.setBasicAuth(name, "password-from-env")).exchange()
			.expectStatus().isOk();

		assertThat(run(Map.of(), "", "agents", "list", redisUrl())).isZero();
		assertThat(out.toString()).containsPattern(name + " +supervisor +enabled").contains("admin");

		assertThat(run(Map.of(), "", "agents", "disable", name, redisUrl())).isZero();
		assertThat(agents.find(name).block().enabled()).isFalse();
		client.get().uri("/api/agents").headers(h -> h.setBasicAuth(name, "password-from-env")).exchange()
			.expectStatus().isUnauthorized();
		assertThat(run(Map.of(), "", "agents", "list", redisUrl())).isZero();
		assertThat(out.toString()).containsPattern(name + " +supervisor +disabled");

		assertThat(run(Map.of(), "", "agents", "enable", name, redisUrl())).isZero();
		assertThat(run(Map.of(), "password-from-stdin\n", "agents", "reset", name, redisUrl())).isZero();
		client.post().uri("/api/nlu/parse").headers(h -> h.setBasicAuth(name, "password-from-stdin"))
			.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"halo\"}")
			.exchange()
			.expectStatus().isOk();
	}

	@Test
	void refusalsExitWithANonZeroStatusAndAReason() {
		String name = "cli-" + UUID.randomUUID().toString().substring(0, 8);
		agents.add(name, "password-of-" + name, AgentRole.AGENT).block();

		assertThat(run(Map.of(), "another-password\n", "agents", "add", name, redisUrl())).isEqualTo(1);
		assertThat(err.toString()).contains("exists");
		assertThat(run(Map.of(), "short\n", "agents", "add", "cli-short", redisUrl())).isEqualTo(1);
		assertThat(err.toString()).contains("at least 12");
		assertThat(run(Map.of(), "", "agents", "add", "cli-nothing-on-stdin", redisUrl())).isEqualTo(1);
		assertThat(run(Map.of(), "password-of-x-long\n", "agents", "add", "Bad Name", redisUrl())).isEqualTo(1);
		assertThat(run(Map.of(), "password-of-x-long\n", "agents", "add", "cli-boss", "--role", "boss", redisUrl()))
			.isEqualTo(1);
		assertThat(err.toString()).contains("role must be");
		assertThat(run(Map.of(), "", "agents", "disable", "nobody-" + UUID.randomUUID(), redisUrl())).isEqualTo(1);
		assertThat(err.toString()).contains("no account");
		assertThat(agents.find("cli-short").blockOptional()).isEmpty();
		assertThat(agents.find("cli-boss").blockOptional()).isEmpty();
	}

	@Test
	void passwordsAreNeverTakenFromTheArgumentsAndMistakesShowTheUsage() {
		assertThat(run(Map.of(), "", "agents", "add", "cli-argv", "password-on-argv", redisUrl())).isEqualTo(2);
		assertThat(err.toString()).contains("Usage: agents");
		assertThat(run(Map.of(), "", "agents", "promote", "cli-argv", redisUrl())).isEqualTo(2);
		assertThat(run(Map.of(), "", "agents")).isEqualTo(2);
		assertThat(AgentCommandLine.handles(new String[] { "agents", "list" })).isTrue();
		assertThat(AgentCommandLine.handles(new String[] { "--server.port=9090" })).isFalse();
		assertThat(agents.find("cli-argv").blockOptional()).isEmpty();
	}

	@Test
	void onTheEmbeddedRedisAccountsOutliveTheCommand() {
		String embedded = "--balas.embedded-redis.data-dir=" + dataDir;
		assertThat(run(Map.of(AgentCommandLine.PASSWORD_VARIABLE, "first-supervisor-pw"), "", "agents", "add",
				"siti.rahma", "--role=supervisor", embedded)).isZero();

		assertThat(run(Map.of(), "", "agents", "list", embedded)).isZero();
		assertThat(out.toString()).containsPattern("siti.rahma +supervisor +enabled");
	}

	private int run(Map<String, String> environment, String stdin, String... args) {
		out.reset();
		err.reset();
		return AgentCommandLine.run(args, environment::get, () -> stdin.isEmpty() ? null : stdin.strip(),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private String redisUrl() {
		return "--spring.data.redis.url=redis://127.0.0.1:" + applicationRedis.ports().get(0);
	}

}
