package id.posindonesia.balas.complaint;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

import id.posindonesia.balas.BalasIntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reports delivered to the sandbox's {@code /cch/reports}, with backoff short enough to watch retries happen. */
@BalasIntegrationTest
@TestPropertySource(properties = { "balas.cch.poll-interval=100ms", "balas.cch.first-retry-delay=100ms",
		"balas.cch.max-retry-delay=400ms", "balas.cch.request-timeout=5s", "balas.cch.lease=15s",
		"resilience4j.circuitbreaker.instances.cch.minimum-number-of-calls=1000" })
class CchReportOutboxTest {

	private static final String REPORTS = "/cch/reports";

	@Autowired
	private ComplaintDesk desk;

	@Autowired
	private CchReportOutbox outbox;

	@Autowired
	private CchClient client;

	@Autowired
	private CchProperties properties;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@Autowired
	private WireMockServer sandboxServer;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private CircuitBreakerRegistry circuitBreakers;

	@Test
	void aReportIsDeliveredOnceWithTheTicketIdAsIdempotencyKey() {
		double deliveredBefore = counter("balas.cch.reports.delivered");
		String username = Complaints.uniqueUsername();
		NewComplaint complaint = Complaints.about(username, 600_000L, null);

		Ticket ticket = desk.open(complaint).block();

		awaitReport(ticket, ReportStatus.DELIVERED);
		await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(() -> requestsFor(ticket).size() == 1);
		LoggedRequest request = requestsFor(ticket).get(0);
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		assertThat(request.getBodyAsString()).doesNotContain("0812-3456-7890");
		assertThat(equalToJson("""
				{
				  "ticketId": "%s",
				  "category": "LATE",
				  "description": "Paket belum sampai, hubungi [nomor disembunyikan] ya",
				  "barcode": "16012345678",
				  "barcodeVerified": true,
				  "service": "PKH",
				  "originOffice": "KPRK BANDUNG",
				  "customerUsername": "%s",
				  "followerTier": "MACRO",
				  "priority": 2,
				  "createdAt": "%s",
				  "conversationId": "%s"
				}
				""".formatted(ticket.id(), username, ticket.createdAt(), complaint.conversationId()))
			.match(request.getBodyAsString())
			.isExactMatch()).as(request.getBodyAsString()).isTrue();
		ReportDelivery report = desk.find(ticket.id()).block().report();
		assertThat(report.attempts()).isEqualTo(1);
		assertThat(report.lastError()).isNull();
		assertThat(report.deliveredAt()).isAfterOrEqualTo(ticket.createdAt());
		assertThat(redis.opsForZSet().score(ComplaintKeys.OUTBOX, ticket.id()).blockOptional()).isEmpty();
		assertThat(redis.opsForHash().hasKey(ComplaintKeys.OUTBOX_CLAIMS, ticket.id()).block()).isFalse();
		assertThat(counter("balas.cch.reports.delivered")).isGreaterThan(deliveredBefore);
	}

	@Test
	void aReportIsRetriedWhileTheEndpointIsDownAndDeliveredOnceItIsBack() {
		double failedBefore = counter("balas.cch.reports.failed_attempts");
		String username = Complaints.uniqueUsername();
		StubMapping down = answer(username, 503, "");

		Ticket ticket = desk.open(Complaints.about(username)).block();

		await().atMost(Duration.ofSeconds(10)).until(() -> report(ticket).attempts() >= 4);
		ReportDelivery failing = report(ticket);
		assertThat(failing.status()).isEqualTo(ReportStatus.PENDING);
		assertThat(failing.lastError()).isEqualTo("HTTP 503");
		assertThat(counter("balas.cch.reports.failed_attempts")).isGreaterThanOrEqualTo(failedBefore + 4);
		assertThat(meters.get("balas.cch.reports.pending").gauge().value()).isGreaterThanOrEqualTo(1);

		sandboxServer.removeStub(down);

		awaitReport(ticket, ReportStatus.DELIVERED);
		await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2))
			.until(() -> acceptedRequestsFor(ticket) == 1);
		assertThat(requestsFor(ticket)).hasSize(report(ticket).attempts());
	}

	@Test
	void aReportRefusedAsInvalidIsMarkedFailedAndNeverSentAgain() {
		double rejectedBefore = counter("balas.cch.reports.rejected");
		String username = Complaints.uniqueUsername();
		answer(username, 400, "{\"error\":\"unknown office\"}");

		Ticket ticket = desk.open(Complaints.about(username)).block();

		awaitReport(ticket, ReportStatus.FAILED);
		assertThat(report(ticket).lastError()).isEqualTo("HTTP 400: {\"error\":\"unknown office\"}");
		assertThat(report(ticket).attempts()).isEqualTo(1);
		// several retry delays pass without another attempt
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> requestsFor(ticket).size() == 1);
		assertThat(redis.opsForZSet().score(ComplaintKeys.OUTBOX, ticket.id()).blockOptional()).isEmpty();
		assertThat(counter("balas.cch.reports.rejected")).isEqualTo(rejectedBefore + 1);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aRefusalThatEchoesTheReportIsLoggedWithoutTheCustomersNameOrPhone(CapturedOutput output) {
		String username = Complaints.uniqueUsername();
		answer(username, 422, "{\"error\":\"unknown office\",\"description\":\"paket atas nama Budi Santoso belum "
				+ "sampai, hp 0812-3456-7890\"}");

		Ticket ticket = desk.open(Complaints.about(username)).block();

		awaitReport(ticket, ReportStatus.FAILED);
		await().atMost(Duration.ofSeconds(5)).until(() -> output.getAll().contains(ticket.id() + " refused by CCH"));
		assertThat(report(ticket).lastError()).contains("unknown office", "atas nama •••", "hp ••••90");
		assertThat(output.getAll()).contains("atas nama •••").doesNotContain("Budi Santoso", "0812-3456-7890");
	}

	@ParameterizedTest
	@ValueSource(ints = { 408, 429, 500 })
	void timeoutsRateLimitsAndServerErrorsAreRetried(int status) {
		String username = Complaints.uniqueUsername();
		StubMapping failing = answer(username, status, "");

		Ticket ticket = desk.open(Complaints.about(username)).block();

		await().atMost(Duration.ofSeconds(10)).until(() -> report(ticket).attempts() >= 2);
		assertThat(report(ticket).status()).isEqualTo(ReportStatus.PENDING);
		assertThat(report(ticket).lastError()).isEqualTo("HTTP " + status);
		sandboxServer.removeStub(failing);
		awaitReport(ticket, ReportStatus.DELIVERED);
	}

	@Test
	void reportsWaitWithoutUsingAttemptsWhileTheCircuitBreakerIsOpen() {
		CircuitBreaker breaker = circuitBreakers.circuitBreaker("cch");
		breaker.transitionToForcedOpenState();
		Ticket ticket;
		try {
			ticket = desk.open(Complaints.about(Complaints.uniqueUsername())).block();

			await().atMost(Duration.ofSeconds(5))
				.until(() -> "circuit breaker cch open".equals(report(ticket).lastError()));
			assertThat(report(ticket).attempts()).isZero();
			assertThat(requestsFor(ticket)).isEmpty();
		}
		finally {
			breaker.transitionToClosedState();
		}

		awaitReport(ticket, ReportStatus.DELIVERED);
		assertThat(report(ticket).attempts()).isEqualTo(1);
	}

	@Test
	void workersSharingOneRedisNeverDeliverTheSameReportTwice() {
		String username = Complaints.uniqueUsername();
		// a slow endpoint keeps claims open long enough for the workers to contend
		sandboxServer.stubFor(post(urlPathEqualTo(REPORTS)).atPriority(1)
			.withRequestBody(matchingJsonPath("$.customerUsername", equalTo(username)))
			.willReturn(aResponse().withStatus(202).withFixedDelay(20)));
		// counted as they arrive: the sandbox's request journal is bounded
		Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
		sandboxServer.addMockServiceRequestListener((request, response) -> {
			if (request.getUrl().equals(REPORTS) && request.getBodyAsString().contains("\"" + username + "\"")) {
				deliveries.computeIfAbsent(request.getHeader(CchClient.IDEMPOTENCY_KEY), key -> new AtomicInteger())
					.incrementAndGet();
			}
		});
		SimpleMeterRegistry secondMeters = new SimpleMeterRegistry();
		SimpleMeterRegistry thirdMeters = new SimpleMeterRegistry();
		CchReportOutbox second = new CchReportOutbox(redis, desk, client, properties, secondMeters);
		CchReportOutbox third = new CchReportOutbox(redis, desk, client, properties, thirdMeters);
		second.start();
		third.start();
		try {
			List<Ticket> tickets = Flux.range(0, 300)
				.flatMap(i -> desk.open(Complaints.about(username)), 32)
				.collectList()
				.block(Duration.ofSeconds(30));

			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
				.until(() -> Flux.fromIterable(tickets)
					.flatMap(ticket -> desk.find(ticket.id()))
					.all(found -> found.report().status() == ReportStatus.DELIVERED)
					.block());
			await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2))
				.until(() -> deliveries.values().stream().mapToInt(AtomicInteger::get).sum() >= tickets.size());
			assertThat(deliveries).allSatisfy((ticketId, count) -> assertThat(count.get())
				.as("deliveries of %s", ticketId)
				.isEqualTo(1));
			assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(tickets.stream().map(Ticket::id).toList());
			assertThat(Flux.fromIterable(tickets).flatMap(ticket -> desk.find(ticket.id())).collectList().block())
				.allSatisfy(found -> assertThat(found.report().attempts()).isEqualTo(1));
			double deliveredByTheOthers = secondMeters.get("balas.cch.reports.delivered").counter().count()
					+ thirdMeters.get("balas.cch.reports.delivered").counter().count();
			assertThat(deliveredByTheOthers).as("reports delivered by the added workers").isPositive();
		}
		finally {
			second.stop();
			third.stop();
		}
	}

	@Test
	void aReportClaimedByAWorkerThatDiedIsDeliveredAfterTheLease() {
		Duration lease = Duration.ofSeconds(2);
		CchReportOutbox crashing = new CchReportOutbox(redis, desk, client,
				new CchProperties(null, properties.connectTimeout(), properties.requestTimeout(),
						properties.pollInterval(), lease, properties.batchSize(), properties.concurrency(),
						properties.firstRetryDelay(), properties.maxRetryDelay()),
				new SimpleMeterRegistry());
		// the application's own worker must not take the report first
		outbox.stop();
		Ticket ticket;
		try {
			ticket = desk.open(Complaints.about(Complaints.uniqueUsername())).block();
			// claimed, and then never delivered nor settled: the worker "died"
			assertThat(crashing.claim().block().ticketIds()).contains(ticket.id());
		}
		finally {
			outbox.start();
		}

		await().during(lease.dividedBy(2)).atMost(lease).until(() -> requestsFor(ticket).isEmpty());
		awaitReport(ticket, ReportStatus.DELIVERED);
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(1)).until(() -> requestsFor(ticket).size() == 1);
	}

	private StubMapping answer(String username, int status, String body) {
		return sandboxServer.stubFor(post(urlPathEqualTo(REPORTS)).atPriority(1)
			.withRequestBody(matchingJsonPath("$.customerUsername", equalTo(username)))
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
	}

	private void awaitReport(Ticket ticket, ReportStatus status) {
		await().atMost(Duration.ofSeconds(10)).until(() -> report(ticket).status() == status);
	}

	private ReportDelivery report(Ticket ticket) {
		return desk.find(ticket.id()).block().report();
	}

	private List<LoggedRequest> requestsFor(Ticket ticket) {
		return sandboxServer
			.findAll(postRequestedFor(urlPathEqualTo(REPORTS)).withHeader(CchClient.IDEMPOTENCY_KEY, equalTo(ticket.id())));
	}

	private long acceptedRequestsFor(Ticket ticket) {
		return sandboxServer.getAllServeEvents()
			.stream()
			.filter(event -> ticket.id().equals(event.getRequest().getHeader(CchClient.IDEMPOTENCY_KEY)))
			.filter(event -> event.getResponse().getStatus() / 100 == 2)
			.count();
	}

	private double counter(String name) {
		return meters.get(name).counter().count();
	}

}
