package id.posindonesia.balas.conversation;

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
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import io.netty.buffer.Unpooled;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.NestedMultiOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.HdrHistogram.Histogram;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import id.posindonesia.balas.BalasApplication;
import id.posindonesia.balas.MetaWebhooks;
import id.posindonesia.balas.sandbox.Sandbox;

/**
 * Measures a reply end to end: from the signed webhook POST of a customer's first DM to the Send API call that carries
 * Balas's first text message, as the in-process sandbox Graph API receives it. The whole application runs on its
 * embedded defaults (embedded Redis, sandbox Graph and tracking API), and every conversation is new: a customer id of
 * its own and one text DM, a mix of a greeting, an FAQ question and a tracking request.
 *
 * <p>After a warm-up at the same rate, so that the JIT compiler is done with the hot paths (after a warm-up at 10/s
 * it still compiled for 5.7 s of the 30 s run), an open-loop generator starts 50 conversations per second (system
 * property {@code reply-benchmark.rate}) for {@code RUN}: each webhook is sent at its scheduled time whatever happened to the previous ones, and its latency
 * counts from that scheduled time, so that a stall is not hidden by sending less. A WireMock request listener stamps
 * each Send API call with {@link System#nanoTime()} as the sandbox answers it; the sandbox keeps no request journal,
 * whose upkeep on every request would make the stub a bottleneck of its own. The generator has a thread of its own,
 * so that the application's work (the NLU on the parallel scheduler) cannot delay the webhooks it sends. Redis's
 * command statistics over the run give the commands each conversation cost. Run:
 * {@code mvn -q -P reply-benchmark test-compile exec:exec}; the report goes to {@code target/benchmarks/reply-latency.md}.
 * The generator, the application, Redis and the sandbox share this machine's cores.
 */
public final class ReplyLatencyBenchmark {

	private static final int RATE = Integer.getInteger("reply-benchmark.rate", 50);

	private static final Duration RUN = Duration.ofSeconds(30);

	private static final int WARMUP_RATE = RATE;

	private static final Duration WARMUP = Duration.ofSeconds(30);

	/** How long after the last webhook of the run a reply still counts as answered. */
	private static final Duration GRACE = Duration.ofSeconds(10);

	private static final long TARGET_P99_MILLIS = 300;

	private static final String ACCOUNT = "17841400000000001";

	private static final String WEBHOOK_PATH = "/webhooks/instagram";

	private static final List<String> TEXTS = List.of("halo min", "nomor halo pos berapa?", "cek resi 16012345678");

	private static final ProtocolKeyword LATENCY = () -> "LATENCY".getBytes(StandardCharsets.US_ASCII);

	private static final Pattern SEND_API = Pattern.compile("/v[0-9.]+/me/messages.*");

	private static final Pattern RECIPIENT = Pattern.compile("recipient=\\{\"id\":\"(\\d+)\"}");

	private static final com.sun.management.OperatingSystemMXBean OPERATING_SYSTEM = ManagementFactory
		.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);

	private final HttpClient http;

	private final ReactiveRedisConnectionFactory redis;

	private final MeterRegistry meters;

	private final Scheduler generator = Schedulers.newSingle("generator");

	// when a thread sleeping 1 ms overslept by 10 ms or more, and by how much: the JVM stalled (GC, safepoints, no CPU)
	private final ConcurrentLinkedQueue<long[]> jvmStalls = new ConcurrentLinkedQueue<>();

	private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<Long> sendApiCallTimes = new ConcurrentLinkedQueue<>();

	private ReplyLatencyBenchmark(String baseUrl, ReactiveRedisConnectionFactory redis, MeterRegistry meters) {
		this.http = HttpClient.create().baseUrl(baseUrl);
		this.redis = redis;
		this.meters = meters;
	}

	public static void main(String[] args) throws Exception {
		Path report = Path.of(args.length > 0 ? args[0] : "target/benchmarks/reply-latency.md").toAbsolutePath();
		Files.createDirectories(report.getParent());
		String data = "target/bench-redis/" + UUID.randomUUID();
		// command-line arguments: default properties would lose to application.yml's server.port
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BalasApplication.class).run(
				"--server.port=0", "--logging.level.root=WARN", "--balas.embedded-redis.data-dir=" + data,
				"--balas.agents.admin-password-file=" + data + "/admin-password",
				"--balas.sandbox.request-journal-size=0")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			ReplyLatencyBenchmark benchmark = new ReplyLatencyBenchmark("http://127.0.0.1:" + port,
					context.getBean(ReactiveRedisConnectionFactory.class), context.getBean(MeterRegistry.class));
			context.getBean(Sandbox.class).server().addMockServiceRequestListener(benchmark::onSandboxRequest);
			Thread stallMeter = new Thread(benchmark::meterJvmStalls, "stall-meter");
			stallMeter.setDaemon(true);
			stallMeter.start();
			List<String> lines;
			try (StatefulRedisConnection<String, String> admin = ((RedisClient) context
				.getBean(LettuceConnectionFactory.class)
				.getRequiredNativeClient()).connect()) {
				admin.sync().configSet("latency-monitor-threshold", "20");
				lines = benchmark.run();
				lines.add("- Redis latency events of 20 ms or more (event, last, worst): " + admin.sync()
					.dispatch(LATENCY, new NestedMultiOutput<>(StringCodec.UTF8),
							new CommandArgs<>(StringCodec.UTF8).add("LATEST")));
			}
			stallMeter.interrupt();
			benchmark.generator.dispose();
			Files.write(report, lines);
			lines.forEach(System.out::println);
		}
	}

	private List<String> run() throws InterruptedException {
		System.out.println("Warm-up: " + WARMUP_RATE + " conversations/s for " + WARMUP.toSeconds() + " s");
		Phase warmup = new Phase("warmup-" + UUID.randomUUID().toString().substring(0, 8), 6_300_000_000_000_000L);
		warmup.generate(WARMUP_RATE, WARMUP);
		warmup.awaitReplies(System.nanoTime() + GRACE.toNanos());

		System.out.println("Run: " + RATE + " conversations/s for " + RUN.toSeconds() + " s");
		Phase measured = new Phase("run-" + UUID.randomUUID().toString().substring(0, 8), 6_400_000_000_000_000L);
		sendApiCallTimes.clear();
		Properties redisBefore = redisInfo();
		Timer budgetWaits = meters.timer("balas.graph.send.budget.wait");
		long budgetWaitsBefore = budgetWaits.count();
		double budgetWaitedBefore = budgetWaits.totalTime(TimeUnit.MILLISECONDS);
		double shedBefore = meters.counter("balas.graph.sender.actions.shed").count();
		measured.loadAverageBefore = OPERATING_SYSTEM.getSystemLoadAverage();
		long cpuBefore = OPERATING_SYSTEM.getProcessCpuTime();
		long burstStart = System.nanoTime();
		measured.generate(RATE, RUN);
		long burstEnd = System.nanoTime();
		measured.jvmCpuShare = (double) (OPERATING_SYSTEM.getProcessCpuTime() - cpuBefore) / (burstEnd - burstStart)
				/ Runtime.getRuntime().availableProcessors();
		measured.loadAverage = OPERATING_SYSTEM.getSystemLoadAverage();
		measured.awaitReplies(burstEnd + GRACE.toNanos());
		// the replies' later messages are still on their way when the first one arrived
		Thread.sleep(2_000);
		List<String> lines = measured.report(burstStart, burstEnd, List.copyOf(sendApiCallTimes));
		lines.addAll(redisCosts(redisBefore, redisInfo(), measured.customers.size()));
		long waited = budgetWaits.count() - budgetWaitsBefore;
		lines.add(String.format(Locale.ROOT,
				"- messages that waited for a later second of the Send API budget: %d, %.0f ms on average; sender "
						+ "actions shed to leave the budget to replies: %.0f",
				waited, waited == 0 ? 0 : (budgetWaits.totalTime(TimeUnit.MILLISECONDS) - budgetWaitedBefore) / waited,
				meters.counter("balas.graph.sender.actions.shed").count() - shedBefore));
		return lines;
	}

	private Properties redisInfo() {
		return Mono.usingWhen(Mono.fromSupplier(redis::getReactiveConnection),
				connection -> connection.serverCommands().info("all"), ReactiveRedisConnection::closeLater)
			.block(Duration.ofSeconds(5));
	}

	/**
	 * Redis commands per conversation over the run (and its grace period), warm-up excluded. Redis counts a script's
	 * own calls under their commands too: round trips are the {@code evalsha} calls plus the commands sent alone.
	 */
	private static List<String> redisCosts(Properties before, Properties after, int conversations) {
		Map<String, Long> perCommand = new TreeMap<>();
		after.stringPropertyNames().stream().filter(name -> name.startsWith("cmdstat_")).forEach(name -> {
			long calls = calls(after.getProperty(name)) - calls(before.getProperty(name, "calls=0"));
			if (calls > 0) {
				perCommand.put(name.substring("cmdstat_".length()), calls);
			}
		});
		double cpuSeconds = cpu(after) - cpu(before);
		return List.of(String.format(Locale.ROOT,
				"- Redis commands per conversation (run and grace period): %s; Redis used %.1f s of CPU, forked %d times "
						+ "(append-only file rewrites), and held writes back for a slow disk (aof_delayed_fsync) %d times",
				perCommand.entrySet()
					.stream()
					.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
					.map(command -> String.format(Locale.ROOT, "%s %.2f", command.getKey(),
							(double) command.getValue() / conversations))
					.collect(Collectors.joining(", ")),
				cpuSeconds, counter(after, "total_forks") - counter(before, "total_forks"),
				counter(after, "aof_delayed_fsync") - counter(before, "aof_delayed_fsync")));
	}

	private static long counter(Properties info, String name) {
		return Long.parseLong(info.getProperty(name, "0").trim());
	}

	private static long calls(String commandStats) {
		Matcher calls = Pattern.compile("calls=(\\d+)").matcher(commandStats);
		return calls.find() ? Long.parseLong(calls.group(1)) : 0;
	}

	private static double cpu(Properties info) {
		return Double.parseDouble(info.getProperty("used_cpu_user", "0"))
				+ Double.parseDouble(info.getProperty("used_cpu_sys", "0"));
	}

	private void meterJvmStalls() {
		while (!Thread.currentThread().isInterrupted()) {
			long before = System.nanoTime();
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				return;
			}
			long now = System.nanoTime();
			long overslept = now - before - 1_000_000;
			if (overslept >= 10_000_000) {
				jvmStalls.add(new long[] { now, overslept });
			}
		}
	}

	/** Stamps each Send API call on WireMock's thread, as the sandbox answers it. */
	private void onSandboxRequest(Request request, Response response) {
		long now = System.nanoTime();
		if (!SEND_API.matcher(request.getUrl()).matches()) {
			return;
		}
		sendApiCallTimes.add(now);
		String form = URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8);
		Matcher recipient = RECIPIENT.matcher(form);
		Conversation conversation = recipient.find() ? conversations.get(recipient.group(1)) : null;
		if (conversation != null) {
			conversation.sendApiCall(now, form);
		}
	}

	/** One customer's first DM and the Send API calls it led to. */
	private static final class Conversation {

		final int kind;

		final long sentAt;

		volatile long ackedAt;

		volatile int ackStatus;

		long markSeenAt;

		long firstTextAt;

		int markSeen;

		int typing;

		int texts;

		Conversation(int kind, long sentAt) {
			this.kind = kind;
			this.sentAt = sentAt;
		}

		synchronized void sendApiCall(long at, String form) {
			if (form.contains("sender_action=mark_seen")) {
				markSeen++;
				markSeenAt = markSeenAt == 0 ? at : markSeenAt;
			}
			else if (form.contains("sender_action=")) {
				typing++;
			}
			else {
				texts++;
				firstTextAt = firstTextAt == 0 ? at : firstTextAt;
			}
		}

		synchronized long firstTextAt() {
			return firstTextAt;
		}

	}

	/** The conversations of one run of the generator, each with a customer id of its own. */
	private final class Phase {

		final String run;

		final long firstCustomer;

		final List<String> customers = new ArrayList<>();

		final AtomicLong generatorLagMax = new AtomicLong();

		double jvmCpuShare;

		double loadAverageBefore;

		double loadAverage;

		Phase(String run, long firstCustomer) {
			this.run = run;
			this.firstCustomer = firstCustomer;
		}

		void generate(int rate, Duration duration) {
			long periodNanos = 1_000_000_000L / rate;
			long count = duration.toSeconds() * rate;
			for (long i = 0; i < count; i++) {
				customers.add(Long.toString(firstCustomer + i));
			}
			long start = System.nanoTime();
			Flux.interval(Duration.ZERO, Duration.ofNanos(periodNanos), generator)
				.onBackpressureBuffer()
				.take(count)
				.flatMap(i -> {
					long scheduled = start + i * periodNanos;
					generatorLagMax.accumulateAndGet(System.nanoTime() - scheduled, Math::max);
					String customer = customers.get(i.intValue());
					int kind = (int) (i % TEXTS.size());
					byte[] body = MetaWebhooks.textMessage(ACCOUNT, customer, run + "-" + i, System.currentTimeMillis(),
							TEXTS.get(kind));
					Conversation conversation = new Conversation(kind, scheduled);
					conversations.put(customer, conversation);
					return http.headers(headers -> headers.set("Content-Type", "application/json")
						.set("X-Hub-Signature-256", MetaWebhooks.signature(body)))
						.post()
						.uri(WEBHOOK_PATH)
						.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
						.responseSingle((response, content) -> content.then(Mono.just(response.status().code())))
						.onErrorReturn(-1)
						.doOnNext(status -> {
							conversation.ackedAt = System.nanoTime();
							conversation.ackStatus = status;
						});
				}, 1024)
				.blockLast();
		}

		void awaitReplies(long deadline) throws InterruptedException {
			while (System.nanoTime() < deadline && unanswered() > 0) {
				Thread.sleep(50);
			}
		}

		long unanswered() {
			return customers.stream().filter(customer -> conversations.get(customer).firstTextAt() == 0).count();
		}

		List<String> report(long burstStart, long burstEnd, List<Long> sendApiCallsSinceStart) {
			Histogram reply = histogram();
			Histogram ack = histogram();
			Histogram toMarkSeen = histogram();
			Histogram markSeenToText = histogram();
			List<Histogram> byKind = TEXTS.stream().map(text -> histogram()).toList();
			long answered = 0;
			long answeredLate = 0;
			long failedAcks = 0;
			long markSeen = 0;
			long typing = 0;
			long texts = 0;
			long graceEnd = burstEnd + GRACE.toNanos();
			int seconds = (int) Math.ceil((graceEnd + 2_000_000_000L - burstStart) / 1e9);
			long[] repliesPerSecond = new long[seconds];
			long[] callsPerSecond = new long[seconds];
			List<Histogram> replyBySecondSent = new ArrayList<>();
			for (int second = 0; second < seconds; second++) {
				replyBySecondSent.add(histogram());
			}
			sendApiCallsSinceStart.forEach(at -> callsPerSecond[second(burstStart, at, seconds)]++);
			for (String customer : customers) {
				Conversation conversation = conversations.get(customer);
				synchronized (conversation) {
					if (conversation.ackStatus != 200) {
						failedAcks++;
					}
					else {
						ack.recordValue(micros(conversation.ackedAt - conversation.sentAt));
					}
					markSeen += conversation.markSeen;
					typing += conversation.typing;
					texts += conversation.texts;
					if (conversation.markSeenAt != 0) {
						toMarkSeen.recordValue(micros(conversation.markSeenAt - conversation.sentAt));
					}
					if (conversation.firstTextAt == 0) {
						continue;
					}
					if (conversation.firstTextAt > graceEnd) {
						answeredLate++;
						continue;
					}
					answered++;
					repliesPerSecond[second(burstStart, conversation.firstTextAt, seconds)]++;
					long latency = micros(conversation.firstTextAt - conversation.sentAt);
					reply.recordValue(latency);
					replyBySecondSent.get(second(burstStart, conversation.sentAt, seconds)).recordValue(latency);
					byKind.get(conversation.kind).recordValue(latency);
					if (conversation.markSeenAt != 0 && conversation.markSeenAt < conversation.firstTextAt) {
						markSeenToText.recordValue(micros(conversation.firstTextAt - conversation.markSeenAt));
					}
				}
			}
			double burstSeconds = (burstEnd - burstStart) / 1e9;
			long calls = markSeen + typing + texts;

			List<String> lines = new ArrayList<>();
			lines.add("# Reply latency benchmark");
			lines.add("");
			lines.add("Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores ("
					+ System.getProperty("os.name") + " " + System.getProperty("os.arch") + "), "
					+ System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", heap max "
					+ Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, "
					+ ManagementFactory.getGarbageCollectorMXBeans().get(0).getName() + " GC. "
					+ "The whole application on its embedded defaults (embedded Redis, sandbox Graph and tracking API); "
					+ "generator, application, Redis and sandbox share the cores.");
			lines.add("");
			lines.add("Open loop: " + RATE + " new conversations/s for " + RUN.toSeconds() + " s (" + customers.size()
					+ " customers, one signed text DM each: " + String.join(" / ", TEXTS) + "), after a "
					+ WARMUP.toSeconds() + " s warm-up at " + WARMUP_RATE + "/s. Latency: from each webhook POST's "
					+ "scheduled time to the sandbox answering the Send API call with the first text message. "
					+ String.format(Locale.ROOT, "Generator lag at most %.1f ms.", generatorLagMax.get() / 1e6));
			lines.add("");
			lines.add("| measure | count | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) |");
			lines.add("|---|---|---|---|---|---|");
			lines.add(row("**webhook → first text (reply)**", reply));
			for (int kind = 0; kind < TEXTS.size(); kind++) {
				lines.add(row("reply to \"" + TEXTS.get(kind) + "\"", byKind.get(kind)));
			}
			lines.add(row("webhook → ack (200)", ack));
			lines.add(row("webhook → mark_seen", toMarkSeen));
			lines.add(row("mark_seen → first text", markSeenToText));
			lines.add("");
			lines.add(String.format(Locale.ROOT, "Target p99 ≤ %d ms at %d conversations/s: **%s** (p99 %.1f ms).",
					TARGET_P99_MILLIS, RATE, reply.getValueAtPercentile(99) / 1000.0 <= TARGET_P99_MILLIS
							&& answered == customers.size() ? "met" : "missed",
					reply.getValueAtPercentile(99) / 1000.0));
			lines.add("");
			lines.add("- answered within " + GRACE.toSeconds() + " s after the run: " + answered + " / " + customers.size()
					+ " (later: " + answeredLate + ", never: " + (customers.size() - answered - answeredLate)
					+ "); webhooks not acknowledged with 200: " + failedAcks);
			lines.add(String.format(Locale.ROOT,
					"- Send API calls for these conversations: %d; all Send API calls the sandbox received during the run: "
							+ "%.1f/s (%d in %.1f s)",
					calls, inRun(sendApiCallsSinceStart, burstEnd) / burstSeconds, inRun(sendApiCallsSinceStart, burstEnd),
					burstSeconds));
			lines.add(String.format(Locale.ROOT,
					"- Send API calls per reply: %.2f (mark_seen %.2f + other sender actions %.2f + texts %.2f)",
					ratio(calls, answered + answeredLate), ratio(markSeen, answered + answeredLate),
					ratio(typing, answered + answeredLate), ratio(texts, answered + answeredLate)));
			lines.add("- Send API calls per second from the run's start: " + join(callsPerSecond));
			lines.add("- replies (first texts) per second from the run's start: " + join(repliesPerSecond));
			long[] stallsPerSecond = new long[seconds];
			jvmStalls.stream().filter(stall -> stall[0] >= burstStart).forEach(stall -> {
				int second = second(burstStart, stall[0], seconds);
				stallsPerSecond[second] = Math.max(stallsPerSecond[second], stall[1] / 1_000_000);
			});
			lines.add("- longest JVM stall (ms; a thread sleeping 1 ms woke that much later) in each second from the "
					+ "run's start: " + join(stallsPerSecond));
			lines.add("- reply p99 (ms) of the conversations started in each second of the run: " + replyBySecondSent
				.stream()
				.filter(latency -> latency.getTotalCount() > 0)
				.map(latency -> Long.toString(latency.getValueAtPercentile(99) / 1000))
				.collect(Collectors.joining(" ")));
			lines.add(String.format(Locale.ROOT,
					"- this JVM (application, sandbox and generator; not Redis) used %.0f%% of the machine's CPU during "
							+ "the run; system load average (1 min) at its start %.2f, at its end %.2f",
					jvmCpuShare * 100, loadAverageBefore, loadAverage));
			return lines;
		}

	}

	private static int second(long start, long at, int seconds) {
		return (int) Math.min(Math.max((at - start) / 1_000_000_000L, 0), seconds - 1);
	}

	private static long inRun(List<Long> times, long end) {
		return times.stream().filter(at -> at <= end).count();
	}

	private static String join(long[] counts) {
		StringBuilder joined = new StringBuilder();
		for (long count : counts) {
			joined.append(joined.isEmpty() ? "" : " ").append(count);
		}
		return joined.toString();
	}

	private static Histogram histogram() {
		return new Histogram(3);
	}

	private static long micros(long nanos) {
		return Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos));
	}

	private static double ratio(long part, long whole) {
		return whole == 0 ? 0 : (double) part / whole;
	}

	private static String row(String name, Histogram latency) {
		return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |", name, latency.getTotalCount(),
				latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(90) / 1000.0,
				latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0);
	}

}
