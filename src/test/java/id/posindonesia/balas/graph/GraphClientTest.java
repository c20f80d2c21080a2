package id.posindonesia.balas.graph;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.restfb.types.send.SenderActionEnum;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import id.posindonesia.balas.BalasIntegrationTest;
import id.posindonesia.balas.SentMessages;
import id.posindonesia.balas.config.InstagramProperties;
import id.posindonesia.balas.sandbox.Sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Send API through restfb, resilience4j and the shared send budget, against the sandbox with failures stubbed per
 * recipient.
 */
@BalasIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class GraphClientTest {

	private static final String SEND_API = "/v[0-9.]+/me/messages";

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
	private SendBudget budget;

	@Autowired
	private RetryRegistry retryRegistry;

	@Autowired
	private ApplicationContext context;

	private final List<StubMapping> stubs = new ArrayList<>();

	private final List<GraphClient> clients = new ArrayList<>();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@AfterEach
	void removeStubsAndClients() {
		stubs.forEach(server()::removeStub);
		clients.forEach(GraphClient::destroy);
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
				CircuitBreakerRegistry.ofDefaults(), retries, budget, failedSends);
		clients.add(client);

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
			.failureRateThreshold(50).build(), budget);

		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> tripping.sendText(ACCOUNT, recipient, "halo", List.of()).block()).isNotNull();
		}

		assertThatThrownBy(() -> tripping.sendText(ACCOUNT, recipient, "halo", List.of()).block())
			.isInstanceOf(CallNotPermittedException.class);
		assertThat(SentMessages.textsTo(server(), recipient)).hasSize(2);
	}

	@Test
	void twoInstancesShareTheBudgetOfAnAccount() throws Exception {
		String account = SendBudgets.account();
		String recipient = recipient();
		List<GraphClient> instances = List.of(clientWith(budget(5, 2, Duration.ofSeconds(10))),
				clientWith(budget(5, 2, Duration.ofSeconds(10))));
		SendBudgets.startOfASecond();
		long start = System.nanoTime();

		List<String> messageIds = Flux.range(0, 20)
			.flatMap(i -> instances.get(i % 2).sendText(account, recipient, "pesan " + i, List.of()))
			.collectList()
			.block(Duration.ofSeconds(15));

		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(messageIds).hasSize(20).doesNotHaveDuplicates();
		TreeMap<Long, Long> callsPerSecond = callsTo(recipient).stream()
			.collect(Collectors.groupingBy(call -> call.getLoggedDate().getTime() / 1000, TreeMap::new,
					Collectors.counting()));
		long first = callsPerSecond.firstKey();
		assertThat(callsPerSecond).as("Send API calls in each second").containsExactly(entry(first, 5L),
				entry(first + 1, 5L), entry(first + 2, 5L), entry(first + 3, 5L));
		// the fourth second's calls go out at its start, three seconds after this test's first
		assertThat(elapsed).isGreaterThan(Duration.ofMillis(2_900));
		assertThat(meters.timer("balas.graph.send.budget.wait").count()).isEqualTo(15);
	}

	@Test
	void senderActionsAreShedOnceOnlyTheReserveForRepliesIsLeft() throws Exception {
		String account = SendBudgets.account();
		String recipient = recipient();
		GraphClient client = clientWith(budget(5, 2, Duration.ofSeconds(5)));
		SendBudgets.startOfASecond();

		for (int i = 0; i < 5; i++) {
			client.senderAction(account, recipient, SenderActionEnum.typing_on).block(Duration.ofSeconds(5));
		}
		client.sendText(account, recipient, "satu", List.of()).block(Duration.ofSeconds(5));
		client.sendText(account, recipient, "dua", List.of()).block(Duration.ofSeconds(5));

		assertThat(SentMessages.to(server(), recipient)).extracting(call -> call.getOrDefault("sender_action", "message"))
			.containsExactly("typing_on", "typing_on", "typing_on", "message", "message");
		List<Long> seconds = callsTo(recipient).stream().map(call -> call.getLoggedDate().getTime() / 1000).toList();
		assertThat(seconds).as("the replies did not wait for another second").containsOnly(seconds.get(0));
		assertThat(meters.counter("balas.graph.sender.actions.shed").count()).isEqualTo(2);
	}

	@Test
	void everyAccountHasABudgetOfItsOwn() throws Exception {
		String busyAccount = SendBudgets.account();
		String quietAccount = SendBudgets.account();
		String busyCustomer = recipient();
		String quietCustomer = recipient();
		GraphClient client = clientWith(budget(5, 2, Duration.ofSeconds(5)));
		SendBudgets.startOfASecond();

		for (int i = 0; i < 5; i++) {
			client.sendText(busyAccount, busyCustomer, "pesan " + i, List.of()).block(Duration.ofSeconds(5));
		}
		client.senderAction(busyAccount, busyCustomer, SenderActionEnum.mark_seen).block(Duration.ofSeconds(5));
		client.senderAction(quietAccount, quietCustomer, SenderActionEnum.mark_seen).block(Duration.ofSeconds(5));
		client.sendText(quietAccount, quietCustomer, "halo", List.of()).block(Duration.ofSeconds(5));

		assertThat(SentMessages.to(server(), busyCustomer)).hasSize(5)
			.allSatisfy(call -> assertThat(call).containsKey("message"));
		assertThat(SentMessages.to(server(), quietCustomer))
			.extracting(call -> call.getOrDefault("sender_action", "message"))
			.containsExactly("mark_seen", "message");
		assertThat(meters.counter("balas.graph.sender.actions.shed").count()).isEqualTo(1);
		assertThat(meters.timer("balas.graph.send.budget.wait").count()).isZero();
	}

	@Test
	void aMessageThatFindsNoBudgetWithinMaxWaitIsNotSentButLeftToTheInbox() throws Exception {
		String account = SendBudgets.account();
		String recipient = recipient();
		GraphClient client = new GraphClient(properties, instagram, sandboxProvider, CircuitBreakerRegistry.ofDefaults(),
				retryRegistry, budget(2, 0, Duration.ofMillis(300)), failedSends);
		clients.add(client);
		SendBudgets.startOfASecond();

		client.sendText(account, recipient, "satu", List.of()).block(Duration.ofSeconds(5));
		client.sendText(account, recipient, "dua", List.of()).block(Duration.ofSeconds(5));

		assertThatThrownBy(() -> client.sendText(account, recipient, "tiga", List.of()).block(Duration.ofSeconds(5)))
			.isInstanceOf(SendBudgetExhaustedException.class);
		assertThat(SentMessages.textsTo(server(), recipient)).hasSize(2);
		assertThat(meters.counter("balas.graph.send.budget.exhausted").count()).as("attempts: none retried at once")
			.isEqualTo(1);
		assertThat(redis.opsForStream()
			.range(FailedSends.STREAM, Range.unbounded())
			.filter(record -> recipient.equals(record.getValue().get("recipient")))
			.collectList()
			.block()).as("recorded as refused for good").isEmpty();
	}

	@Test
	void repliesStillGoOutWhenRedisCannotCountTheBudget(CapturedOutput output) throws Exception {
		String recipient = recipient();
		LettuceConnectionFactory deadRedis = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", SendBudgetTest.closedPort()));
		deadRedis.afterPropertiesSet();
		try {
			GraphClient client = clientWith(
					SendBudgets.of(new ReactiveStringRedisTemplate(deadRedis), 1, 1, Duration.ofMillis(300), meters));
			String account = SendBudgets.account();

			client.senderAction(account, recipient, SenderActionEnum.mark_seen).block(Duration.ofSeconds(10));
			client.sendText(account, recipient, "satu", List.of()).block(Duration.ofSeconds(10));
			client.sendText(account, recipient, "dua", List.of()).block(Duration.ofSeconds(10));

			assertThat(SentMessages.to(server(), recipient))
				.extracting(call -> call.getOrDefault("sender_action", "message"))
				.containsExactly("mark_seen", "message", "message");
			assertThat(meters.counter("balas.graph.send.budget.unavailable").count()).isEqualTo(3);
			assertThat(output.getOut().split("Redis cannot count the Send API budget", -1)).as("warnings").hasSize(2);
		}
		finally {
			deadRedis.destroy();
		}
	}

	private SendBudget budget(int perSecond, int reserveForReplies, Duration maxWait) {
		return SendBudgets.of(redis, perSecond, reserveForReplies, maxWait, meters);
	}

	private GraphClient clientWith(SendBudget budget) {
		return clientWith(CircuitBreakerConfig.ofDefaults(), budget);
	}

	private GraphClient clientWith(CircuitBreakerConfig circuitBreaker, SendBudget budget) {
		GraphClient client = new GraphClient(properties, instagram, sandboxProvider,
				CircuitBreakerRegistry.of(circuitBreaker), RetryRegistry.of(RetryConfig.custom().maxAttempts(1).build()),
				budget, failedSends);
		clients.add(client);
		return client;
	}

	private List<LoggedRequest> callsTo(String recipient) {
		return server().findAll(postRequestedFor(urlPathMatching(SEND_API)).withRequestBody(containing(recipient)));
	}

	private MappingBuilder sendTo(String recipient) {
		return post(urlPathMatching(SEND_API)).atPriority(0).withRequestBody(containing(recipient));
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
