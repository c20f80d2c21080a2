package id.posindonesia.balas.webhook;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.posindonesia.balas.MetaWebhooks;
import id.posindonesia.balas.config.InstagramProperties;
import id.posindonesia.balas.config.SecurityConfig;
import id.posindonesia.balas.inbox.EventJournal;
import id.posindonesia.balas.inbox.EventJournal.Recorded;
import id.posindonesia.balas.inbox.EventKind;
import id.posindonesia.balas.inbox.InboundEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

// the webhook is a functional route, so no annotated controller is needed: the filter keeps them all out
@WebFluxTest(controllers = WebhookEndpoint.class)
@Import({ WebhookEndpoint.class, SecurityConfig.class, WebhookEndpointTest.Support.class })
class WebhookEndpointTest {

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private EventJournal journal;

	@BeforeEach
	void recordEverything() {
		given(journal.record(anyList())).willAnswer(call -> {
			List<InboundEvent> events = call.getArgument(0);
			return Mono.just(new Recorded(events.size(), 0));
		});
	}

	@Test
	void handshakeEchoesTheChallengeForTheRightToken() {
		client.get()
			.uri("/webhooks/instagram?hub.mode=subscribe&hub.verify_token=sandbox-verify-token&hub.challenge=1158201444")
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).isEqualTo("1158201444");
	}

	@ParameterizedTest
	@CsvSource({ "subscribe,wrong-token", "unsubscribe,sandbox-verify-token" })
	void handshakeIsRefusedOtherwise(String mode, String token) {
		client.get()
			.uri("/webhooks/instagram?hub.mode={mode}&hub.verify_token={token}&hub.challenge=42", mode, token)
			.exchange()
			.expectStatus().isForbidden();
	}

	@ParameterizedTest
	@CsvSource({ "text-message,MESSAGE", "quick-reply,MESSAGE", "unsupported-attachment,MESSAGE", "seen,SEEN",
			"reaction,REACTION", "postback,POSTBACK", "referral,REFERRAL", "comments,COMMENT", "mentions,MENTION",
			"standby-echo,STANDBY", "unknown-kinds,UNKNOWN", "non-ascii-escaped,MESSAGE" })
	@SuppressWarnings("unchecked")
	void signedNotificationsAreRecordedBeforeTheirOk(String fixture, EventKind kind) {
		byte[] body = MetaWebhooks.fixture(fixture);

		post(body, MetaWebhooks.signature(body)).expectStatus().isOk().expectBody(String.class).isEqualTo("EVENT_RECEIVED");

		ArgumentCaptor<List<InboundEvent>> recorded = ArgumentCaptor.forClass(List.class);
		verify(journal).record(recorded.capture());
		assertThat(recorded.getValue()).isNotEmpty().first().extracting(InboundEvent::kind).isEqualTo(kind);
	}

	@Test
	void unsignedBodiesAreForbiddenAndNotRecorded() {
		post(MetaWebhooks.fixture("text-message"), null).expectStatus().isForbidden();
		verify(journal, never()).record(anyList());
	}

	@Test
	void bodiesSignedWithAnotherSecretAreForbiddenAndNotRecorded() {
		byte[] body = MetaWebhooks.fixture("text-message");
		post(body, MetaWebhooks.signature(body, "not-the-app-secret")).expectStatus().isForbidden();
		verify(journal, never()).record(anyList());
	}

	@Test
	void malformedJsonWithAValidSignatureIsABadRequest() {
		byte[] body = "{\"object\":\"instagram\",\"entry\":[".getBytes();
		post(body, MetaWebhooks.signature(body)).expectStatus().isBadRequest()
			.expectBody(String.class).value(message -> assertThat(message).contains("JSON"));
		verify(journal, never()).record(anyList());
	}

	@Test
	void bodiesOverOneMebibyteAreTooLarge() {
		byte[] body = ("{\"object\":\"instagram\",\"entry\":[],\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}").getBytes();
		post(body, MetaWebhooks.signature(body)).expectStatus().isEqualTo(413);
		verify(journal, never()).record(anyList());
	}

	@Test
	void aRedisOutageAsksMetaToRetry() {
		given(journal.record(anyList())).willReturn(Mono.error(new QueryTimeoutException("Redis timed out")));
		byte[] body = MetaWebhooks.fixture("text-message");

		post(body, MetaWebhooks.signature(body)).expectStatus().isEqualTo(503);
	}

	private WebTestClient.ResponseSpec post(byte[] body, String signature) {
		return client.post()
			.uri("/webhooks/instagram")
			.contentType(MediaType.APPLICATION_JSON)
			.headers(headers -> {
				if (signature != null) {
					headers.set(WebhookEndpoint.SIGNATURE_HEADER, signature);
				}
			})
			.bodyValue(body)
			.exchange();
	}

	@TestConfiguration
	@EnableConfigurationProperties({ InstagramProperties.class, WebhookProperties.class })
	static class Support {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
