package id.posindonesia.balas.console;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.posindonesia.balas.BalasIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what over HTTP, on the whole application: the supervisors' agent API, the suggestions rule, the
 * actuator, and which client address failed logins are counted against.
 */
@BalasIntegrationTest
class AgentApiTest {

	private static final String ADMIN_PASSWORD = "test-admin-password";

	@Autowired
	private WebTestClient client;

	@Autowired
	private AgentDirectory agents;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@Test
	void onlySupervisorsManageAgents() {
		String agent = newAgent(AgentRole.AGENT);
		String supervisor = newAgent(AgentRole.SUPERVISOR);

		client.get().uri("/api/agents").exchange().expectStatus().isUnauthorized();
		client.get().uri("/api/agents").headers(h -> h.setBasicAuth(agent, password(agent))).exchange()
			.expectStatus().isForbidden();
		client.post().uri("/api/agents/{name}/disable", supervisor).headers(h -> h.setBasicAuth(agent, password(agent)))
			.exchange().expectStatus().isForbidden();
		client.get().uri("/api/agents").headers(h -> h.setBasicAuth(supervisor, password(supervisor))).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$[?(@.username == '%s')].role".formatted(agent)).isEqualTo("AGENT")
			.jsonPath("$[?(@.username == 'admin')].role").isEqualTo("SUPERVISOR")
			.jsonPath("$[*].password").doesNotExist();
		assertThat(agents.find(supervisor).block().enabled()).isTrue();
	}

	@Test
	void suggestionsAreForSupervisorsOnly() {
		String agent = newAgent(AgentRole.AGENT);
		client.get().uri("/api/suggestions").exchange().expectStatus().isUnauthorized();
		client.get().uri("/api/suggestions").headers(h -> h.setBasicAuth(agent, password(agent))).exchange()
			.expectStatus().isForbidden();
		client.get().uri("/api/suggestions/2026-12").headers(h -> h.setBasicAuth(agent, password(agent))).exchange()
			.expectStatus().isForbidden();
		client.get().uri("/api/suggestions").headers(this::asAdmin).exchange()
			.expectStatus().value(status -> assertThat(status).isIn(200, 404));
	}

	@Test
	void aSupervisorAddsDisablesEnablesAndResetsAnAgent() {
		String name = "agent-" + UUID.randomUUID().toString().substring(0, 8);
		client.post().uri("/api/agents").headers(this::asAdmin).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", name, "password", "first-password-1", "role", "agent"))
			.exchange()
			.expectStatus().isCreated()
			.expectHeader().valueEquals("Location", "/api/agents/" + name)
			.expectBody()
			.jsonPath("$.username").isEqualTo(name)
			.jsonPath("$.role").isEqualTo("AGENT")
			.jsonPath("$.enabled").isEqualTo(true);
		parse(name, "first-password-1").expectStatus().isOk();

		client.post().uri("/api/agents/{name}/disable", name).headers(this::asAdmin).exchange()
			.expectStatus().isNoContent();
		parse(name, "first-password-1").expectStatus().isUnauthorized();
		client.get().uri("/api/agents").headers(this::asAdmin).exchange()
			.expectBody().jsonPath("$[?(@.username == '%s')].enabled".formatted(name)).isEqualTo(false);

		client.post().uri("/api/agents/{name}/enable", name).headers(this::asAdmin).exchange()
			.expectStatus().isNoContent();
		parse(name, "first-password-1").expectStatus().isOk();

		client.post().uri("/api/agents/{name}/password", name).headers(this::asAdmin)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", "second-password-2"))
			.exchange()
			.expectStatus().isNoContent();
		parse(name, "first-password-1").expectStatus().isUnauthorized();
		parse(name, "second-password-2").expectStatus().isOk();
	}

	@Test
	void badRequestsAreRefusedWithAReason() {
		String name = newAgent(AgentRole.AGENT);
		addAgent(Map.of("username", "Siti Rahma", "password", "long-enough-password", "role", "agent"))
			.expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("username"));
		addAgent(Map.of("username", "siti-" + UUID.randomUUID().toString().substring(0, 8), "password", "short",
				"role", "agent"))
			.expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("at least 12"));
		addAgent(Map.of("username", "siti-" + UUID.randomUUID().toString().substring(0, 8), "password",
				"long-enough-password", "role", "boss"))
			.expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("role"));
		addAgent(Map.of("username", "siti-" + UUID.randomUUID().toString().substring(0, 8), "password",
				"long-enough-password"))
			.expectStatus().isBadRequest();
		client.post().uri("/api/agents").headers(this::asAdmin).contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{not json").exchange().expectStatus().isBadRequest();
		addAgent(Map.of("username", name, "password", "long-enough-password", "role", "agent"))
			.expectStatus().isEqualTo(HttpStatus.CONFLICT);

		client.post().uri("/api/agents/{name}/password", name).headers(this::asAdmin)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", "short"))
			.exchange().expectStatus().isBadRequest();
		client.post().uri("/api/agents/nobody-{id}/disable", UUID.randomUUID()).headers(this::asAdmin).exchange()
			.expectStatus().isNotFound();
		client.post().uri("/api/agents/admin/disable").headers(this::asAdmin).exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").isEqualTo("supervisors cannot disable their own account");
		parse("admin", ADMIN_PASSWORD).expectStatus().isOk();
	}

	@Test
	void metricsNeedAgentCredentialsAndHealthDoesNot() {
		String agent = newAgent(AgentRole.AGENT);
		client.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
		client.get().uri("/actuator/prometheus").headers(h -> h.setBasicAuth(agent, password(agent))).exchange()
			.expectStatus().isOk();
		client.get().uri("/actuator/info").exchange().expectStatus().isUnauthorized();
		client.get().uri("/actuator/health").exchange().expectStatus().isOk();
		client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
	}

	@Test
	void anythingElseDeniesAnonymousAccess() {
		client.get().uri("/api/nothing-here").exchange().expectStatus().isUnauthorized();
		client.get().uri("/console").exchange().expectStatus().is3xxRedirection()
			.expectHeader().valueEquals("Location", "/console/login");
		client.get().uri("/somewhere-else").exchange().expectStatus().is3xxRedirection();
		client.get().uri("/console/login").exchange().expectStatus().isOk();
	}

	@Test
	void withoutAForwardHeadersStrategyFailuresCountAgainstTheConnectionsAddress() {
		String forged = randomDocumentationAddress();
		client.get().uri("/api/agents").headers(h -> h.setBasicAuth("nobody-" + UUID.randomUUID(), "wrong-password"))
			.header("X-Forwarded-For", forged)
			.exchange()
			.expectStatus().isUnauthorized();

		assertThat(redis.hasKey("balas:login-failures:{address:" + forged + "}").block()).isFalse();
		assertThat(redis.opsForZSet().size("balas:login-failures:{address:127.0.0.1}").block()).isPositive();
	}

	/** In the IPv6 documentation prefix, written as Java writes addresses, so that the key would be found. */
	static String randomDocumentationAddress() {
		java.util.Random random = new java.util.Random();
		return "2001:db8:0:0:0:0:%x:%x".formatted(1 + random.nextInt(0xfffe), 1 + random.nextInt(0xfffe));
	}

	private WebTestClient.ResponseSpec addAgent(Map<String, String> body) {
		return client.post().uri("/api/agents").headers(this::asAdmin).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body).exchange();
	}

	private WebTestClient.ResponseSpec parse(String user, String password) {
		return client.post()
			.uri("/api/nlu/parse")
			.headers(headers -> headers.setBasicAuth(user, password))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"text\":\"halo min\"}")
			.exchange();
	}

	private void asAdmin(HttpHeaders headers) {
		headers.setBasicAuth("admin", ADMIN_PASSWORD);
	}

	private String newAgent(AgentRole role) {
		String name = role.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(agents.add(name, password(name), role).block()).isTrue();
		return name;
	}

	private static String password(String name) {
		return "password-of-" + name;
	}

}
