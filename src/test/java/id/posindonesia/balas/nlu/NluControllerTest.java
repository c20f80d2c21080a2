package id.posindonesia.balas.nlu;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.posindonesia.balas.config.SecurityConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

@WebFluxTest(NluController.class)
@Import(SecurityConfig.class)
@EnableConfigurationProperties(NluProperties.class)
@TestPropertySource(properties = "balas.nlu.max-text-length=50")
class NluControllerTest {

	private static final String TEXT = "cek resi RR007321866ID dong";

	private static final NluResult RESULT = new NluResult(TEXT, new IntentScore(Intent.TRACK_PARCEL, 0.91),
			List.of(new IntentScore(Intent.TRACK_PARCEL, 0.91), new IntentScore(Intent.COMPLAINT, 0.05)),
			List.of(new Entity(EntityType.BARCODE, "RR007321866ID", 9, 22)), Language.ID);

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private NluService nluService;

	@Test
	void refusesCallersWithoutCredentials() {
		parse("{\"text\": \"halo\"}")
			.expectStatus()
			.isUnauthorized();
		verifyNoInteractions(nluService);
	}

	@Test
	@WithMockUser
	void answersWithTheParseInRasaShape() {
		given(nluService.parse(TEXT)).willReturn(RESULT);

		parse("{\"text\": \"" + TEXT + "\"}")
			.expectStatus()
			.isOk()
			.expectBody()
			.json("""
					{
					  "text": "cek resi RR007321866ID dong",
					  "intent": {"name": "track_parcel", "confidence": 0.91},
					  "intent_ranking": [
					    {"name": "track_parcel", "confidence": 0.91},
					    {"name": "complaint", "confidence": 0.05}
					  ],
					  "entities": [{"entity": "barcode", "value": "RR007321866ID", "start": 9, "end": 22}],
					  "language": "id"
					}
					""", true);
	}

	@Test
	@WithMockUser
	void namesAnotherCouriersWaybillOtherWaybill() {
		String text = "resi jne JP1234567890";
		given(nluService.parse(text)).willReturn(new NluResult(text, new IntentScore(Intent.OUT_OF_SCOPE, 0.8),
				List.of(new IntentScore(Intent.OUT_OF_SCOPE, 0.8)),
				List.of(new Entity(EntityType.OTHER_WAYBILL, "JP1234567890", 9, 21)), Language.ID));

		parse("{\"text\": \"" + text + "\"}")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.entities[0].entity")
			.isEqualTo("other_waybill");
	}

	@Test
	@WithMockUser
	void classifiesOffTheEventLoop() {
		AtomicReference<String> thread = new AtomicReference<>();
		given(nluService.parse(anyString())).willAnswer(call -> {
			thread.set(Thread.currentThread().getName());
			return RESULT;
		});

		parse("{\"text\": \"halo\"}")
			.expectStatus()
			.isOk();

		assertThat(thread.get()).startsWith("parallel-");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"text\": \"   \"}", "{\"text\": null}", "{}" })
	@WithMockUser
	void rejectsBlankText(String body) {
		parse(body)
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("text must not be blank");
		verifyNoInteractions(nluService);
	}

	@Test
	@WithMockUser
	void rejectsTextOverTheConfiguredLength() {
		parse("{\"text\": \"" + "a".repeat(51) + "\"}")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("text must be at most 50 characters");
		verifyNoInteractions(nluService);
	}

	@Test
	@WithMockUser
	void rejectsABodyThatIsNotJson() {
		parse("text=halo")
			.expectStatus()
			.isBadRequest();
		verifyNoInteractions(nluService);
	}

	private WebTestClient.ResponseSpec parse(String body) {
		return client.post().uri("/api/nlu/parse").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

}
