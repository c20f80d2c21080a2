package id.posindonesia.balas;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.posindonesia.balas.config.Sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** From Meta's signed webhook, through Redis, to the reply arriving at the (sandbox) Graph API. */
@BalasIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class WebhookToReplyTest {

	private static final String ACCOUNT = "17841400000000001";

	@Autowired
	private WebTestClient client;

	@Autowired
	private Sandbox sandbox;

	@Test
	void aTextDmIsAnsweredThroughTheSendApiWithAnAppSecretProof() {
		String customer = newCustomer();

		deliver(MetaWebhooks.textMessage(ACCOUNT, customer, "mid-" + customer, System.currentTimeMillis(), "halo min"));

		await().atMost(Duration.ofSeconds(10)).until(() -> SentMessages.textsTo(graph(), customer).size() == 1);
		List<Map<String, String>> calls = SentMessages.to(graph(), customer);
		assertThat(calls).extracting(call -> call.getOrDefault("sender_action", "message"))
			.containsExactly("mark_seen", "typing_on", "message");
		Map<String, String> reply = calls.get(2);
		assertThat(reply.get("message")).contains("Pos Indonesia", "1500161");
		assertThat(reply.get("access_token")).isEqualTo("sandbox-access-token");
		assertThat(reply.get("appsecret_proof")).isEqualTo(hmacHex("sandbox-app-secret", "sandbox-access-token"));
	}

	@Test
	void aRedeliveredEventIsAnsweredOnce() {
		String customer = newCustomer();
		byte[] body = MetaWebhooks.textMessage(ACCOUNT, customer, "mid-" + customer, System.currentTimeMillis(), "cek resi");

		deliver(body);
		deliver(body);
		deliver(body);

		await().atMost(Duration.ofSeconds(10)).until(() -> SentMessages.textsTo(graph(), customer).size() == 1);
		// redeliveries were dropped at the door, so nothing else is still on its way
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
			.until(() -> SentMessages.textsTo(graph(), customer).size() == 1);
	}

	@Test
	void eventsThatAreNotTextMessagesAreRecordedButNotAnswered() {
		byte[] reaction = MetaWebhooks.fixture("reaction");
		deliver(reaction);
		byte[] comment = MetaWebhooks.fixture("comments");
		deliver(comment);

		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
			.until(() -> SentMessages.to(graph(), "6100000000000003").isEmpty()
					&& SentMessages.to(graph(), "6100000000000006").isEmpty());
	}

	@Test
	void logsCarryNeitherSecretsNorWhatCustomersWrote(CapturedOutput output) {
		String customer = newCustomer();
		String text = "nomor hp saya 081234567890 alamat Jl Melati 5";

		deliver(MetaWebhooks.textMessage(ACCOUNT, customer, "mid-" + customer, System.currentTimeMillis(), text));
		await().atMost(Duration.ofSeconds(10)).until(() -> SentMessages.textsTo(graph(), customer).size() == 1);

		assertThat(output.getAll()).doesNotContain("sandbox-access-token", "sandbox-app-secret", "081234567890",
				"Jl Melati", customer);
	}

	@Test
	void healthReportsRedis() {
		client.get().uri("/actuator/health").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components.redis.status").isEqualTo("UP");
		client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
	}

	@Test
	void prometheusExposesThePipelineMetrics() {
		deliver(MetaWebhooks.textMessage(ACCOUNT, newCustomer(), UUID.randomUUID().toString(), System.currentTimeMillis(), "p"));

		client.get().uri("/actuator/prometheus").exchange()
			.expectStatus().isOk()
			.expectBody(String.class)
			.value(metrics -> assertThat(metrics).contains("balas_webhook_events_total{outcome=\"recorded\"",
					"balas_webhook_events_total{outcome=\"duplicate\"", "balas_webhook_ack_seconds_bucket",
					"balas_reply_latency_seconds", "balas_events_dead_lettered_total"));
	}

	private void deliver(byte[] body) {
		client.post()
			.uri("/webhooks/instagram")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Hub-Signature-256", MetaWebhooks.signature(body))
			.bodyValue(body)
			.exchange()
			.expectStatus().isOk();
	}

	private WireMockServer graph() {
		return sandbox.server();
	}

	private static String newCustomer() {
		return Long.toString(6_200_000_000_000_000L + (long) (Math.random() * 1_000_000_000_000L));
	}

	private static String hmacHex(String key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
