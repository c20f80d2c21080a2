package id.posindonesia.balas.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import id.posindonesia.balas.BalasIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pipeline's promises under several instances: per-conversation order and exclusivity, takeover of what a
 * crashed instance held, and the dead-letter stream. The application's own worker is stopped meanwhile, and two
 * workers stand in for two Balas instances sharing one Redis.
 */
@BalasIntegrationTest
class EventStreamWorkerTest {

	private static final String ACCOUNT = "17841400000000099";

	@Autowired
	private EventStreamWorker applicationWorker;

	@Autowired
	private EventJournal journal;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@Autowired
	private ReactiveRedisConnectionFactory connectionFactory;

	@Autowired
	private ConversationLock lock;

	@Autowired
	private InboxProperties properties;

	@Autowired
	private MeterRegistry meters;

	private final List<EventStreamWorker> instances = new ArrayList<>();

	private final RecordingHandler handler = new RecordingHandler();

	@AfterEach
	void restoreTheApplicationWorker() {
		instances.forEach(EventStreamWorker::stop);
		if (!applicationWorker.isRunning()) {
			applicationWorker.start();
		}
	}

	@Test
	void twoInstancesProcessEachConversationOneEventAtATimeInTimestampOrder() {
		applicationWorker.stop();
		List<InboundEvent> events = new ArrayList<>();
		long base = System.currentTimeMillis();
		for (int conversation = 0; conversation < 6; conversation++) {
			for (int n = 0; n < 15; n++) {
				events.add(event("order-" + conversation + "-" + base, base + n * 1000L, "n" + n));
			}
		}
		Collections.shuffle(events, new Random(7));
		// delivered in many small webhook bodies, out of order, as Meta's retries can do
		for (int i = 0; i < events.size(); i += 4) {
			journal.record(events.subList(i, Math.min(i + 4, events.size()))).block();
		}

		startInstances(2);

		await().atMost(Duration.ofSeconds(30)).until(() -> handler.handled.size() == events.size());
		assertThat(handler.overlaps.get()).as("events of one conversation processed at the same time").isZero();
		handler.timestampsByConversation().forEach((conversation, timestamps) ->
			assertThat(timestamps).as(conversation).isSortedAccordingTo(Long::compare).hasSize(15));
		assertThat(handler.handled).extracting(InboundEvent::dedupeKey).doesNotHaveDuplicates();
		await().atMost(Duration.ofSeconds(5)).until(() -> pendingCount() == 0);
	}

	@Test
	void eventsWithTheSameTimestampKeepTheOrderOfTheirBody() {
		applicationWorker.stop();
		String customer = "same-ms-" + System.nanoTime();
		long now = System.currentTimeMillis();
		List<InboundEvent> body = new ArrayList<>();
		for (int n = 0; n < 14; n++) {
			body.add(event(customer, now, "n" + n));
		}
		journal.record(body).block();

		startInstances(1);

		await().atMost(Duration.ofSeconds(15)).until(() -> handler.handledFor(customer).size() == 14);
		assertThat(handler.handledFor(customer)).extracting(InboundEvent::dedupeKey)
			.containsExactlyElementsOf(body.stream().map(InboundEvent::dedupeKey).toList());
	}

	@Test
	void anEventHeldByACrashedInstanceIsClaimedAndFinishedByAnother() {
		applicationWorker.stop();
		InboundEvent event = event("crash-" + System.nanoTime(), System.currentTimeMillis(), "orphan");
		journal.record(List.of(event)).block();
		// the "crashed" instance reads the event and dies before acknowledging it; the application worker that was
		// just stopped may have had a read in flight that took it first, and is then just as dead
		redis.opsForStream()
			.read(Consumer.from(InboxKeys.GROUP, "crashed-instance"), StreamReadOptions.empty().count(1000),
					StreamOffset.create(InboxKeys.EVENTS, ReadOffset.lastConsumed()))
			.blockLast();
		String streamId = redis.opsForZSet().range(InboxKeys.inbox(event.conversationId()), Range.closed(0L, 0L)).blockFirst();
		assertThat(holderOf(streamId)).isNotNull();

		startInstances(1);

		await().atMost(Duration.ofSeconds(15)).until(() -> handler.handledFor(event.customer()).size() == 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> holderOf(streamId) == null);
	}

	@Test
	void anEventThatKeepsFailingGoesToTheDeadLetterStreamAndTheConversationMovesOn() {
		applicationWorker.stop();
		String customer = "poison-" + System.nanoTime();
		long now = System.currentTimeMillis();
		double deadLetteredBefore = meters.counter("balas.events.dead_lettered").count();
		// several cues for one conversation: each of them must not spend another attempt on the failing event
		journal.record(List.of(event(customer, now, "throw"), event(customer, now + 1, "after"))).block();
		journal.record(List.of(event(customer, now + 2, "later"))).block();
		journal.record(List.of(event(customer, now + 3, "latest"))).block();

		startInstances(1);

		// the conversation moves on once the failing event is dead-lettered: all three later events are handled
		await().atMost(Duration.ofSeconds(20)).until(() -> handler.handledFor(customer).size() == 3);
		assertThat(handler.attempts.get(customer + "/throw")).isEqualTo(properties.maxAttempts());
		assertThat(handler.handledFor(customer)).extracting(InboundEvent::timestamp).containsExactly(now + 1, now + 2, now + 3);
		for (int attempt = 1; attempt < handler.failedAt.size(); attempt++) {
			long wait = handler.failedAt.get(attempt) - handler.failedAt.get(attempt - 1);
			assertThat(wait).as("wait before attempt %d", attempt + 1)
				.isGreaterThanOrEqualTo(properties.firstRetryDelay().toMillis() << (attempt - 1));
		}
		assertThat(meters.counter("balas.events.dead_lettered").count()).isEqualTo(deadLetteredBefore + 1);
		List<MapRecord<String, Object, Object>> deadLetters = redis.opsForStream()
			.range(InboxKeys.DEAD_LETTER, Range.unbounded())
			.filter(record -> customer.equals(record.getValue().get("customer")))
			.collectList()
			.block();
		assertThat(deadLetters).singleElement().satisfies(record -> {
			assertThat(record.getValue()).containsEntry("attempts", Integer.toString(properties.maxAttempts()));
			assertThat((String) record.getValue().get("error")).contains("poisoned");
			assertThat((String) record.getValue().get("payload")).contains("throw");
		});
	}

	private void startInstances(int count) {
		for (int i = 0; i < count; i++) {
			EventStreamWorker instance = new EventStreamWorker(redis, connectionFactory, lock, handler, properties, meters);
			instances.add(instance);
			instance.start();
		}
	}

	private long pendingCount() {
		return redis.opsForStream().pending(InboxKeys.EVENTS, InboxKeys.GROUP).block().getTotalPendingMessages();
	}

	/** The consumer that holds the stream entry unacknowledged, or null once it is acknowledged. */
	private String holderOf(String streamId) {
		PendingMessages pending = redis.opsForStream()
			.pending(InboxKeys.EVENTS, InboxKeys.GROUP, Range.unbounded(), 10_000)
			.block();
		return pending.stream()
			.filter(message -> message.getIdAsString().equals(streamId))
			.map(PendingMessage::getConsumerName)
			.findFirst()
			.orElse(null);
	}

	private static InboundEvent event(String customer, long timestamp, String marker) {
		String payload = "{\"marker\":\"" + marker + "\",\"timestamp\":" + timestamp + "}";
		return new InboundEvent(EventKind.MESSAGE, ACCOUNT, customer, timestamp, "test:" + customer + ":" + marker,
				payload);
	}

	/** Records what it handles, throws on events marked "throw", and notices two events of one conversation at once. */
	private static final class RecordingHandler implements InboundEventHandler {

		final List<InboundEvent> handled = new CopyOnWriteArrayList<>();

		final Map<String, Integer> attempts = new ConcurrentHashMap<>();

		final AtomicInteger overlaps = new AtomicInteger();

		private final Map<String, AtomicInteger> busy = new ConcurrentHashMap<>();

		final List<Long> failedAt = new CopyOnWriteArrayList<>();

		@Override
		public Mono<Void> handle(InboundEvent event, long receivedAt) {
			if (event.payload().contains("\"throw\"")) {
				// a handler that fails before returning its Mono, as a mapping error would
				failedAt.add(System.currentTimeMillis());
				attempts.merge(event.customer() + "/throw", 1, Integer::sum);
				throw new IllegalStateException("poisoned event");
			}
			AtomicInteger inFlight = busy.computeIfAbsent(event.conversationId(), id -> new AtomicInteger());
			return Mono.fromRunnable(() -> {
				if (inFlight.incrementAndGet() > 1) {
					overlaps.incrementAndGet();
				}
			})
				.then(Mono.delay(Duration.ofMillis(5)))
				.then(Mono.defer(() -> {
					inFlight.decrementAndGet();
					handled.add(event);
					return Mono.<Void>empty();
				}));
		}

		List<InboundEvent> handledFor(String customer) {
			return handled.stream().filter(event -> event.customer().equals(customer)).toList();
		}

		Map<String, List<Long>> timestampsByConversation() {
			Map<String, List<Long>> byConversation = new ConcurrentHashMap<>();
			handled.forEach(event -> byConversation.computeIfAbsent(event.conversationId(), id -> new ArrayList<>())
				.add(event.timestamp()));
			return byConversation;
		}

	}

}
