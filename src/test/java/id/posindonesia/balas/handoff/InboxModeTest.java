package id.posindonesia.balas.handoff;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.posindonesia.balas.BalasIntegrationTest;
import id.posindonesia.balas.InstagramCustomer;
import id.posindonesia.balas.MetaWebhooks;
import id.posindonesia.balas.sandbox.Sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code HANDOFF_MODE=inbox}: a request for a person passes the conversation to Meta's Inbox with the handover
 * protocol; the bot stays silent until the Inbox passes it back.
 */
@BalasIntegrationTest
@TestPropertySource(properties = "balas.handoff.mode=inbox")
class InboxModeTest {

	private static final String ACCOUNT = "17841400000000013";

	@Autowired
	private WebTestClient client;

	@Autowired
	private Sandbox sandbox;

	@Test
	void aRequestForAPersonPassesTheConversationToTheInboxUntilItComesBack() {
		InstagramCustomer customer = InstagramCustomer.newOn(ACCOUNT, client, sandbox.server());

		assertThat(customer.say("saya mau bicara dengan admin")).contains("Agen akan membalas langsung di sini")
			.doesNotContain("antrean");
		await().atMost(Duration.ofSeconds(10)).until(() -> passesOf(customer).size() == 1);
		assertThat(passesOf(customer).get(0).getBodyAsString()).contains("target_app_id=263902037430900");

		// the Inbox has it: Balas hears the customer's messages as standby events and answers none, nor a message
		int callsBefore = customer.sendApiCalls().size();
		MetaWebhooks.deliver(client, item("standby", customer, """
				"message":{"mid":"mid-standby-%s","text":"halo ada orang?"}""".formatted(customer.id())));
		customer.write("halo?");
		await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
		assertThat(customer.sendApiCalls()).hasSize(callsBefore);

		MetaWebhooks.deliver(client, item("messaging", customer, """
				"pass_thread_control":{"previous_owner_app_id":"263902037430900","metadata":"selesai"}"""));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(customer.say("nomor halo pos berapa")).contains("1500161"));
		assertThat(passesOf(customer)).hasSize(1);
	}

	private List<LoggedRequest> passesOf(InstagramCustomer customer) {
		return sandbox.server()
			.findAll(postRequestedFor(urlPathMatching("/v[0-9.]+/me/pass_thread_control")))
			.stream()
			.filter(request -> request.getBodyAsString().contains(customer.id()))
			.toList();
	}

	private static byte[] item(String list, InstagramCustomer customer, String fields) {
		long at = System.currentTimeMillis();
		return """
				{"object":"instagram","entry":[{"id":"%s","time":%d,"%s":[{"sender":{"id":"%s"},\
				"recipient":{"id":"%s"},"timestamp":%d,%s}]}]}""".formatted(ACCOUNT, at, list, customer.id(), ACCOUNT, at,
				fields)
			.getBytes(StandardCharsets.UTF_8);
	}

}
