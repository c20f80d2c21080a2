package id.posindonesia.balas.handoff;

import java.lang.management.ManagementFactory;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import org.HdrHistogram.Histogram;
import reactor.core.Disposable;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import id.posindonesia.balas.BalasApplication;
import id.posindonesia.balas.MetaWebhooks;
import id.posindonesia.balas.console.ConsoleSession;
import id.posindonesia.balas.sandbox.Sandbox;

/**
 * Measures the handoff targets on the whole application with its embedded defaults: how long a customer's request for
 * a person takes to reach an agent's queue view (signed webhook POST → the {@code handoff} event on the agent's
 * {@code /api/events} stream), and how long an agent's message takes to reach the Send API (the start of
 * {@code POST /api/conversations/{id}/messages} → the sandbox Graph API receiving it, stamped by a WireMock request
 * listener). Customers ask at {@code RATE} per second, open loop; the agent, logged in through the console's form,
 * answers one after the other, as people do.
 * Run: {@code mvn -q -P handoff-benchmark test-compile exec:exec}; the report goes to
 * {@code target/benchmarks/handoff.md}. Client, application, Redis and sandbox share this machine's cores.
 */
public final class HandoffBenchmark {

	private static final int HANDOFFS = Integer.getInteger("handoff-benchmark.handoffs", 200);

	private static final int RATE = 5;

	private static final int WARMUP = 30;

	private static final long QUEUE_TARGET_MILLIS = 1_000;

	private static final long MESSAGE_TARGET_MILLIS = 200;

	private static final String ACCOUNT = "17841400000000020";

	private static final String PASSWORD = "benchmark-admin-password";

	private static final Pattern RECIPIENT = Pattern.compile("recipient=\\{\"id\":\"(\\d+)\"}");

	private final WebClient api;

	private final Map<String, Long> queuedSeenAt = new ConcurrentHashMap<>();

	private final Map<String, Long> agentTextAt = new ConcurrentHashMap<>();

	/** Calls the API as the console does: with the session of a form login and its CSRF token, no password each time. */
	private HandoffBenchmark(String baseUrl) {
		ConsoleSession session = ConsoleSession.login(
				WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(30)).build(), "admin",
				PASSWORD);
		this.api = WebClient.builder()
			.baseUrl(baseUrl)
			.defaultCookie("SESSION", session.cookie())
			.defaultHeader("X-CSRF-TOKEN", session.csrfToken())
			.build();
	}

	public static void main(String[] args) throws Exception {
		Path report = Path.of(args.length > 0 ? args[0] : "target/benchmarks/handoff.md").toAbsolutePath();
		Files.createDirectories(report.getParent());
		String data = "target/bench-redis/" + UUID.randomUUID();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BalasApplication.class)
			.run("--server.port=0", "--logging.level.root=WARN", "--balas.embedded-redis.data-dir=" + data,
					"--balas.agents.admin-password=" + PASSWORD,
					"--balas.agents.admin-password-file=" + data + "/admin-password")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			HandoffBenchmark benchmark = new HandoffBenchmark("http://127.0.0.1:" + port);
			context.getBean(Sandbox.class).server().addMockServiceRequestListener(benchmark::onSandboxRequest);
			List<String> lines = benchmark.run();
			Files.write(report, lines);
			lines.forEach(System.out::println);
		}
	}

	private List<String> run() throws InterruptedException {
		Disposable events = api.get()
			.uri("/api/events")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.subscribe(this::onEvent);
		try {
			System.out.println("Warm-up: " + WARMUP + " handoffs");
			measure(customers(6_810_000_000_000_000L, WARMUP));
			System.out.println("Run: " + HANDOFFS + " handoffs at " + RATE + "/s, then an agent message to each");
			double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
			Result result = measure(customers(6_820_000_000_000_000L, HANDOFFS));
			double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
			return result.report(loadBefore, loadAfter);
		}
		finally {
			events.dispose();
		}
	}

	private Result measure(List<String> customers) throws InterruptedException {
		Map<String, Long> askedAt = new ConcurrentHashMap<>();
		long start = System.nanoTime();
		for (int i = 0; i < customers.size(); i++) {
			long due = start + i * 1_000_000_000L / RATE;
			Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
			String customer = customers.get(i);
			long at = System.currentTimeMillis();
			byte[] body = MetaWebhooks.textMessage(ACCOUNT, customer, "mid-bench-" + customer, at,
					"saya mau bicara dengan admin");
			askedAt.put(customer, System.nanoTime());
			api.post()
				.uri("/webhooks/instagram")
				.contentType(MediaType.APPLICATION_JSON)
				.header("X-Hub-Signature-256", MetaWebhooks.signature(body))
				.bodyValue(body)
				.retrieve()
				.toBodilessEntity()
				.block(Duration.ofSeconds(10));
		}
		awaitAll(customers, queuedSeenAt, Duration.ofSeconds(15));

		Histogram queue = new Histogram(60_000_000_000L, 3);
		Histogram message = new Histogram(60_000_000_000L, 3);
		int queueMissing = 0;
		int messageMissing = 0;
		for (String customer : customers) {
			Long seen = queuedSeenAt.get(customer);
			if (seen == null) {
				queueMissing++;
			}
			else {
				queue.recordValue(seen - askedAt.get(customer));
			}
			String conversation = ACCOUNT + ":" + customer;
			api.post().uri("/api/handoffs/{id}/claim", conversation).retrieve().toBodilessEntity().block(Duration.ofSeconds(10));
			long clicked = System.nanoTime();
			api.post()
				.uri("/api/conversations/{id}/messages", conversation)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("text", "Halo Kak, saya admin Pos Indonesia. Ada yang bisa dibantu?"))
				.retrieve()
				.toBodilessEntity()
				.block(Duration.ofSeconds(15));
			Long sent = agentTextAt.get(customer);
			if (sent == null) {
				messageMissing++;
			}
			else {
				message.recordValue(sent - clicked);
			}
			api.post().uri("/api/conversations/{id}/release", conversation).retrieve().toBodilessEntity()
				.block(Duration.ofSeconds(10));
		}
		return new Result(customers.size(), queue, queueMissing, message, messageMissing);
	}

	private void onEvent(ServerSentEvent<String> event) {
		long now = System.nanoTime();
		if ("handoff".equals(event.event()) && event.data() != null && event.data().contains("\"status\":\"QUEUED\"")) {
			Matcher customer = Pattern.compile("\"conversationId\":\"\\d+:(\\d+)\"").matcher(event.data());
			if (customer.find()) {
				queuedSeenAt.putIfAbsent(customer.group(1), now);
			}
		}
	}

	/** Stamps an agent's Send API call on WireMock's thread, as the sandbox answers it. */
	private void onSandboxRequest(Request request, Response response) {
		long now = System.nanoTime();
		String form = URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8);
		if (!request.getUrl().contains("/me/messages") || !form.contains("saya admin Pos Indonesia")) {
			return;
		}
		Matcher recipient = RECIPIENT.matcher(form);
		if (recipient.find()) {
			agentTextAt.putIfAbsent(recipient.group(1), now);
		}
	}

	private static void awaitAll(List<String> customers, Map<String, Long> seen, Duration patience)
			throws InterruptedException {
		long deadline = System.nanoTime() + patience.toNanos();
		while (System.nanoTime() < deadline && !seen.keySet().containsAll(customers)) {
			Thread.sleep(50);
		}
	}

	private static List<String> customers(long first, int count) {
		List<String> customers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			customers.add(Long.toString(first + i));
		}
		return customers;
	}

	private record Result(int handoffs, Histogram queue, int queueMissing, Histogram message, int messageMissing) {

		List<String> report(double loadBefore, double loadAfter) {
			List<String> lines = new ArrayList<>();
			lines.add("# Handoff benchmark (" + Instant.now() + ")");
			lines.add("");
			lines.add("%d handoffs requested at %d/s; then, one after the other, an agent claims each, sends a message and releases it."
				.formatted(handoffs, RATE));
			lines.add("Load average before/after: %.2f / %.2f on %d cores.".formatted(loadBefore, loadAfter,
					Runtime.getRuntime().availableProcessors()));
			lines.add("");
			lines.add("| measure | n | missing | p50 ms | p95 ms | p99 ms | max ms | target |");
			lines.add("|---|---|---|---|---|---|---|---|");
			lines.add(row("webhook → queue event on the agent's SSE stream", queue, queueMissing, QUEUE_TARGET_MILLIS));
			lines.add(row("agent's POST → Send API call", message, messageMissing, MESSAGE_TARGET_MILLIS));
			return lines;
		}

		private static String row(String measure, Histogram histogram, int missing, long targetMillis) {
			double p99 = millis(histogram.getValueAtPercentile(99));
			return String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | p99 ≤ %d ms: %s |", measure,
					histogram.getTotalCount(), missing, millis(histogram.getValueAtPercentile(50)),
					millis(histogram.getValueAtPercentile(95)), p99, millis(histogram.getMaxValue()), targetMillis,
					missing == 0 && p99 <= targetMillis ? "met" : "NOT met");
		}

		private static double millis(long nanos) {
			return nanos / 1_000_000.0;
		}

	}

}
