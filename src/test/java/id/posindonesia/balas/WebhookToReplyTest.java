package id.posindonesia.balas;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.posindonesia.balas.sandbox.Sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
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

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	private final List<StubMapping> stubs = new ArrayList<>();

	@AfterEach
	void removeStubs() {
		stubs.forEach(graph()::removeStub);
	}

	@Test
	void aTextDmIsAnsweredThroughTheSendApiWithAnAppSecretProof() {
		String customer = newCustomer();

		deliver(MetaWebhooks.textMessage(ACCOUNT, customer, "mid-" + customer, System.currentTimeMillis(), "halo min"));

		await().atMost(Duration.ofSeconds(10)).until(() -> SentMessages.to(graph(), customer).size() == 2);
		List<Map<String, String>> calls = SentMessages.to(graph(), customer);
		// the reply goes first; the courtesy of mark_seen must not hold it up
		assertThat(calls).extracting(call -> call.getOrDefault("sender_action", "message"))
			.containsExactly("message", "mark_seen");
		Map<String, String> reply = calls.get(0);
		assertThat(reply.get("message")).contains("Pos Indonesia", "\"payload\":\"TRACK_PARCEL\"");
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
		String customer = newCustomer();
		long now = System.currentTimeMillis();
		deliver(item(customer, now, "\"reaction\":{\"mid\":\"m-" + customer + "\",\"action\":\"react\",\"reaction\":\"love\"}"));
		deliver(item(customer, now + 1, "\"read\":{\"mid\":\"m-" + customer + "\"}"));
		deliver(item(customer, now + 2, "\"message\":{\"mid\":\"echo-" + customer + "\",\"is_echo\":true,\"text\":\"x\"}"));
		deliver(item(customer, now + 3, "\"message\":{\"mid\":\"del-" + customer + "\",\"is_deleted\":true}"));
		// the conversation's events are processed in order: once this one is answered, those before it were handled
		deliver(MetaWebhooks.textMessage(ACCOUNT, customer, "mid-" + customer, now + 4, "halo"));

		await().atMost(Duration.ofSeconds(10)).until(() -> SentMessages.textsTo(graph(), customer).size() == 1);
		// the text's reply and its mark_seen, nothing for the four events before it
		await().atMost(Duration.ofSeconds(5)).until(() -> SentMessages.to(graph(), customer).size() == 2);
		assertThat(SentMessages.textsTo(graph(), customer)).hasSize(1);
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
	void logsCarryNeitherSecretsNorWhatCustomersWroteWhenTheGraphApiFails(CapturedOutput output) {
		String refused = newCustomer();
		String failing = newCustomer();
		stubs.add(graph().stubFor(post(urlPathMatching("/v[0-9.]+/me/messages")).atPriority(0)
			.withRequestBody(containing(refused))
			.willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"message\":\"(#100) Invalid parameter\",\"type\":\"OAuthException\",\"code\":100}}"))));
		stubs.add(graph().stubFor(post(urlPathMatching("/v[0-9.]+/me/messages")).atPriority(0)
			.withRequestBody(containing(failing))
			.willReturn(aResponse().withStatus(500).withBody("upstream failure"))));
		double failuresBefore = meters.counter("balas.events.failures").count();

		deliver(MetaWebhooks.textMessage(ACCOUNT, refused, "mid-" + refused, System.currentTimeMillis(),
				"hp 081298765432 Jl Kenanga 7"));
		deliver(MetaWebhooks.textMessage(ACCOUNT, failing, "mid-" + failing, System.currentTimeMillis(),
				"hp 081311112222 Jl Anggrek 9"));

		await().atMost(Duration.ofSeconds(15)).until(() -> meters.counter("balas.events.failures").count() > failuresBefore
				&& output.getAll().contains("refused for good"));
		assertThat(output.getAll()).doesNotContain("sandbox-access-token", "sandbox-app-secret", "081298765432",
				"Jl Kenanga", "081311112222", "Jl Anggrek", refused, failing);
	}

	@Test
	void aGraphApiThatAnswersSlowlyStillGetsEveryReplyOnce() {
		List<String> customers = new ArrayList<>();
		for (int n = 0; n < 20; n++) {
			String customer = newCustomer();
			customers.add(customer);
			stubs.add(graph().stubFor(post(urlPathMatching("/v[0-9.]+/me/messages")).atPriority(0)
				.withRequestBody(containing(customer))
				.willReturn(aResponse().withStatus(200).withFixedDelay(4_500)
					.withBody("{\"recipient_id\":\"" + customer + "\",\"message_id\":\"m\"}"))));
		}

		customers.forEach(customer -> deliver(
				MetaWebhooks.textMessage(ACCOUNT, customer, "mid-" + customer, System.currentTimeMillis(), "halo")));

		await().atMost(Duration.ofSeconds(60))
			.until(() -> customers.stream().allMatch(customer -> SentMessages.textsTo(graph(), customer).size() == 1));
		// nothing is resent later either: every event completed
		await().atMost(Duration.ofSeconds(30)).until(() -> customers.stream()
			.allMatch(customer -> redis.opsForZSet().size("balas:{inbox}:inbox:" + ACCOUNT + ":" + customer).block() == 0));
		customers.forEach(customer -> assertThat(SentMessages.textsTo(graph(), customer)).as(customer).hasSize(1));
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
		double recorded = meters.counter("balas.webhook.events", "outcome", "recorded").count();
		double duplicates = meters.counter("balas.webhook.events", "outcome", "duplicate").count();
		long replies = meters.timer("balas.reply.latency").count();
		String customer = newCustomer();
		byte[] body = MetaWebhooks.textMessage(ACCOUNT, customer, UUID.randomUUID().toString(), System.currentTimeMillis(), "p");

		deliver(body);
		deliver(body);

		await().atMost(Duration.ofSeconds(10)).until(() -> meters.timer("balas.reply.latency").count() > replies);
		assertThat(meters.counter("balas.webhook.events", "outcome", "recorded").count()).isEqualTo(recorded + 1);
		assertThat(meters.counter("balas.webhook.events", "outcome", "duplicate").count()).isEqualTo(duplicates + 1);
		client.get().uri("/actuator/prometheus").headers(headers -> headers.setBasicAuth("admin", "test-admin-password")).exchange()
			.expectStatus().isOk()
			.expectBody(String.class)
			.value(metrics -> assertThat(metrics).contains("balas_webhook_events_total{outcome=\"recorded\"",
					"balas_webhook_events_total{outcome=\"duplicate\"", "balas_webhook_ack_seconds_bucket",
					"balas_reply_latency_seconds", "balas_events_dead_lettered_total"));
	}

	private static byte[] item(String customer, long timestamp, String content) {
		return """
				{"object":"instagram","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},\
				"recipient":{"id":"%s"},"timestamp":%d,%s}]}]}"""
			.formatted(ACCOUNT, timestamp, customer, ACCOUNT, timestamp, content)
			.getBytes(StandardCharsets.UTF_8);
	}

	private void deliver(byte[] body) {
		MetaWebhooks.deliver(client, body);
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
