package id.posindonesia.balas.handoff;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import id.posindonesia.balas.BalasIntegrationTest;
import id.posindonesia.balas.console.ConsoleSession;

import static org.awaitility.Awaitility.await;

/**
 * An agent who only watches the queue is at work: the console's open event stream keeps its session, while a session
 * nobody uses idles out as usual (both shortened here).
 */
@BalasIntegrationTest
@TestPropertySource(properties = { "server.reactive.session.timeout=3s", "balas.handoff.keep-alive=500ms" })
class OpenConsoleSessionTest {

	@Autowired
	private WebTestClient client;

	@LocalServerPort
	private int port;

	@Test
	void anOpenEventStreamKeepsTheConsolesSessionWhileAnIdleOneExpires() {
		ConsoleSession watching = ConsoleSession.login(client, "admin", "test-admin-password");
		ConsoleSession idle = ConsoleSession.login(client, "admin", "test-admin-password");
		Disposable stream = WebClient.create("http://localhost:" + port)
			.get()
			.uri("/api/events")
			.cookie("SESSION", watching.cookie())
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(String.class)
			.subscribe();
		try {
			await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(7)).until(() -> true);

			client.get().uri("/api/handoffs").cookie("SESSION", idle.cookie()).exchange().expectStatus().isUnauthorized();
			client.get().uri("/api/handoffs").cookie("SESSION", watching.cookie()).exchange().expectStatus().isOk();
		}
		finally {
			stream.dispose();
		}
	}

}
