package id.posindonesia.balas.graph;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.restfb.types.send.SenderActionEnum;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import id.posindonesia.balas.BalasIntegrationTest;
import id.posindonesia.balas.SentMessages;
import id.posindonesia.balas.config.InstagramProperties;
import id.posindonesia.balas.sandbox.Sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Send API through restfb and resilience4j, against the sandbox with failures stubbed per recipient. */
@BalasIntegrationTest
class GraphClientTest {

	private static final String ACCOUNT = "17841400000000002";

	@Autowired
	private GraphClient graph;

	@Autowired
	private Sandbox sandbox;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@Autowired
	private GraphProperties properties;

	@Autowired
	private InstagramProperties instagram;

	@Autowired
	private ObjectProvider<Sandbox> sandboxProvider;

	@Autowired
	private FailedSends failedSends;

	@Autowired
	private ApplicationContext context;

	private final List<StubMapping> stubs = new ArrayList<>();

	@AfterEach
	void removeStubs() {
		stubs.forEach(server()::removeStub);
	}

	@Test
	void retriesServerErrorsAndThrottlingUntilTheSendGoesThrough() {
		String recipient = recipient();
		String scenario = "flaky-" + recipient;
		stub(sendTo(recipient).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503).withBody("unavailable")).willSetStateTo("throttled"));
		stub(sendTo(recipient).inScenario(scenario).whenScenarioStateIs("throttled")
			.willReturn(graphError(400, 613, "Calls to this api have exceeded the rate limit.")).willSetStateTo("ok"));
		stub(sendTo(recipient).inScenario(scenario).whenScenarioStateIs("ok")
			.willReturn(aResponse().withStatus(200).withBody("{\"recipient_id\":\"" + recipient + "\",\"message_id\":\"m1\"}")));

		graph.sendText(ACCOUNT, recipient, "Kiriman Kakak sedang diantar", List.of()).block(Duration.ofSeconds(10));

		assertThat(SentMessages.textsTo(server(), recipient)).hasSize(3)
			.allSatisfy(call -> assertThat(call.get("message")).contains("Kiriman Kakak sedang diantar"));
	}

	@Test
	void aPermanentRefusalIsNotRetriedButRecordedAsAFailedSend() {
		String recipient = recipient();
		stub(sendTo(recipient).willReturn(graphError(400, 10, "This message is sent outside of allowed window.")));

		graph.sendText(ACCOUNT, recipient, "Balasan di luar 24 jam", List.of()).block(Duration.ofSeconds(10));

		assertThat(SentMessages.textsTo(server(), recipient)).hasSize(1);
		List<MapRecord<String, Object, Object>> failed = redis.opsForStream()
			.range(FailedSends.STREAM, Range.unbounded())
			.filter(record -> recipient.equals(record.getValue().get("recipient")))
			.collectList()
			.block();
		assertThat(failed).singleElement().satisfies(record -> {
			assertThat(record.getValue()).containsEntry("text", "Balasan di luar 24 jam").containsEntry("account", ACCOUNT);
			assertThat((String) record.getValue().get("error")).contains("allowed window");
		});
	}

	@Test
	void aSendThatKeepsFailingIsSignalledSoTheEventIsTriedAgainLater() {
		String recipient = recipient();
		stub(sendTo(recipient).willReturn(aResponse().withStatus(500).withBody("{}")));

		assertThatThrownBy(() -> graph.sendText(ACCOUNT, recipient, "halo", List.of()).block(Duration.ofSeconds(10)))
			.isNotInstanceOf(GraphRejectedException.class);
		assertThat(SentMessages.textsTo(server(), recipient)).hasSize(3);
	}

	@Test
	void aSendWhoseAnswerNeverComesIsNotRetried() {
		String recipient = recipient();
		stub(sendTo(recipient).willReturn(aResponse().withStatus(200).withFixedDelay(2_000)
			.withBody("{\"recipient_id\":\"" + recipient + "\",\"message_id\":\"m1\"}")));
		GraphClient impatient = GraphClients.withReadTimeout(context, Duration.ofMillis(300));

		assertThatThrownBy(() -> impatient.sendText(ACCOUNT, recipient, "sekali saja", List.of()).block(Duration.ofSeconds(10)))
			.isInstanceOf(SendOutcomeUnknownException.class);

		assertThat(SentMessages.textsTo(server(), recipient)).hasSize(1);
	}

	@Test
	void aSendThatCouldNotConnectIsRetriedSinceNothingWasDelivered() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		GraphProperties unreachable = new GraphProperties(URI.create("http://127.0.0.1:" + closedPort),
				properties.version(), properties.connectTimeout(), properties.readTimeout(), properties.callTimeout(),
				properties.senderActionTimeout(), properties.maxConcurrentCalls());
		RetryRegistry retries = RetryRegistry.of(RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(10))
			.retryOnException(new TransientGraphFailure()).build());
		GraphClient client = new GraphClient(unreachable, instagram, sandboxProvider,
				CircuitBreakerRegistry.ofDefaults(), retries,
				RateLimiterRegistry.of(Map.of("graph-account", RateLimiterConfig.ofDefaults())), failedSends);

		assertThatThrownBy(() -> client.sendText(ACCOUNT, recipient(), "halo", List.of()).block(Duration.ofSeconds(10)))
			.isNotInstanceOf(SendOutcomeUnknownException.class);

		assertThat(retries.retry("graph").getMetrics().getNumberOfFailedCallsWithRetryAttempt()).isEqualTo(1);
	}

	@Test
	void senderActionFailuresAreSwallowed() {
		String recipient = recipient();
		stub(sendTo(recipient).willReturn(graphError(400, 100, "Invalid parameter")));

		graph.senderAction(ACCOUNT, recipient, SenderActionEnum.typing_on).block(Duration.ofSeconds(10));

		assertThat(SentMessages.to(server(), recipient)).singleElement()
			.satisfies(call -> assertThat(call).containsEntry("sender_action", "typing_on"));
	}

	@Test
	void theCircuitBreakerStopsCallingAFailingGraphApi() {
		String recipient = recipient();
		stub(sendTo(recipient).willReturn(aResponse().withStatus(500).withBody("{}")));
		GraphClient tripping = clientWith(CircuitBreakerConfig.custom().slidingWindowSize(2).minimumNumberOfCalls(2)
			.failureRateThreshold(50).build(), RateLimiterConfig.ofDefaults());

		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> tripping.sendText(ACCOUNT, recipient, "halo", List.of()).block()).isNotNull();
		}

		assertThatThrownBy(() -> tripping.sendText(ACCOUNT, recipient, "halo", List.of()).block())
			.isInstanceOf(CallNotPermittedException.class);
		assertThat(SentMessages.textsTo(server(), recipient)).hasSize(2);
	}

	@Test
	void theRateLimitHoldsPerAccount() {
		String recipient = recipient();
		GraphClient limited = clientWith(CircuitBreakerConfig.ofDefaults(), RateLimiterConfig.custom()
			.limitForPeriod(2).limitRefreshPeriod(Duration.ofMinutes(1)).timeoutDuration(Duration.ZERO).build());

		limited.sendText(ACCOUNT, recipient, "satu", List.of()).block();
		limited.sendText(ACCOUNT, recipient, "dua", List.of()).block();

		assertThatThrownBy(() -> limited.sendText(ACCOUNT, recipient, "tiga", List.of()).block())
			.isInstanceOf(RequestNotPermitted.class);
		limited.sendText("17841400000000777", recipient, "akun lain", List.of()).block();
		assertThat(SentMessages.textsTo(server(), recipient)).hasSize(3);
	}

	private GraphClient clientWith(CircuitBreakerConfig circuitBreaker, RateLimiterConfig rateLimit) {
		return new GraphClient(properties, instagram, sandboxProvider, CircuitBreakerRegistry.of(circuitBreaker),
				RetryRegistry.of(RetryConfig.custom().maxAttempts(1).build()),
				RateLimiterRegistry.of(Map.of("graph-account", rateLimit)), failedSends);
	}

	private MappingBuilder sendTo(String recipient) {
		return post(urlPathMatching("/v[0-9.]+/me/messages")).atPriority(0).withRequestBody(containing(recipient));
	}

	private void stub(MappingBuilder mapping) {
		stubs.add(server().stubFor(mapping));
	}

	private static ResponseDefinitionBuilder graphError(int status, int code,
			String message) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
					+ ",\"fbtrace_id\":\"AbCdEf\"}}");
	}

	private WireMockServer server() {
		return sandbox.server();
	}

	private static String recipient() {
		return Long.toString(6_300_000_000_000_000L + (long) (Math.random() * 1_000_000_000_000L));
	}

}
