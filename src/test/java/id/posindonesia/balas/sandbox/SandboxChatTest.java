package id.posindonesia.balas.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.posindonesia.balas.BalasIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A newcomer's chat with Balas: in through the signed webhook, the replies read back from the sandbox Graph API. */
@BalasIntegrationTest
class SandboxChatTest {

	@Autowired
	private WebTestClient client;

	@Test
	void thePageIsServedWithoutALogin() {
		client.get().uri("/sandbox/chat").exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class).value(page -> assertThat(page).contains("/sandbox/chat/messages"));
	}

	@Test
	void whatTheCustomerWritesIsAnsweredAndATappedQuickReplyDrivesTheFlow() {
		String customer = Long.toString(6_900_000_000_000_000L + (long) (Math.random() * 1_000_000_000_000L));

		write(customer, "halo min", "");
		await().atMost(Duration.ofSeconds(15)).until(() -> replies(customer).size() == 1);
		assertThat(replies(customer).get(0).get("text").toString()).contains("Balas");

		write(customer, "Lacak kiriman", "TRACK_PARCEL");
		await().atMost(Duration.ofSeconds(15)).until(() -> replies(customer).size() == 2);
		assertThat(replies(customer).get(1).get("text").toString()).contains("resi");
	}

	@Test
	void aMessageWithoutCustomerOrTextIsRefused() {
		client.post().uri("/sandbox/chat/messages").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("customer", "not digits", "text", "halo"))
			.exchange()
			.expectStatus().isBadRequest();
	}

	private void write(String customer, String text, String payload) {
		client.post().uri("/sandbox/chat/messages").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("customer", customer, "text", text, "payload", payload))
			.exchange()
			.expectStatus().isAccepted()
			.expectBody().jsonPath("$.webhook").isEqualTo(200);
	}

	private List<Map<String, Object>> replies(String customer) {
		return client.get().uri("/sandbox/chat/replies?customer=" + customer).exchange()
			.expectStatus().isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
	}

}
