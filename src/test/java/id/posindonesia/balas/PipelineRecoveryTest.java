package id.posindonesia.balas;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.posindonesia.balas.sandbox.Sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance dies holding 500 conversations' events, unacknowledged. The survivor must take all of them over and
 * answer each customer exactly once, while its health check and webhook keep answering promptly: claiming a backlog
 * must not starve the Redis connection that the request path shares.
 */
@BalasIntegrationTest
class PipelineRecoveryTest {

	private static final String ACCOUNT = "17841400000000005";

	private static final int CUSTOMERS = 500;

	@Autowired
	private WebTestClient client;

	@Autowired
	private Sandbox sandbox;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@Autowired
	private List<SmartLifecycle> lifecycles;

	private final List<StubMapping> stubs = new ArrayList<>();

	@AfterEach
	void restore() {
		stubs.forEach(sandbox.server()::removeStub);
		worker().start();
	}

	@Test
	void aSurvivorAnswersEveryEventADeadInstanceHeldOnceWhileStayingResponsive() {
		// a Graph API that takes its time, so that the takeover overlaps the probes below
		stubs.add(sandbox.server().stubFor(post(urlPathMatching("/v[0-9.]+/me/messages")).atPriority(0)
			.withRequestBody(matching(".*65000000.*"))
			.willReturn(aResponse().withStatus(200).withFixedDelay(150)
				.withBody("{\"recipient_id\":\"x\",\"message_id\":\"m\"}"))));
		worker().stop();
		long now = System.currentTimeMillis();
		List<String> customers = IntStream.range(0, CUSTOMERS).mapToObj(n -> "65000000" + (now % 100_000_000) + n).toList();
		// long texts, as customers paste: the claims' replies from Redis then span many reads of the connection
		String longText = "halo min, paket saya belum sampai. ".repeat(1_000);
		customers.forEach(customer -> deliver(MetaWebhooks.textMessage(ACCOUNT, customer, "mid-" + customer, now, longText)));
		// the instance that read them dies without acknowledging any
		redis.opsForStream()
			.read(Consumer.from("balas", "killed-instance"), StreamReadOptions.empty().count(100_000),
					StreamOffset.create("balas:{inbox}:events", ReadOffset.lastConsumed()))
			.collectList()
			.block();

		long started = System.nanoTime();
		worker().start();
		AtomicLong slowestProbe = new AtomicLong();
		AtomicLong probeInFlightSince = new AtomicLong();
		// a thread of its own: a probe blocked on a shared pool could hold up the server's work queued behind it
		Scheduler probeThread = Schedulers.newBoundedElastic(1, Integer.MAX_VALUE, "probe");
		Disposable probes = Flux.interval(Duration.ofMillis(100))
			.onBackpressureDrop()
			.concatMap(tick -> Mono.fromRunnable(() -> {
				long probe = System.nanoTime();
				probeInFlightSince.set(probe);
				client.get().uri("/actuator/health").exchange().expectStatus().isOk();
				deliver(MetaWebhooks.textMessage(ACCOUNT, "probe-" + tick, "probe-" + now + "-" + tick,
						System.currentTimeMillis(), "tes"));
				probeInFlightSince.set(0);
				slowestProbe.accumulateAndGet(System.nanoTime() - probe, Math::max);
			}).subscribeOn(probeThread))
			.subscribe();
		try {
			await().atMost(Duration.ofSeconds(61)).pollInterval(Duration.ofMillis(500))
				.until(() -> answered(customers) == CUSTOMERS);
		}
		finally {
			// a probe that never came back counts for as long as it has been waiting
			long stuckSince = probeInFlightSince.get();
			if (stuckSince != 0) {
				slowestProbe.accumulateAndGet(System.nanoTime() - stuckSince, Math::max);
			}
			probes.dispose();
			probeThread.dispose();
		}
		assertThat(slowestProbe.get()).as("probes ran").isPositive();

		Duration recovery = Duration.ofNanos(System.nanoTime() - started);
		System.out.printf("Recovery of %d events: %d ms; slowest health + webhook probe: %d ms%n", CUSTOMERS,
				recovery.toMillis(), Duration.ofNanos(slowestProbe.get()).toMillis());
		assertThat(Duration.ofNanos(slowestProbe.get())).isLessThan(Duration.ofSeconds(1));
		// every customer got the same answer (the notice that the text was cut, then the reply), each message once
		Map<String, List<String>> texts = SentMessages.textsByRecipient(sandbox.server());
		List<String> first = texts.get(customers.get(0));
		assertThat(first).hasSize(2).doesNotHaveDuplicates();
		customers.forEach(customer -> assertThat(texts.get(customer)).as(customer).isEqualTo(first));
	}

	/** Customers who got the whole answer: the notice that the text was cut, and the reply after it. */
	private long answered(List<String> customers) {
		Map<String, List<String>> texts = SentMessages.textsByRecipient(sandbox.server());
		return customers.stream().filter(customer -> texts.getOrDefault(customer, List.of()).size() >= 2).count();
	}

	private SmartLifecycle worker() {
		return lifecycles.stream()
			.filter(lifecycle -> lifecycle.getClass().getSimpleName().equals("EventStreamWorker"))
			.findFirst()
			.orElseThrow();
	}

	private void deliver(byte[] body) {
		MetaWebhooks.deliver(client, body);
	}

}
