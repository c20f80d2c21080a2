package id.posindonesia.balas.console;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import id.posindonesia.balas.BalasIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's form login: a session cookie, and no state-changing POST without the session's CSRF token. */
@BalasIntegrationTest
class ConsoleLoginTest {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	private WebTestClient client;

	@Autowired
	private AgentDirectory agents;

	@Test
	void anAgentLogsInWithTheFormAndTheSessionCookieLetsThemIn() {
		String agent = newAgent();
		LoginForm form = loginForm();

		String session = ConsoleSession.submit(client, form, agent, "password-of-" + agent);

		client.get().uri("/console").cookie("SESSION", session).exchange()
			.expectStatus().value(status -> assertThat(status).as("past the login, whatever the page").isNotIn(302, 401, 403));
		// the login gave the session a new id: one planted before it opens nothing
		client.get().uri("/console").cookie("SESSION", form.session()).exchange()
			.expectStatus().is3xxRedirection();
	}

	@Test
	void disablingAnAgentEndsTheirSession() {
		String agent = newAgent();
		String session = login(agent, loginForm());
		client.get().uri("/console").cookie("SESSION", session).exchange()
			.expectStatus().value(status -> assertThat(status).isNotIn(302, 401, 403));

		agents.setEnabled(agent, false).block();
		client.get().uri("/console").cookie("SESSION", session).exchange()
			.expectStatus().is3xxRedirection()
			.expectHeader().valueEquals("Location", "/console/login");

		// the session is gone, not suspended
		agents.setEnabled(agent, true).block();
		client.get().uri("/console").cookie("SESSION", session).exchange()
			.expectStatus().is3xxRedirection();
	}

	@Test
	void aPostWithoutTheCsrfTokenIsRefused() {
		String agent = newAgent();
		LoginForm form = loginForm();

		client.post().uri("/console/login")
			.cookie("SESSION", form.session())
			.body(BodyInserters.fromFormData("username", agent).with("password", "password-of-" + agent))
			.exchange()
			.expectStatus().isForbidden();
		client.post().uri("/console/login")
			.cookie("SESSION", form.session())
			.body(BodyInserters.fromFormData("username", agent).with("password", "password-of-" + agent)
				.with("_csrf", "forged-" + form.csrfToken()))
			.exchange()
			.expectStatus().isForbidden();

		String session = login(agent, form);
		client.post().uri("/console/logout").cookie("SESSION", session).exchange().expectStatus().isForbidden();
	}

	@Test
	void aWrongPasswordOrADisabledAccountShowsTheFormAgainWithAnError() {
		String agent = newAgent();
		agents.setEnabled(agent, false).block();
		LoginForm form = loginForm();

		client.post().uri("/console/login")
			.cookie("SESSION", form.session())
			.body(BodyInserters.fromFormData("username", agent).with("password", "password-of-" + agent)
				.with("_csrf", form.csrfToken()))
			.exchange()
			.expectStatus().is3xxRedirection()
			.expectHeader().valueEquals("Location", "/console/login?error");
		client.get().uri("/console/login?error").exchange()
			.expectBody(String.class).value(page -> assertThat(page).contains("kata sandi salah"));
	}

	private String login(String agent, LoginForm form) {
		return ConsoleSession.submit(client, form, agent, "password-of-" + agent);
	}

	private LoginForm loginForm() {
		return loginForm(client);
	}

	static LoginForm loginForm(WebTestClient client) {
		EntityExchangeResult<String> page = client.get().uri("/console/login").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult();
		Matcher csrf = CSRF_FIELD.matcher(page.getResponseBody());
		assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();
		ResponseCookie session = page.getResponseCookies().getFirst("SESSION");
		assertThat(session).as("the token belongs to a session").isNotNull();
		// out of scripts' reach, and not sent along by other sites' forms
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(session.getSameSite()).isEqualTo("Lax");
		return new LoginForm(session.getValue(), csrf.group(1));
	}

	private String newAgent() {
		String name = "console-" + UUID.randomUUID().toString().substring(0, 8);
		agents.add(name, "password-of-" + name, AgentRole.AGENT).block();
		return name;
	}

	record LoginForm(String session, String csrfToken) {
	}

}
