package id.posindonesia.balas.console;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import id.posindonesia.balas.BalasIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's page calls {@code /api/**} with its session cookie: the session opens the API as Basic credentials
 * do, but an unsafe request authenticated by the session needs the session's CSRF token in {@code X-CSRF-TOKEN},
 * which a Basic request does not; nobody gets in anonymously.
 */
@BalasIntegrationTest
class ApiWithConsoleSessionTest {

	private static final Map<String, String> PARSE = Map.of("text", "paket saya belum sampai");

	@Autowired
	private WebTestClient client;

	@Autowired
	private AgentDirectory agents;

	@Test
	void theSessionReadsTheApi() {
		ConsoleSession session = login(newAgent(AgentRole.AGENT));

		client.get().uri("/api/canned-responses").cookie("SESSION", session.cookie()).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$[?(@.key == 'minta_barcode')].title").isEqualTo("Minta nomor resi");
	}

	@Test
	void anUnsafeRequestOnTheSessionNeedsItsCsrfToken() {
		ConsoleSession session = login(newAgent(AgentRole.AGENT));
		ConsoleSession other = login(newAgent(AgentRole.AGENT));

		parse().cookie("SESSION", session.cookie()).exchange().expectStatus().isForbidden();
		parse().cookie("SESSION", session.cookie()).header("X-CSRF-TOKEN", "forged-" + session.csrfToken()).exchange()
			.expectStatus().isForbidden();
		parse().cookie("SESSION", session.cookie()).header("X-CSRF-TOKEN", other.csrfToken()).exchange()
			.expectStatus().isForbidden();

		parse().cookie("SESSION", session.cookie()).header("X-CSRF-TOKEN", session.csrfToken()).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.intent").exists();
	}

	@Test
	void aBasicRequestNeedsNoCsrfTokenAndKeepsNoSession() {
		String agent = newAgent(AgentRole.AGENT);

		parse().headers(h -> h.setBasicAuth(agent, password(agent))).exchange()
			.expectStatus().isOk()
			.expectHeader().doesNotExist("Set-Cookie");
		client.get().uri("/api/canned-responses").headers(h -> h.setBasicAuth(agent, password(agent))).exchange()
			.expectStatus().isOk()
			.expectHeader().doesNotExist("Set-Cookie");
	}

	@Test
	void nobodyGetsInAnonymously() {
		client.get().uri("/api/canned-responses").exchange().expectStatus().isUnauthorized()
			.expectHeader().doesNotExist("WWW-Authenticate");
		// refused for the missing login, not for a CSRF token that such a caller has no reason to send
		parse().exchange().expectStatus().isUnauthorized();
		client.get().uri("/api/canned-responses").cookie("SESSION", "no-such-session").exchange()
			.expectStatus().isUnauthorized();

		client.get().uri("/console").exchange()
			.expectStatus().is3xxRedirection().expectHeader().valueEquals("Location", "/console/login");
		client.get().uri("/console/assets/console.js").exchange()
			.expectStatus().is3xxRedirection().expectHeader().valueEquals("Location", "/console/login");
	}

	@Test
	void aDisabledAgentsSessionNoLongerOpensTheApi() {
		String agent = newAgent(AgentRole.AGENT);
		ConsoleSession session = login(agent);
		client.get().uri("/api/canned-responses").cookie("SESSION", session.cookie()).exchange().expectStatus().isOk();

		agents.setEnabled(agent, false).block();
		client.get().uri("/api/canned-responses").cookie("SESSION", session.cookie()).exchange()
			.expectStatus().isUnauthorized();

		agents.setEnabled(agent, true).block();
		client.get().uri("/api/canned-responses").cookie("SESSION", session.cookie()).exchange()
			.expectStatus().isUnauthorized();
	}

	@Test
	void aSessionCarriesItsAgentsRole() {
		ConsoleSession agent = login(newAgent(AgentRole.AGENT));
		ConsoleSession supervisor = login(newAgent(AgentRole.SUPERVISOR));

		client.get().uri("/api/agents").cookie("SESSION", agent.cookie()).exchange().expectStatus().isForbidden();
		client.get().uri("/api/agents").cookie("SESSION", supervisor.cookie()).exchange().expectStatus().isOk();
	}

	@Test
	void theConsolePageNamesTheAgentAndAllowsOnlyItsOwnScripts() {
		String agent = newAgent(AgentRole.SUPERVISOR);
		ConsoleSession session = login(agent);

		client.get().uri("/console").cookie("SESSION", session.cookie()).exchange()
			.expectStatus().isOk()
			.expectHeader().valueMatches("Content-Security-Policy", ".*default-src 'self'.*")
			.expectHeader().valueEquals("Cache-Control", "no-store")
			.expectBody(String.class).value(page -> assertThat(page)
				.contains("<meta name=\"agent\" content=\"" + agent + "\">", "<meta name=\"role\" content=\"SUPERVISOR\">",
						"<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\">")
				.doesNotContain("{{"));
		client.get().uri("/console/assets/console.js").cookie("SESSION", session.cookie()).exchange()
			.expectStatus().isOk();

		// the page's token also signs the logout form
		client.post().uri("/console/logout").cookie("SESSION", session.cookie())
			.body(BodyInserters.fromFormData("_csrf", session.csrfToken()))
			.exchange()
			.expectStatus().is3xxRedirection()
			.expectHeader().valueEquals("Location", "/console/login?logout");
		client.get().uri("/api/canned-responses").cookie("SESSION", session.cookie()).exchange()
			.expectStatus().isUnauthorized();
	}

	private WebTestClient.RequestHeadersSpec<?> parse() {
		return client.post().uri("/api/nlu/parse").contentType(MediaType.APPLICATION_JSON).bodyValue(PARSE);
	}

	private ConsoleSession login(String agent) {
		return ConsoleSession.login(client, agent, password(agent));
	}

	private String newAgent(AgentRole role) {
		String name = "session-" + UUID.randomUUID().toString().substring(0, 8);
		agents.add(name, password(name), role).block();
		return name;
	}

	private static String password(String agent) {
		return "password-of-" + agent;
	}

}
