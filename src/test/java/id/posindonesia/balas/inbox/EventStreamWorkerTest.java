package id.posindonesia.balas.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import id.posindonesia.balas.BalasIntegrationTest;
import id.posindonesia.balas.IsolatedRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pipeline's promises under several instances: per-conversation order and exclusivity while events keep
 * arriving, backoff between attempts, takeover of what a crashed instance held however much else is pending, and
 * the dead-letter stream. Each test has a Redis database of its own and workers standing in for Balas instances.
 */
@BalasIntegrationTest
class EventStreamWorkerTest {

	private static final String ACCOUNT = "17841400000000099";

	@Autowired
	private ApplicationContext context;

	@Autowired
	private InboxProperties defaults;

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final List<EventStreamWorker> instances = new ArrayList<>();

	private final RecordingHandler handler = new RecordingHandler();

	private IsolatedRedis isolated;

	private ReactiveStringRedisTemplate redis;

	@BeforeEach
	void ownDatabase() {
		isolated = IsolatedRedis.database(context, 2);
		redis = isolated.template();
	}

	@AfterEach
	void stopInstances() {
		instances.forEach(EventStreamWorker::stop);
		isolated.close();
	}

	@Test
	void twoInstancesKeepEveryConversationInOrderWhileEventsKeepArriving() {
		startInstances(2, defaults);
		EventJournal journal = journal(defaults);
		int conversations = 40;
		int perConversation = 15;
		long base = System.currentTimeMillis();

		// each conversation's events arrive one body at a time, in order, all conversations at once, while both
		// instances are already consuming
		Flux.range(0, conversations)
			.flatMap(c -> Flux.range(0, perConversation)
				.concatMap(n -> journal.record(List.of(event("live-" + c, base + n, "n" + n))))
				.subscribeOn(Schedulers.parallel()))
			.blockLast(Duration.ofSeconds(30));

		await().atMost(Duration.ofSeconds(30)).until(() -> handler.handled.size() == conversations * perConversation);
		assertThat(handler.overlaps.get()).as("events of one conversation processed at the same time").isZero();
		handler.timestampsByConversation().forEach((conversation, timestamps) ->
			assertThat(timestamps).as(conversation).isSortedAccordingTo(Long::compare).hasSize(perConversation));
		assertThat(handler.handled).extracting(InboundEvent::dedupeKey).doesNotHaveDuplicates();
		await().atMost(Duration.ofSeconds(5)).until(() -> pendingCount() == 0);
	}

	@Test
	void eventsStampedWithTheSameMillisecondKeepTheOrderTheyArrivedInAcrossBodies() {
		EventJournal journal = journal(defaults);
		long now = System.currentTimeMillis();
		List<InboundEvent> bodyA = List.of(event("same-ms", now, "a0"), event("same-ms", now, "a1"),
				event("same-ms", now, "a2"));
		List<InboundEvent> bodyB = List.of(event("same-ms", now, "b0"));
		List<InboundEvent> large = new ArrayList<>();
		for (int n = 0; n < 1_200; n++) {
			large.add(event("same-ms-large", now, "l" + n));
		}
		journal.record(bodyA).block();
		journal.record(bodyB).block();
		journal.record(large).block();

		startInstances(1, defaults);

		await().atMost(Duration.ofSeconds(30)).until(() -> handler.handled.size() == 4 + large.size());
		assertThat(handler.handledFor("same-ms")).extracting(InboundEvent::dedupeKey)
			.containsExactly(key("same-ms", "a0"), key("same-ms", "a1"), key("same-ms", "a2"), key("same-ms", "b0"));
		assertThat(handler.handledFor("same-ms-large")).extracting(InboundEvent::dedupeKey)
			.containsExactlyElementsOf(large.stream().map(InboundEvent::dedupeKey).toList());
	}

	@Test
	void aFailedEventIsRetriedAfterItsOwnDelayDoublingEachTime() {
		// claims come far later than the retries are due: only the worker's own timers can retry in time
		InboxProperties properties = with(defaults, p -> new InboxProperties(p.recordTimeout(), p.dedupeTtl(),
				p.concurrency(), Duration.ofSeconds(30), p.claimInterval(), p.lockLease(), 5, Duration.ofMillis(300),
				p.deadLetterCapacity(), p.handlerTimeout(), p.shutdownGrace(), p.retention()));
		handler.failuresBeforeSuccess.set(3);
		journal(properties).record(List.of(event("flaky", System.currentTimeMillis(), "fail"))).block();

		startInstances(1, properties);

		await().atMost(Duration.ofSeconds(10)).until(() -> handler.handledFor("flaky").size() == 1);
		List<Long> waits = handler.waitsBetweenAttempts();
		assertThat(waits).hasSize(3);
		for (int attempt = 0; attempt < waits.size(); attempt++) {
			long expected = 300L << attempt;
			assertThat(waits.get(attempt)).as("wait before attempt %d", attempt + 2).isBetween(expected, expected + 700);
		}
	}

	@Test
	void anEventThatKeepsFailingGoesToTheDeadLetterStreamAndTheConversationMovesOn() {
		String customer = "poison";
		long now = System.currentTimeMillis();
		EventJournal journal = journal(defaults);
		// several cues for one conversation: each of them must not spend another attempt on the failing event
		journal.record(List.of(event(customer, now, "throw"), event(customer, now + 1, "after"))).block();
		journal.record(List.of(event(customer, now + 2, "later"))).block();
		journal.record(List.of(event(customer, now + 3, "latest"))).block();

		startInstances(1, defaults);

		await().atMost(Duration.ofSeconds(20)).until(() -> handler.handledFor(customer).size() == 3);
		assertThat(handler.attempts.get(customer + "/throw")).isEqualTo(defaults.maxAttempts());
		assertThat(handler.handledFor(customer)).extracting(InboundEvent::timestamp).containsExactly(now + 1, now + 2, now + 3);
		assertThat(meters.counter("balas.events.dead_lettered").count()).isEqualTo(1);
		List<MapRecord<String, Object, Object>> deadLetters = redis.opsForStream()
			.range(InboxKeys.DEAD_LETTER, Range.unbounded())
			.collectList()
			.block();
		assertThat(deadLetters).singleElement().satisfies(record -> {
			assertThat(record.getValue()).containsEntry("attempts", Integer.toString(defaults.maxAttempts()))
				.containsEntry("customer", customer);
			assertThat((String) record.getValue().get("error")).contains("poisoned");
			assertThat((String) record.getValue().get("payload")).contains("throw");
		});
	}

	@Test
	void aHolderWorkingLongerThanTheLeaseKeepsItSoThatNoOtherInstanceActsOnTheConversationMeanwhile() {
		// the lease would run out four times over during one event, and the other instance looks every 300 ms
		InboxProperties properties = with(defaults, p -> new InboxProperties(p.recordTimeout(), p.dedupeTtl(),
				p.concurrency(), Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(600), p.maxAttempts(),
				p.firstRetryDelay(), p.deadLetterCapacity(), Duration.ofSeconds(10), p.shutdownGrace(), p.retention()));
		handler.delay = Duration.ofMillis(2_500);
		startInstances(2, properties);
		long now = System.currentTimeMillis();

		journal(properties).record(List.of(event("slow", now, "first"), event("slow", now + 1, "second"))).block();

		await().atMost(Duration.ofSeconds(20)).until(() -> handler.handledFor("slow").size() == 2);
		assertThat(handler.overlaps.get()).as("events of one conversation processed at the same time").isZero();
		assertThat(handler.handledFor("slow")).extracting(InboundEvent::timestamp).containsExactly(now, now + 1);
	}

	@Test
	void anAbandonedEventIsClaimedEvenBehindAThousandEventsWaitingForTheirConversation() {
		EventJournal journal = journal(defaults);
		long now = System.currentTimeMillis();
		// 1,200 conversations held by a live instance elsewhere: their cues stay pending however often they are
		// claimed, and there are more of them than one XAUTOCLAIM call looks at (ten times its page)
		int held = 1_200;
		Flux.range(0, held)
			.flatMap(c -> redis.opsForValue()
				.set(InboxKeys.lock(InboundEvent.conversationOf(ACCOUNT, "held-" + c, "-")), "live-elsewhere",
						Duration.ofMinutes(5)))
			.blockLast();
		for (int from = 0; from < held; from += 100) {
			List<InboundEvent> body = new ArrayList<>();
			for (int c = from; c < from + 100; c++) {
				body.add(event("held-" + c, now, "m"));
			}
			journal.record(body).block();
		}
		journal.record(List.of(event("orphan", now + 1, "m"))).block();
		readAs("crashed-instance");

		startInstances(1, defaults);

		await().atMost(Duration.ofSeconds(15)).until(() -> handler.handledFor("orphan").size() == 1);
		assertThat(handler.handled).hasSize(1);
	}

	@Test
	void anEventHeldByACrashedInstanceIsClaimedAndFinishedByAnother() {
		EventJournal journal = journal(defaults);
		journal.record(List.of(event("crash", System.currentTimeMillis(), "orphan"))).block();
		readAs("crashed-instance");
		assertThat(pendingCount()).isEqualTo(1);

		startInstances(1, defaults);

		await().atMost(Duration.ofSeconds(15)).until(() -> handler.handledFor("crash").size() == 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> pendingCount() == 0);
	}

	@Test
	void aConversationWithTwentyThousandWaitingEventsIsWorkedThroughInOrder() {
		EventJournal journal = journal(defaults);
		long base = System.currentTimeMillis();
		int events = 20_000;
		for (int from = 0; from < events; from += 1_000) {
			List<InboundEvent> body = new ArrayList<>();
			for (int n = from; n < from + 1_000; n++) {
				body.add(event("deep", base + n, "n" + n));
			}
			journal.record(body).block();
		}
		handler.delay = Duration.ZERO;

		startInstances(1, defaults);

		await().atMost(Duration.ofSeconds(120)).until(() -> handler.handled.size() == events);
		assertThat(handler.handled).extracting(InboundEvent::timestamp).isSortedAccordingTo(Long::compare);
	}

	private void startInstances(int count, InboxProperties properties) {
		for (int i = 0; i < count; i++) {
			EventStreamWorker instance = new EventStreamWorker(redis, isolated.connectionFactory(), handler, properties,
					meters);
			instances.add(instance);
			instance.start();
		}
	}

	private EventJournal journal(InboxProperties properties) {
		return new EventJournal(redis, properties, meters);
	}

	/** Reads every new entry as a consumer that then dies without acknowledging any. */
	private void readAs(String consumer) {
		redis.execute(LuaScripts.CREATE_GROUP, List.of(InboxKeys.EVENTS), List.of(InboxKeys.GROUP)).blockLast();
		redis.opsForStream()
			.read(Consumer.from(InboxKeys.GROUP, consumer), StreamReadOptions.empty().count(100_000),
					StreamOffset.create(InboxKeys.EVENTS, ReadOffset.lastConsumed()))
			.collectList()
			.block();
	}

	private long pendingCount() {
		return redis.opsForStream().pending(InboxKeys.EVENTS, InboxKeys.GROUP).block().getTotalPendingMessages();
	}

	private static InboxProperties with(InboxProperties properties, UnaryOperator<InboxProperties> change) {
		return change.apply(properties);
	}

	private static InboundEvent event(String customer, long timestamp, String marker) {
		String payload = "{\"marker\":\"" + marker + "\",\"timestamp\":" + timestamp + "}";
		return new InboundEvent(EventKind.MESSAGE, ACCOUNT, customer, timestamp, key(customer, marker), payload);
	}

	private static String key(String customer, String marker) {
		return "test:" + customer + ":" + marker;
	}

	/**
	 * Records what it handles, throws on events marked "throw" (and on "fail" until told otherwise), and notices two
	 * events of one conversation at once.
	 */
	private static final class RecordingHandler implements InboundEventHandler {

		final List<InboundEvent> handled = new CopyOnWriteArrayList<>();

		final Map<String, Integer> attempts = new ConcurrentHashMap<>();

		final AtomicInteger overlaps = new AtomicInteger();

		final AtomicInteger failuresBeforeSuccess = new AtomicInteger();

		final List<Long> failedAt = new CopyOnWriteArrayList<>();

		volatile Duration delay = Duration.ofMillis(5);

		private final Map<String, AtomicInteger> busy = new ConcurrentHashMap<>();

		@Override
		public Mono<Void> handle(InboundEvent event, EventContext context) {
			if (event.payload().contains("\"throw\"")) {
				// a handler that fails before returning its Mono, as a mapping error would
				attempts.merge(event.customer() + "/throw", 1, Integer::sum);
				throw new IllegalStateException("poisoned event");
			}
			if (event.payload().contains("\"fail\"") && failuresBeforeSuccess.getAndDecrement() > 0) {
				failedAt.add(System.currentTimeMillis());
				return Mono.error(new IllegalStateException("not yet"));
			}
			if (event.payload().contains("\"fail\"")) {
				failedAt.add(System.currentTimeMillis());
			}
			AtomicInteger inFlight = busy.computeIfAbsent(event.conversationId(), id -> new AtomicInteger());
			if (inFlight.incrementAndGet() > 1) {
				overlaps.incrementAndGet();
			}
			Mono<Long> pause = delay.isZero() ? Mono.just(0L) : Mono.delay(delay);
			return pause.then(Mono.fromRunnable(() -> {
				inFlight.decrementAndGet();
				handled.add(event);
			}));
		}

		List<InboundEvent> handledFor(String customer) {
			return handled.stream().filter(event -> event.customer().equals(customer)).toList();
		}

		List<Long> waitsBetweenAttempts() {
			List<Long> waits = new ArrayList<>();
			for (int i = 1; i < failedAt.size(); i++) {
				waits.add(failedAt.get(i) - failedAt.get(i - 1));
			}
			return Collections.unmodifiableList(waits);
		}

		Map<String, List<Long>> timestampsByConversation() {
			Map<String, List<Long>> byConversation = new ConcurrentHashMap<>();
			handled.forEach(event -> byConversation.computeIfAbsent(event.conversationId(), id -> new ArrayList<>())
				.add(event.timestamp()));
			return byConversation;
		}

	}

}
