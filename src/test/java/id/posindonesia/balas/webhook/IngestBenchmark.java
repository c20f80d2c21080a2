package id.posindonesia.balas.webhook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.Unpooled;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import id.posindonesia.balas.BalasApplication;
import id.posindonesia.balas.MetaWebhooks;

/**
 * Measures signed webhook ingest (signature, parsing, atomic recording in the embedded Redis) against a bare WebFlux
 * endpoint that reads the same body and answers 200, in the same JVM and run. Each request carries one event with a
 * message id of its own. Event processing is paused, so the figures are the ingest path alone.
 *
 * <p>Run: {@code mvn -q -P ingest-benchmark test-compile exec:exec}; the report goes to
 * {@code target/benchmarks/ingest.md}. Load generator and server share this machine's cores.
 */
public final class IngestBenchmark {

	private static final int CONNECTIONS = 64;

	private static final Duration WARMUP = Duration.ofSeconds(10);

	private static final Duration MEASURE = Duration.ofSeconds(15);

	private static final int FIXED_RATE = 2_000;

	private static final String BARE_PATH = "/webhooks/bench-bare";

	private final HttpClient http;

	private final AtomicInteger next = new AtomicInteger();

	private final List<Request> bodies;

	private IngestBenchmark(int port, List<Request> bodies) {
		this.bodies = bodies;
		this.http = HttpClient.create(ConnectionProvider.builder("bench").maxConnections(CONNECTIONS)
			.pendingAcquireMaxCount(-1).build()).baseUrl("http://127.0.0.1:" + port);
	}

	public static void main(String[] args) throws IOException {
		Path report = Path.of(args.length > 0 ? args[0] : "target/benchmarks/ingest.md");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BalasApplication.class,
				BareEndpoint.class)
			.properties("server.port=0", "logging.level.root=WARN",
					"balas.embedded-redis.data-dir=target/bench-redis/" + UUID.randomUUID())
			.run()) {
			context.getBean("eventStreamWorker", Lifecycle.class).stop();
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			System.out.println("Preparing signed bodies…");
			IngestBenchmark benchmark = new IngestBenchmark(port, signedBodies(600_000));
			List<String> lines = new ArrayList<>();
			lines.add("# Webhook ingest benchmark");
			lines.add("");
			lines.add("Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
					+ System.getProperty("java.version") + "; load generator in the same JVM; " + CONNECTIONS
					+ " connections; one event per request; processing paused.");
			lines.add("");
			lines.add("| endpoint | throughput (req/s) | p50 ack at " + FIXED_RATE + "/s (ms) | p99 ack at " + FIXED_RATE
					+ "/s (ms) | max (ms) | non-200 |");
			lines.add("|---|---|---|---|---|---|");
			Result webhook = benchmark.measure("/webhooks/instagram");
			Result bare = benchmark.measure(BARE_PATH);
			lines.add(bare.row("bare WebFlux 200"));
			lines.add(webhook.row("POST /webhooks/instagram"));
			lines.add("");
			lines.add(String.format(Locale.ROOT, "Ratio webhook/bare throughput: %.2f", webhook.throughput / bare.throughput));
			Files.createDirectories(report.toAbsolutePath().getParent());
			Files.write(report, lines);
			lines.forEach(System.out::println);
		}
	}

	private Result measure(String path) {
		System.out.println("Warming up " + path);
		closedLoop(path, WARMUP);
		System.out.println("Measuring throughput of " + path);
		long[] counts = closedLoop(path, MEASURE);
		System.out.println("Measuring latency of " + path + " at " + FIXED_RATE + "/s");
		Histogram latency = fixedRate(path, MEASURE);
		return new Result(counts[0] / (double) MEASURE.toSeconds(), latency, counts[1]);
	}

	/** As many requests as {@link #CONNECTIONS} connections carry; returns {ok, failed}. */
	private long[] closedLoop(String path, Duration duration) {
		AtomicLong ok = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		long end = System.nanoTime() + duration.toNanos();
		Flux.range(0, Integer.MAX_VALUE)
			.takeWhile(i -> System.nanoTime() < end)
			.flatMap(i -> send(path).doOnNext(status -> (status == 200 ? ok : failed).incrementAndGet()), CONNECTIONS)
			.blockLast();
		return new long[] { ok.get(), failed.get() };
	}

	/** Requests at a fixed rate; latency counts from each request's scheduled time, so stalls are not hidden. */
	private Histogram fixedRate(String path, Duration duration) {
		Recorder recorder = new Recorder(3);
		long periodNanos = 1_000_000_000L / FIXED_RATE;
		long start = System.nanoTime();
		long total = duration.toSeconds() * FIXED_RATE;
		Flux.interval(Duration.ofNanos(periodNanos))
			.onBackpressureBuffer()
			.take(total)
			.flatMap(i -> {
				long scheduled = start + i * periodNanos;
				return send(path).doOnNext(status -> recorder.recordValue((System.nanoTime() - scheduled) / 1_000));
			}, 4 * CONNECTIONS)
			.blockLast();
		return recorder.getIntervalHistogram();
	}

	private Mono<Integer> send(String path) {
		Request request = bodies.get(Math.floorMod(next.getAndIncrement(), bodies.size()));
		return http.headers(headers -> headers.set("Content-Type", "application/json")
			.set("X-Hub-Signature-256", request.signature))
			.post()
			.uri(path)
			.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(request.body)))
			.responseSingle((response, content) -> content.then(Mono.just(response.status().code())))
			.onErrorResume(ex -> Mono.just(-1));
	}

	private static List<Request> signedBodies(int count) {
		List<Request> bodies = new ArrayList<>(count);
		long now = System.currentTimeMillis();
		String run = UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < count; i++) {
			byte[] body = MetaWebhooks.textMessage("17841400000000001", Long.toString(6_100_000_000_000_000L + i % 5_000),
					"bench-" + run + "-" + i, now + i, "min paket saya udah sampai mana ya? resi 16012345678");
			bodies.add(new Request(body, MetaWebhooks.signature(body)));
		}
		return bodies;
	}

	private record Request(byte[] body, String signature) {
	}

	private record Result(double throughput, Histogram latency, long failed) {

		String row(String name) {
			return String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.2f | %d |", name, throughput,
					latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
					latency.getMaxValue() / 1000.0, failed);
		}

	}

	/** The baseline: WebFlux reading the body and answering 200, with nothing else in between. */
	@Configuration(proxyBeanMethods = false)
	static class BareEndpoint {

		@Bean
		RouterFunction<ServerResponse> bareWebhook() {
			return RouterFunctions.route()
				.POST(BARE_PATH, request -> request.bodyToMono(byte[].class).then(ServerResponse.ok().bodyValue("OK")))
				.build();
		}

	}

}
