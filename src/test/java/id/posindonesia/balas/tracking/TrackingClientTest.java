package id.posindonesia.balas.tracking;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import id.posindonesia.balas.BalasIntegrationTest;
import id.posindonesia.balas.sandbox.Sandbox;
import id.posindonesia.balas.tracking.ShipmentStatus.Phase;
import id.posindonesia.balas.tracking.TrackingResult.Found;
import id.posindonesia.balas.tracking.TrackingResult.Unavailable;
import id.posindonesia.balas.tracking.TrackingResult.Unavailable.Reason;
import id.posindonesia.balas.tracking.TrackingResult.Unknown;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The tracking client against the WireMock sandbox, with answers stubbed per barcode of each test's own. */
@BalasIntegrationTest
class TrackingClientTest {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final String POSTING = "LAYANAN :PKH;PENGIRIM : BUDI SANTOSO;JL. ASIA AFRIKA NO. 1;081234567890;BANDUNG;;;"
			+ "PENERIMA : SITI RAHMAWATI;JL. MALIOBORO NO. 52;085712345678;YOGYAKARTA;55213";

	@Autowired
	private TrackingClient tracking;

	@Autowired
	private WireMockServer sandboxServer;

	@Autowired
	private ObjectProvider<Sandbox> sandbox;

	@Autowired
	private ObjectMapper json;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	private final List<StubMapping> stubs = new ArrayList<>();

	@Autowired
	private CircuitBreakerRegistry circuitBreakers;

	/**
	 * The failures stubbed here (and by other test classes sharing the application) would open the application's
	 * circuit breaker for the tests that follow.
	 */
	@BeforeEach
	@AfterEach
	void closeTheCircuit() {
		circuitBreakers.circuitBreaker(TrackingClient.BACKEND).reset();
	}

	@AfterEach
	void removeStubs() {
		stubs.forEach(sandboxServer::removeStub);
	}

	@Test
	void findsAShipmentWhoseEventsComeAsAnArray() {
		String barcode = barcode();
		stub(answering(barcode).willReturn(okJson(record(barcode, true))));

		Shipment shipment = found(tracking.track(barcode).block(WAIT));

		assertThat(shipment.barcode()).isEqualTo(barcode);
		assertThat(shipment.receiver().name()).isEqualTo("SITI RAHMAWATI");
		assertThat(shipment.status().phase()).isEqualTo(Phase.OUT_FOR_DELIVERY);
		assertThat(requests(barcode)).isEqualTo(1);
	}

	@Test
	void findsAShipmentWhoseOnlyEventComesAsAnObject() {
		String barcode = barcode();
		stub(answering(barcode).willReturn(okJson(record(barcode, false))));

		Shipment shipment = found(tracking.track(barcode).block(WAIT));

		assertThat(shipment.events()).hasSize(1);
		assertThat(shipment.sender().name()).isEqualTo("BUDI SANTOSO");
	}

	@Test
	void theSandboxRecordsAnswerAsDocumented() {
		assertThat(found(tracking.track("16012345678").block(WAIT)).status().phase()).isEqualTo(Phase.OUT_FOR_DELIVERY);
		assertThat(found(tracking.track("16020000011").block(WAIT)).status().deliveredTo()).isEqualTo("SRI LESTARI (ISTRI)");
		assertThat(found(tracking.track("rr 123456785 id").block(WAIT)).status().phase()).isEqualTo(Phase.IN_TRANSIT);
		assertThat(found(tracking.track("16030000022").block(WAIT)).events()).hasSize(1);
		assertThat(tracking.track("16099999999").block(WAIT)).isEqualTo(new Unknown("16099999999"));
	}

	@Test
	void anUnknownBarcodeIsUnknown() {
		String barcode = barcode();

		assertThat(tracking.track(barcode).block(WAIT)).isEqualTo(new Unknown(barcode));
	}

	@Test
	void barcodesAreAskedForCompactAndUpperCase() {
		String barcode = "rr-" + barcode() + " id";
		String asked = barcode.replaceAll("[\\s-]", "").toUpperCase();

		assertThat(tracking.track(barcode).block(WAIT)).isEqualTo(new Unknown(asked));
		assertThat(requests(asked)).isEqualTo(1);
	}

	@Test
	void whatCannotBeABarcodeIsUnknownWithoutACall() {
		int before = sandboxServer.findAll(postRequestedFor(urlPathEqualTo(TrackingClient.PATH))).size();

		assertThat(tracking.track(null).block(WAIT)).isEqualTo(new Unknown(""));
		assertThat(tracking.track("").block(WAIT)).isEqualTo(new Unknown(""));
		assertThat(tracking.track("resi?").block(WAIT)).isEqualTo(new Unknown("RESI?"));
		assertThat(sandboxServer.findAll(postRequestedFor(urlPathEqualTo(TrackingClient.PATH)))).hasSize(before);
	}

	@Test
	void aServerErrorIsRetriedOnce() {
		String barcode = barcode();
		String scenario = "flaky-" + barcode;
		stub(answering(barcode).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
		stub(answering(barcode).inScenario(scenario).whenScenarioStateIs("up").willReturn(okJson(record(barcode, true))));

		assertThat(tracking.track(barcode).block(WAIT)).isInstanceOf(Found.class);
		assertThat(requests(barcode)).isEqualTo(2);
	}

	@Test
	void anApiThatKeepsFailingIsUnavailableAndNotCached() {
		String barcode = barcode();
		StubMapping failing = sandboxServer.stubFor(answering(barcode).willReturn(aResponse().withStatus(500)));

		assertThat(tracking.track(barcode).block(WAIT)).isEqualTo(new Unavailable(Reason.DOWN));
		assertThat(requests(barcode)).isEqualTo(2);

		sandboxServer.removeStub(failing);
		stub(answering(barcode).willReturn(okJson(record(barcode, true))));
		assertThat(tracking.track(barcode).block(WAIT)).isInstanceOf(Found.class);
	}

	@Test
	void theSandboxBarcodeOfAFailingApiIsUnavailable() {
		assertThat(tracking.track("16050000500").block(WAIT)).isEqualTo(new Unavailable(Reason.DOWN));
	}

	@Test
	void aRefusalIsNotRetried() {
		String barcode = barcode();
		stub(answering(barcode).willReturn(aResponse().withStatus(401).withBody("{\"message\":\"invalid token\"}")));

		assertThat(patient().track(barcode).block(WAIT)).isEqualTo(new Unavailable(Reason.REFUSED));
		assertThat(requests(barcode)).isEqualTo(1);
	}

	@Test
	void anUnreadableAnswerIsMalformedAndNotRetried() {
		String barcode = barcode();
		String other = barcode();
		stub(answering(barcode).willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));
		stub(answering(other).willReturn(aResponse().withStatus(200)));

		assertThat(patient().track(barcode).block(WAIT)).isEqualTo(new Unavailable(Reason.MALFORMED));
		assertThat(patient().track(other).block(WAIT)).isEqualTo(new Unavailable(Reason.MALFORMED));
		assertThat(requests(barcode)).isEqualTo(1);
	}

	@Test
	void anUnreachableApiIsDown() {
		TrackingClient unreachable = client(URI.create("http://127.0.0.1:9"), "", Duration.ofSeconds(1),
				Duration.ofSeconds(3), 2, CircuitBreakerConfig.ofDefaults());

		assertThat(unreachable.track(barcode()).block(WAIT)).isEqualTo(new Unavailable(Reason.DOWN));
	}

	@Test
	void aSlowApiIsUnavailableOnceAnAttemptTimesOut() {
		TrackingClient impatient = client(null, "", Duration.ofMillis(300), Duration.ofSeconds(5), 1,
				CircuitBreakerConfig.ofDefaults());

		long start = System.nanoTime();
		TrackingResult result = impatient.track("16060000010").block(WAIT);

		assertThat(result).isEqualTo(new Unavailable(Reason.SLOW));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void theDeadlineBoundsTheRetriesOfASlowApi() {
		String barcode = barcode();
		stub(answering(barcode).willReturn(okJson(record(barcode, true)).withFixedDelay(3000)));
		TrackingClient impatient = client(null, "", Duration.ofMillis(300), Duration.ofMillis(500), 5,
				CircuitBreakerConfig.ofDefaults());

		long start = System.nanoTime();
		TrackingResult result = impatient.track(barcode).block(WAIT);

		assertThat(result).isEqualTo(new Unavailable(Reason.SLOW));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1200));
	}

	@Test
	void theCircuitOpensAfterRepeatedFailuresAndThenNoCallIsMade() {
		String failing = barcode();
		String healthy = barcode();
		stub(answering(failing).willReturn(aResponse().withStatus(500)));
		stub(answering(healthy).willReturn(okJson(record(healthy, true))));
		TrackingClient guarded = client(null, "", Duration.ofSeconds(2), Duration.ofSeconds(5), 1,
				CircuitBreakerConfig.custom().slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50)
					.waitDurationInOpenState(Duration.ofMinutes(1)).build());

		for (int i = 0; i < 4; i++) {
			assertThat(guarded.track(failing).block(WAIT)).isEqualTo(new Unavailable(Reason.DOWN));
		}

		assertThat(guarded.track(failing).block(WAIT)).isEqualTo(new Unavailable(Reason.CIRCUIT_OPEN));
		assertThat(guarded.track(healthy).block(WAIT)).isEqualTo(new Unavailable(Reason.CIRCUIT_OPEN));
		assertThat(requests(failing)).isEqualTo(4);
		assertThat(requests(healthy)).isZero();
	}

	@Test
	void aFoundShipmentIsCachedForAFewMinutes() {
		String barcode = barcode();
		stub(answering(barcode).willReturn(okJson(record(barcode, true))));

		Shipment first = found(tracking.track(barcode).block(WAIT));
		Shipment second = found(tracking.track(barcode).block(WAIT));

		assertThat(second).isEqualTo(first);
		assertThat(requests(barcode)).isEqualTo(1);
		assertThat(redis.opsForValue().get("balas:tracking:" + barcode).block(WAIT)).contains("\"" + barcode + "\"");
		assertThat(redis.getExpire("balas:tracking:" + barcode).block(WAIT))
			.isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5));
	}

	@Test
	void anUnknownBarcodeIsCachedForLessTime() {
		String barcode = barcode();

		assertThat(tracking.track(barcode).block(WAIT)).isEqualTo(new Unknown(barcode));
		assertThat(tracking.track(barcode).block(WAIT)).isEqualTo(new Unknown(barcode));

		assertThat(requests(barcode)).isEqualTo(1);
		assertThat(redis.getExpire("balas:tracking:" + barcode).block(WAIT))
			.isBetween(Duration.ofSeconds(1), Duration.ofMinutes(1));
	}

	@Test
	void anUnreadableCacheEntryIsIgnored() {
		String barcode = barcode();
		stub(answering(barcode).willReturn(okJson(record(barcode, true))));
		redis.opsForValue().set("balas:tracking:" + barcode, "{\"barcode\": [", Duration.ofMinutes(1)).block(WAIT);

		assertThat(tracking.track(barcode).block(WAIT)).isInstanceOf(Found.class);
		assertThat(requests(barcode)).isEqualTo(1);
	}

	@Test
	void theTokenIsSentAsABearerTokenAndNoHeaderWithoutOne() {
		String withToken = barcode();
		String withoutToken = barcode();
		TrackingClient authorised = client(null, " sandbox-tracking-token ", Duration.ofSeconds(2), Duration.ofSeconds(5), 2,
				CircuitBreakerConfig.ofDefaults());

		authorised.track(withToken).block(WAIT);
		tracking.track(withoutToken).block(WAIT);

		assertThat(sandboxServer.findAll(requestsFor(withToken).withHeader("Authorization",
				equalTo("Bearer sandbox-tracking-token")))).hasSize(1);
		assertThat(sandboxServer.findAll(requestsFor(withoutToken).withoutHeader("Authorization"))).hasSize(1);
	}

	/** Hundreds of lookups at once: each gets its own record, and then the cache answers them all. */
	@Test
	void concurrentLookupsOfManyBarcodesEachGetTheirOwnRecord() {
		String prefix = "96" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
		stub(post(urlPathEqualTo(TrackingClient.PATH)).atPriority(0)
			.withRequestBody(matchingJsonPath("$.resi", matching(prefix + "\\d{4}")))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"rs_tnt\": {\"r_tnt\": {\"eventName\": \"POSTING LOKET\", \"eventDate\": \"2026-11-20 09:14:02\","
						+ " \"description\": \"LAYANAN :PKH;PENGIRIM : {{jsonPath request.body '$.resi'}}\"}}}")
				.withTransformers("response-template")));
		List<String> barcodes = IntStream.range(0, 300).mapToObj(i -> prefix + String.format("%04d", i)).toList();

		RequestPatternBuilder asked = postRequestedFor(urlPathEqualTo(TrackingClient.PATH))
			.withRequestBody(matchingJsonPath("$.resi", matching(prefix + "\\d{4}")));

		int[] calls = new int[2];
		for (int pass = 0; pass < 2; pass++) {
			List<TrackingResult> results = Flux.fromIterable(barcodes)
				.flatMapSequential(tracking::track, 64)
				.collectList()
				.block(Duration.ofSeconds(60));
			assertThat(results).hasSize(barcodes.size());
			for (int i = 0; i < barcodes.size(); i++) {
				assertThat(found(results.get(i)).sender().name()).isEqualTo(barcodes.get(i));
			}
			calls[pass] = sandboxServer.findAll(asked).size();
		}
		// on a busy machine a few attempts time out and are retried; the second pass is the cache's alone
		assertThat(calls[0]).isBetween(barcodes.size(), barcodes.size() * 2);
		assertThat(calls[1]).isEqualTo(calls[0]);
	}

	/**
	 * Three attempts, and time enough that a first call of a cold, busy JVM (seconds of class loading) is no
	 * timeout: the requests counted are the retries' alone.
	 */
	private TrackingClient patient() {
		return client(null, "", Duration.ofSeconds(10), Duration.ofSeconds(12), 3, CircuitBreakerConfig.ofDefaults());
	}

	private TrackingClient client(URI apiUrl, String token, Duration timeout, Duration deadline, int attempts,
			CircuitBreakerConfig circuitBreaker) {
		return new TrackingClient(new TrackingProperties(apiUrl, token, timeout, deadline, Duration.ofMinutes(5),
				Duration.ofMinutes(1)), sandbox, json, redis, CircuitBreakerRegistry.of(circuitBreaker),
				RetryRegistry.of(RetryConfig.custom().maxAttempts(attempts).waitDuration(Duration.ofMillis(10))
					.retryOnException(new TransientTrackingFailure()).build()));
	}

	private static Shipment found(TrackingResult result) {
		assertThat(result).isInstanceOf(Found.class);
		return ((Found) result).shipment();
	}

	private static MappingBuilder answering(String barcode) {
		return post(urlPathEqualTo(TrackingClient.PATH)).atPriority(0)
			.withRequestBody(matchingJsonPath("$.resi", equalTo(barcode)));
	}

	private static RequestPatternBuilder requestsFor(String barcode) {
		return postRequestedFor(urlPathEqualTo(TrackingClient.PATH)).withRequestBody(matchingJsonPath("$.resi", equalTo(barcode)));
	}

	private int requests(String barcode) {
		return sandboxServer.findAll(requestsFor(barcode)).size();
	}

	private void stub(MappingBuilder mapping) {
		stubs.add(sandboxServer.stubFor(mapping));
	}

	private String record(String barcode, boolean asArray) {
		String posting = json.writeValueAsString(Map.of("barcode", barcode, "eventDate", "2026-11-20 09:14:02",
				"eventName", "POSTING LOKET", "officeCode", "40000", "officeName", "KPRK BANDUNG", "description", POSTING));
		if (!asArray) {
			return "{\"rs_tnt\": {\"r_tnt\": " + posting + "}}";
		}
		String delivery = json.writeValueAsString(Map.of("barcode", barcode, "eventDate", "2026-11-23 08:30:00",
				"eventName", "PROSES ANTAR", "officeCode", "55213", "officeName", "KPC MALIOBORO", "description", "Dibawa"));
		return "{\"rs_tnt\": {\"r_tnt\": [" + posting + ", " + delivery + "]}}";
	}

	private static String barcode() {
		return "97" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
	}

}
