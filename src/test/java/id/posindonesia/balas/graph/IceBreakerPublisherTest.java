package id.posindonesia.balas.graph;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;

import id.posindonesia.balas.BalasIntegrationTest;
import id.posindonesia.balas.config.InstagramProperties;
import id.posindonesia.balas.sandbox.Sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

/** The ice breakers as the Messenger Profile API receives them, and a start-up that survives their failure. */
@BalasIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class IceBreakerPublisherTest {

	private static final String MESSENGER_PROFILE = "/v[0-9.]+/me/messenger_profile";

	@Autowired
	private GraphClient graph;

	@Autowired
	private ObjectMapper json;

	@Autowired
	private Sandbox sandbox;

	@Autowired
	private InstagramProperties instagram;

	@Autowired
	private ApplicationContext context;

	@Test
	void isOffUnlessConfigured() {
		assertThat(context.getBeanNamesForType(IceBreakerPublisher.class)).isEmpty();
		// a stand-in: closing the runner's context must not shut the application's client down
		new ApplicationContextRunner().withBean(GraphClient.class, () -> mock(GraphClient.class))
			.withBean(ObjectMapper.class, () -> json)
			.withUserConfiguration(IceBreakerPublisher.class)
			.withPropertyValues("balas.graph.publish-ice-breakers=true")
			.run(enabled -> assertThat(enabled).hasSingleBean(IceBreakerPublisher.class));
	}

	@Test
	void publishesTheQuestionsInIndonesianAndEnglishForInstagram(CapturedOutput output) {
		int before = publications().size();

		new IceBreakerPublisher(graph, json).publishOnStartup();

		await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("Ice breakers of"));
		assertThat(publications()).hasSize(before + 1);
		LoggedRequest publication = publications().get(before);
		assertThat(publication.queryParameter("platform").firstValue()).isEqualTo("instagram");
		assertThat(publication.queryParameter("access_token").firstValue()).isEqualTo(instagram.accessToken());
		assertThat(publication.queryParameter("appsecret_proof").firstValue()).matches("[0-9a-f]{64}");
		JsonNode body = json.readTree(publication.getBodyAsString());
		assertThat(body.get("platform").asString()).isEqualTo("instagram");
		JsonNode iceBreakers = body.get("ice_breakers");
		assertThat(iceBreakers.get(0).get("locale").asString()).isEqualTo("default");
		assertThat(iceBreakers.get(0).get("call_to_actions").get(0).get("question").asString()).isEqualTo("Lacak kiriman");
		assertThat(iceBreakers.get(1).get("locale").asString()).isEqualTo("en_US");
		for (JsonNode locale : iceBreakers) {
			assertThat(locale.get("call_to_actions").valueStream().map(action -> action.get("payload").asString()))
				.containsExactly("TRACK_PARCEL", "CONTACT_CENTER", "COMPLAINT", "HUMAN_AGENT");
		}
	}

	@Test
	void aFailureIsLoggedAndNeverThrown(CapturedOutput output) {
		StubMapping down = sandbox.server()
			.stubFor(post(urlPathMatching(MESSENGER_PROFILE)).atPriority(0)
				.willReturn(aResponse().withStatus(400)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"error\":{\"message\":\"(#10) Permission denied\",\"type\":\"OAuthException\",\"code\":10}}")));
		try {
			int before = publications().size();

			assertThatCode(() -> new IceBreakerPublisher(graph, json).publishOnStartup()).doesNotThrowAnyException();

			await().atMost(Duration.ofSeconds(10))
				.until(() -> output.getOut().contains("Ice breakers not published") && output.getOut().contains("(#10)"));
			assertThat(publications()).as("a refusal is not retried").hasSize(before + 1);
		}
		finally {
			sandbox.server().removeStub(down);
		}
	}

	@Test
	void everyQuestionIsTitledLikeTheQuickReplyOfItsPayload() throws IOException {
		List<IceBreakers> iceBreakers = new IceBreakerPublisher(graph, json).load();

		assertThat(iceBreakers).extracting(IceBreakers::locale).containsExactly("default", "en_US");
		Properties indonesian = replies("id");
		Properties english = replies("en");
		iceBreakers.get(0).questions()
			.forEach(question -> assertThat(question.question())
				.isEqualTo(indonesian.getProperty("quick." + question.payload())));
		iceBreakers.get(1).questions()
			.forEach(question -> assertThat(question.question())
				.isEqualTo(english.getProperty("quick." + question.payload())));
	}

	private List<LoggedRequest> publications() {
		return sandbox.server().findAll(postRequestedFor(urlPathMatching(MESSENGER_PROFILE)));
	}

	private static Properties replies(String language) throws IOException {
		Properties replies = new Properties();
		try (Reader reader = new InputStreamReader(
				new ClassPathResource("intents/replies/" + language + ".properties").getInputStream(),
				StandardCharsets.UTF_8)) {
			replies.load(reader);
		}
		return replies;
	}

}
