package id.posindonesia.balas.console;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import id.posindonesia.balas.BalasIntegrationTest;
import id.posindonesia.balas.console.ConsoleLoginTest.LoginForm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Balas behind a trusted proxy ({@code server.forward-headers-strategy}) with its metrics opened to the scraper:
 * failed logins count against the {@code X-Forwarded-For} address, so that each test here plays clients of its own.
 */
@BalasIntegrationTest
@TestPropertySource(properties = { "server.forward-headers-strategy=framework", "balas.security.prometheus-public=true" })
class BehindAProxyTest {

	@Autowired
	private WebTestClient client;

	@Autowired
	private AgentDirectory agents;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@Test
	void fiveFailuresForOneAccountRefuseItsLoginsWith429FromEveryAddress() {
		String siti = newAgent();
		String budi = newAgent();
		String address = AgentApiTest.randomDocumentationAddress();
		for (int i = 0; i < 5; i++) {
			call(siti, "wrong-password-" + i, address).expectStatus().isUnauthorized();
		}

		call(siti, password(siti), address).expectStatus().isEqualTo(429)
			.expectHeader().value("Retry-After", seconds -> assertThat(Long.parseLong(seconds)).isBetween(800L, 900L));
		call(siti, password(siti), AgentApiTest.randomDocumentationAddress()).expectStatus().isEqualTo(429);
		call(budi, password(budi), address).expectStatus().isNotFound();
	}

	@Test
	void twentyFailuresFromOneAddressRefuseEveryAccountFromIt() {
		String siti = newAgent();
		String address = AgentApiTest.randomDocumentationAddress();
		for (int i = 0; i < 19; i++) {
			call("guess-" + UUID.randomUUID(), "wrong-password", address).expectStatus().isUnauthorized();
		}
		call(siti, password(siti), address).expectStatus().isNotFound();
		call("guess-" + UUID.randomUUID(), "wrong-password", address).expectStatus().isUnauthorized();

		call(siti, password(siti), address).expectStatus().isEqualTo(429);
		call(siti, password(siti), AgentApiTest.randomDocumentationAddress()).expectStatus().isNotFound();
		assertThat(redis.hasKey("balas:login-failures:{address:" + address + "}").block()).isTrue();

		LoginForm form = ConsoleLoginTest.loginForm(client);
		client.post().uri("/console/login")
			.header("X-Forwarded-For", address)
			.cookie("SESSION", form.session())
			.body(BodyInserters.fromFormData("username", siti).with("password", password(siti))
				.with("_csrf", form.csrfToken()))
			.exchange()
			.expectStatus().is3xxRedirection()
			.expectHeader().valueEquals("Location", "/console/login?throttled");
		client.get().uri("/console/login?throttled").exchange()
			.expectBody(String.class).value(page -> assertThat(page).contains("Terlalu banyak percobaan"));
	}

	@Test
	void prometheusIsOpenWhenConfiguredSo() {
		client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
		client.get().uri("/api/agents").exchange().expectStatus().isUnauthorized();
	}

	/** A path that does not exist: {@code 404} means the credentials were accepted. */
	private WebTestClient.ResponseSpec call(String user, String password, String address) {
		return client.get()
			.uri("/api/nothing-here")
			.header("X-Forwarded-For", address)
			.headers(headers -> headers.setBasicAuth(user, password))
			.exchange();
	}

	private String newAgent() {
		String name = "proxied-" + UUID.randomUUID().toString().substring(0, 8);
		agents.add(name, password(name), AgentRole.AGENT).block();
		return name;
	}

	private static String password(String name) {
		return "password-of-" + name;
	}

}
