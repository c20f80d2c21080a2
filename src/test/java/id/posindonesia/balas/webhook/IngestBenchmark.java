package id.posindonesia.balas.webhook;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.buffer.Unpooled;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

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
 * Measures signed webhook ingest (signature, parsing, atomic recording in the embedded Redis) next to a bare WebFlux
 * endpoint that reads the same body and answers 200, in one run of one application. Every request carries one event
 * with a message id of its own, so nothing is deduplicated. Event processing is paused: the figures are the ingest
 * path alone.
 *
 * <p>Throughput comes from {@code wrk} (a separate, efficient process, 2 threads, 32 connections), latency from an
 * open-loop generator at a fixed rate that counts from each request's scheduled time. Run:
 * {@code apt-get install -y wrk && mvn -q -P ingest-benchmark test-compile exec:exec}; the report goes to
 * {@code target/benchmarks/ingest.md}. Load generators and server share this machine's cores. The embedded Redis
 * forces its append-only file to disk once a second; {@code BALAS_EMBEDDED_REDIS_APPEND_FSYNC=always} in the
 * environment measures it forcing every write.
 */
public final class IngestBenchmark {

	private static final int WRK_CONNECTIONS = 32;

	private static final Duration RUN = Duration.ofSeconds(15);

	// the JIT needs about half a minute of this load before the figures settle
	private static final Duration WARMUP = Duration.ofSeconds(40);

	private static final int BODIES = 1_000_000;

	private static final int FIXED_RATE = 2_000;

	private static final String WEBHOOK_PATH = "/webhooks/instagram";

	private static final String BARE_PATH = "/webhooks/bench-bare";

	private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([\\d.]+)");

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

	private final String baseUrl;

	private final Path work;

	private final String appendFsync;

	private IngestBenchmark(String baseUrl, Path work, String appendFsync) {
		this.baseUrl = baseUrl;
		this.work = work;
		this.appendFsync = appendFsync;
	}

	public static void main(String[] args) throws Exception {
		Path report = Path.of(args.length > 0 ? args[0] : "target/benchmarks/ingest.md").toAbsolutePath();
		Path work = Files.createDirectories(report.getParent());
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BalasApplication.class,
				BareEndpoint.class)
			// arguments, not default properties: application.yml's own values win over defaults
			.run("--server.port=0", "--logging.level.root=WARN",
					"--balas.embedded-redis.data-dir=target/bench-redis/" + UUID.randomUUID())) {
			context.getBean("eventStreamWorker", Lifecycle.class).stop();
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			IngestBenchmark benchmark = new IngestBenchmark("http://127.0.0.1:" + port, work,
					context.getEnvironment().getProperty("balas.embedded-redis.append-fsync", "everysec"));
			List<String> lines = benchmark.run();
			Files.write(report, lines);
			lines.forEach(System.out::println);
		}
	}

	private List<String> run() throws IOException, InterruptedException {
		System.out.println("Signing " + BODIES + " bodies…");
		Path bodies = writeSignedBodies("wrk", BODIES);
		Path script = work.resolve("signed-bodies.lua");
		try (InputStream in = IngestBenchmark.class.getResourceAsStream("/benchmark/signed-bodies.lua")) {
			Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
		}
		String latencyRun = "rate-" + UUID.randomUUID().toString().substring(0, 8);
		AtomicInteger nextLatencyBody = new AtomicInteger();

		Throughput webhook = wrk(script, bodies, WEBHOOK_PATH);
		Histogram webhookLatency = fixedRate(WEBHOOK_PATH, latencyRun, nextLatencyBody);
		Throughput bare = wrk(script, bodies, BARE_PATH);
		Histogram bareLatency = fixedRate(BARE_PATH, latencyRun, nextLatencyBody);

		List<String> lines = new ArrayList<>();
		lines.add("# Webhook ingest benchmark");
		lines.add("");
		lines.add("Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
				+ System.getProperty("java.version") + ", embedded Redis with appendfsync " + appendFsync
				+ ". One event per request, each with its own message id; "
				+ "processing paused. Throughput: wrk, 2 threads, " + WRK_CONNECTIONS + " connections, " + RUN.toSeconds()
				+ " s after a " + WARMUP.toSeconds() + " s warm-up. Latency: open loop at " + FIXED_RATE + " requests/s for "
				+ RUN.toSeconds() + " s, from each request's scheduled time.");
		lines.add("");
		lines.add("| endpoint | throughput (req/s) | non-2xx | p50 at " + FIXED_RATE + "/s (ms) | p99 at " + FIXED_RATE
				+ "/s (ms) | max (ms) |");
		lines.add("|---|---|---|---|---|---|");
		lines.add(row("POST " + WEBHOOK_PATH + " (signed, recorded)", webhook, webhookLatency));
		lines.add(row("bare WebFlux 200", bare, bareLatency));
		lines.add("");
		lines.add(String.format(Locale.ROOT, "Throughput ratio webhook / bare: %.2f", webhook.perSecond / bare.perSecond));
		return lines;
	}

	/** A warm-up run, then the measured one, each on bodies not sent before. */
	private Throughput wrk(Path script, Path bodies, String path) throws IOException, InterruptedException {
		System.out.println("wrk on " + path);
		runWrk(script, bodies, path, 0, WARMUP);
		return runWrk(script, bodies, path, BODIES / 2, RUN);
	}

	private Throughput runWrk(Path script, Path bodies, String path, int offset, Duration duration)
			throws IOException, InterruptedException {
		Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + WRK_CONNECTIONS, "-d" + duration.toSeconds() + "s", "-s",
				script.toString(), baseUrl, "--", bodies.toString(), path, Integer.toString(offset))
			.redirectErrorStream(true)
			.start();
		String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (wrk.waitFor() != 0) {
			throw new IllegalStateException("wrk failed:\n" + output);
		}
		Matcher perSecond = REQUESTS_PER_SECOND.matcher(output);
		if (!perSecond.find()) {
			throw new IllegalStateException("No throughput in wrk's output:\n" + output);
		}
		Matcher failed = NON_2XX.matcher(output);
		return new Throughput(Double.parseDouble(perSecond.group(1)), failed.find() ? Long.parseLong(failed.group(1)) : 0);
	}

	/** A warm-up run of the generator itself, then the measured one. */
	private Histogram fixedRate(String path, String run, AtomicInteger next) {
		System.out.println("Latency of " + path + " at " + FIXED_RATE + "/s");
		HttpClient http = HttpClient.create().baseUrl(baseUrl);
		runAtFixedRate(http, path, run, next);
		return runAtFixedRate(http, path, run, next);
	}

	private Histogram runAtFixedRate(HttpClient http, String path, String run, AtomicInteger next) {
		Recorder recorder = new Recorder(3);
		AtomicLong failed = new AtomicLong();
		long periodNanos = 1_000_000_000L / FIXED_RATE;
		long start = System.nanoTime();
		Flux.interval(Duration.ofNanos(periodNanos))
			.onBackpressureBuffer()
			.take(RUN.toSeconds() * FIXED_RATE)
			.flatMap(i -> {
				long scheduled = start + i * periodNanos;
				Request request = signedBody(run, next.getAndIncrement());
				return http.headers(headers -> headers.set("Content-Type", "application/json")
					.set("X-Hub-Signature-256", request.signature))
					.post()
					.uri(path)
					.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(request.body)))
					.responseSingle((response, content) -> content.then(Mono.just(response.status().code())))
					.doOnNext(status -> {
						recorder.recordValue((System.nanoTime() - scheduled) / 1_000);
						if (status != 200) {
							failed.incrementAndGet();
						}
					});
			}, 256)
			.blockLast();
		if (failed.get() > 0) {
			throw new IllegalStateException(failed.get() + " requests to " + path + " failed");
		}
		return recorder.getIntervalHistogram();
	}

	/** Written as they are signed, so that the benchmark's own heap stays small next to the application's. */
	private Path writeSignedBodies(String prefix, int count) throws IOException {
		Path file = work.resolve("signed-bodies.txt");
		String run = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			for (int i = 0; i < count; i++) {
				Request request = signedBody(run, i);
				out.write(request.signature.substring("sha256=".length()));
				out.write(' ');
				out.write(new String(request.body, StandardCharsets.UTF_8));
				out.newLine();
			}
		}
		return file;
	}

	/** The {@code i}-th body of a run: a text DM from one of 5,000 customers, with a message id of its own. */
	private static Request signedBody(String run, int i) {
		byte[] body = MetaWebhooks.textMessage("17841400000000001", Long.toString(6_100_000_000_000_000L + i % 5_000),
				run + "-" + i, System.currentTimeMillis(), "min paket saya udah sampai mana ya? resi 16012345678");
		return new Request(body, MetaWebhooks.signature(body));
	}

	private static String row(String name, Throughput throughput, Histogram latency) {
		return String.format(Locale.ROOT, "| %s | %.0f | %d | %.2f | %.2f | %.2f |", name, throughput.perSecond,
				throughput.failed, latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
				latency.getMaxValue() / 1000.0);
	}

	private record Request(byte[] body, String signature) {
	}

	private record Throughput(double perSecond, long failed) {
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
