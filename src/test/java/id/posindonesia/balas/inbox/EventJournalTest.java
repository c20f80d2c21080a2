package id.posindonesia.balas.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import id.posindonesia.balas.BalasIntegrationTest;
import id.posindonesia.balas.IsolatedRedis;
import id.posindonesia.balas.inbox.EventJournal.Recorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The group commit: bodies that arrive while a script call is in flight wait for the next call and share it, and
 * each still learns what became of its own events. A body that may not have been recorded is refused, so that Meta
 * redelivers it.
 */
@BalasIntegrationTest
class EventJournalTest {

	private static final String ACCOUNT = "17841400000000077";

	@Autowired
	private ApplicationContext context;

	@Autowired
	private InboxProperties properties;

	@Autowired
	private EventStreamWorker applicationWorker;

	@Autowired
	private List<SmartLifecycle> lifecycles;

	private IsolatedRedis isolated;

	private ReactiveStringRedisTemplate redis;

	private RedisConnectionFactory connectionFactory;

	private EventJournal journal;

	/** A database of its own, so that the application's worker never processes these thousands of events. */
	@BeforeEach
	void ownDatabase() {
		isolated = IsolatedRedis.database(context, 1);
		redis = isolated.template();
		connectionFactory = isolated.connectionFactory();
		journal = new EventJournal(redis, properties, new SimpleMeterRegistry());
	}

	@AfterEach
	void restoreThePollers() {
		pollers().stream().filter(poller -> !poller.isRunning()).forEach(SmartLifecycle::start);
		isolated.close();
	}

	/** The event stream's worker and the complaint reports' outbox. */
	private List<SmartLifecycle> pollers() {
		return lifecycles.stream()
			.filter(lifecycle -> lifecycle == applicationWorker
					|| lifecycle.getClass().getSimpleName().equals("CchReportOutbox"))
			.toList();
	}

	@Test
	void bodiesWaitingForAnInFlightCallShareTheNextOne() {
		String run = "group-" + System.nanoTime();
		List<List<InboundEvent>> bodies = new ArrayList<>();
		for (int n = 0; n < 40; n++) {
			bodies.add(List.of(event(run + "-" + n, "m" + n)));
		}
		// a redelivery of body 1's event, in the same call as the original
		bodies.add(List.of(event(run + "-1", "m1"), event(run + "-extra", "new")));

		GroupCommit commit = recordWhileRedisHoldsTheFirstCall(bodies);

		assertThat(commit.recorded()).hasSize(41);
		assertThat(commit.recorded().subList(0, 40)).containsOnly(new Recorded(1, 0));
		assertThat(commit.recorded().get(40)).isEqualTo(new Recorded(1, 1));
		assertThat(commit.scriptCalls()).isEqualTo(2);
		assertThat(redis.opsForZSet().size(InboxKeys.inbox(ACCOUNT + ":" + run + "-1")).block()).isEqualTo(1);
		assertThat(redis.opsForZSet().size(InboxKeys.inbox(ACCOUNT + ":" + run + "-extra")).block()).isEqualTo(1);
	}

	@Test
	void aCallCarriesAtMostAThousandEvents() {
		String run = "large-" + System.nanoTime();
		List<List<InboundEvent>> bodies = new ArrayList<>();
		for (int n = 0; n < 3; n++) {
			List<InboundEvent> body = new ArrayList<>();
			for (int e = 0; e < 600; e++) {
				body.add(event(run + "-" + e, "b" + n));
			}
			bodies.add(body);
		}

		GroupCommit commit = recordWhileRedisHoldsTheFirstCall(bodies);

		assertThat(commit.recorded()).containsOnly(new Recorded(600, 0));
		assertThat(commit.scriptCalls()).as("the second and third body would make 1200 events together").isEqualTo(3);
	}

		@Test
	void aBodyThatRedisDoesNotRecordInTimeIsRefusedAndTheNextOneIsRecorded() {
		String run = "slow-" + System.nanoTime();
		try (RedisConnection connection = connectionFactory.getConnection()) {
			// longer than the tests' record-timeout of 2 s
			pauseWrites(connection, 3000);
			assertThatExceptionOfType(QueryTimeoutException.class)
				.isThrownBy(() -> journal.record(List.of(event(run, "late"))).block(Duration.ofSeconds(10)));
		}

		assertThat(journal.record(List.of(event(run + "-after", "in time"))).block(Duration.ofSeconds(10)))
			.isEqualTo(new Recorded(1, 0));
	}

	@Test
	void aBodyBeyondTenThousandWaitingEventsIsRefusedAtOnce() {
		String run = "backlog-" + System.nanoTime();
		try (RedisConnection connection = connectionFactory.getConnection()) {
			pauseWrites(connection, 1000);
			List<Mono<Recorded>> accepted = new ArrayList<>();
			accepted.add(journal.record(List.of(event(run, "in flight"))).cache());
			for (int n = 0; n < 10; n++) {
				List<InboundEvent> body = new ArrayList<>();
				for (int e = 0; e < 1000; e++) {
					body.add(event(run + "-" + e, "b" + n));
				}
				accepted.add(journal.record(body).cache());
			}
			accepted.forEach(Mono::subscribe);

			assertThatExceptionOfType(TransientDataAccessResourceException.class)
				.isThrownBy(() -> journal.record(List.of(event(run, "one too many"))).block(Duration.ofMillis(100)));
			assertThat(Flux.concat(accepted).collectList().block(Duration.ofSeconds(10))).hasSize(11)
				.allSatisfy(recorded -> assertThat(recorded.duplicates()).isZero());
		}
	}

	@Test
	void aFailedCallStoresNothingSoThatMetasRedeliveryIsRecordedAndProcessed() {
		String run = "poisoned-" + System.nanoTime();
		String inbox = InboxKeys.inbox(ACCOUNT + ":" + run);
		InboundEvent event = event(run, "fails first");
		Long streamLength = redis.opsForStream().size(InboxKeys.EVENTS).block();
		// an inbox key of the wrong type makes the script fail, after the first event of the body was fine
		redis.opsForValue().set(inbox, "not a sorted set").block();

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> journal.record(List.of(event(run + "-fine", "same body"), event)).block());

		assertThat(redis.hasKey(InboxKeys.seen(event.dedupeKey())).block()).isFalse();
		assertThat(redis.hasKey(InboxKeys.seen(event(run + "-fine", "same body").dedupeKey())).block()).isFalse();
		assertThat(redis.opsForStream().size(InboxKeys.EVENTS).block()).isEqualTo(streamLength);

		// the key is repaired and Meta redelivers: the event is new, lands in its inbox and is processed
		redis.delete(inbox).block();
		assertThat(journal.record(List.of(event)).block()).isEqualTo(new Recorded(1, 0));
		List<InboundEvent> handled = new CopyOnWriteArrayList<>();
		EventStreamWorker worker = new EventStreamWorker(redis, isolated.connectionFactory(),
				(processed, delivery) -> Mono.fromRunnable(() -> handled.add(processed)), properties,
				new SimpleMeterRegistry());
		worker.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains(event));
			// completing an event takes it out of its inbox and acknowledges it in one script
			await().atMost(Duration.ofSeconds(5)).until(() -> redis.opsForZSet().size(inbox).block() == 0);
		}
		finally {
			worker.stop();
		}
	}

	@Test
	void aBodyQueuedBehindAStalledCallIsAnsweredWithinTheRecordTimeoutOfItsOwnArrival() throws InterruptedException {
		String run = "queued-" + System.nanoTime();
		try (RedisConnection connection = connectionFactory.getConnection()) {
			// longer than two of the tests' 2 s record timeouts
			pauseWrites(connection, 4500);
			journal.record(List.of(event(run, "first"))).onErrorResume(ex -> Mono.empty()).subscribe();
			Thread.sleep(1000);
			long arrived = System.nanoTime();

			assertThatExceptionOfType(QueryTimeoutException.class)
				.isThrownBy(() -> journal.record(List.of(event(run, "queued"))).block(Duration.ofSeconds(10)));

			Duration waited = Duration.ofNanos(System.nanoTime() - arrived);
			assertThat(waited).isLessThan(Duration.ofMillis(2500));
		}
	}

	/**
	 * Sends the first body while Redis pauses writes, so that every other body queues behind its call; answers what
	 * each body was told and how many script calls Redis ran.
	 */
	private GroupCommit recordWhileRedisHoldsTheFirstCall(List<List<InboundEvent>> bodies) {
		// the scripts of everything that polls Redis would be counted too
		pollers().forEach(SmartLifecycle::stop);
		journal.record(List.of(event("warm-up-" + System.nanoTime(), "loads the script"))).block();
		try (RedisConnection connection = connectionFactory.getConnection()) {
			connection.serverCommands().resetConfigStats();
			pauseWrites(connection, 500);
			List<Mono<Recorded>> answers = new ArrayList<>();
			for (List<InboundEvent> body : bodies) {
				Mono<Recorded> answer = journal.record(body).cache();
				answer.subscribe();
				answers.add(answer);
			}
			List<Recorded> recorded = Flux.concat(answers).collectList().block(Duration.ofSeconds(10));
			return new GroupCommit(recorded, scriptCalls(connection.serverCommands().info("commandstats")));
		}
	}

	/** Redis holds every write, scripts included, for that long; the calls queue meanwhile. */
	private static void pauseWrites(RedisConnection connection, int millis) {
		connection.execute("CLIENT", bytes("PAUSE"), bytes(Integer.toString(millis)), bytes("WRITE"));
	}

	private static long scriptCalls(Properties commandStats) {
		return calls(commandStats, "cmdstat_evalsha") + calls(commandStats, "cmdstat_eval");
	}

	private static long calls(Properties commandStats, String command) {
		String stats = commandStats.getProperty(command, "calls=0,");
		return Long.parseLong(stats.substring("calls=".length(), stats.indexOf(',')));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private record GroupCommit(List<Recorded> recorded, long scriptCalls) {
	}

	private static InboundEvent event(String customer, String marker) {
		long now = System.currentTimeMillis();
		return new InboundEvent(EventKind.MESSAGE, ACCOUNT, customer, now, "test:" + customer + ":" + marker,
				"{\"marker\":\"" + marker + "\"}");
	}

}
