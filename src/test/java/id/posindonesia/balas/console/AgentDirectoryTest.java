package id.posindonesia.balas.console;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.posindonesia.balas.BalasIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The first agent, created from BALAS_ADMIN_PASSWORD, is the only way into the API. */
@BalasIntegrationTest
class AgentDirectoryTest {

	@Autowired
	private WebTestClient client;

	@Autowired
	private AgentDirectory agents;

	@Test
	void adminIsCreatedWithAnEncodedPassword() {
		assertThat(agents.findByUsername(AgentDirectory.ADMIN).block()).satisfies(admin -> {
			assertThat(admin.getPassword()).startsWith("{bcrypt}").doesNotContain("test-admin-password");
			assertThat(admin.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
		});
		assertThat(agents.findByUsername("nobody").blockOptional()).isEmpty();
	}

	@Test
	void theApiAcceptsTheAdminsPasswordOnly() {
		parse("admin", "test-admin-password").expectStatus().isOk();
		parse("admin", "wrong").expectStatus().isUnauthorized();
		client.post().uri("/api/nlu/parse").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"halo\"}")
			.exchange().expectStatus().isUnauthorized();
	}

	@Test
	void consolePagesAskForALogin() {
		client.get().uri("/console").exchange().expectStatus().is3xxRedirection()
			.expectHeader().valueMatches("Location", ".*/login");
	}

	private WebTestClient.ResponseSpec parse(String user, String password) {
		return client.post()
			.uri("/api/nlu/parse")
			.headers(headers -> headers.setBasicAuth(user, password))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"text\":\"halo min\"}")
			.exchange();
	}

}
