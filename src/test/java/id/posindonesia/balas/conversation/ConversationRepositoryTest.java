package id.posindonesia.balas.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import id.posindonesia.balas.BalasIntegrationTest;
import id.posindonesia.balas.nlu.Language;

import static org.assertj.core.api.Assertions.assertThat;

@BalasIntegrationTest
class ConversationRepositoryTest {

	private static final Instant START = Instant.parse("2026-11-28T08:00:00Z");

	@Autowired
	private ConversationRepository conversations;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@Autowired
	private Transcript transcript;

	@Test
	void anUnknownConversationStartsNew() {
		ConversationState state = conversations.find(newConversation()).block();

		assertThat(state).isEqualTo(ConversationState.initial());
	}

	/**
	 * Writer A reads the state, then waits until writer B has read the same version and written its change. A's write
	 * must then be refused and A must decide again on B's state: without the version check A would overwrite B.
	 */
	@Test
	void aWriterThatReadAnOlderVersionDecidesAgainInsteadOfOverwriting() throws InterruptedException {
		String conversation = newConversation();
		CountDownLatch bWrote = new CountDownLatch(1);
		AtomicInteger decisionsOfA = new AtomicInteger();

		Mono<Turn> a = conversations.commit(conversation, "event-a", state -> {
			decisionsOfA.incrementAndGet();
			return Mono.fromCallable(() -> bWrote.await(10, TimeUnit.SECONDS))
				.subscribeOn(Schedulers.boundedElastic())
				.thenReturn(Turn.silent(state.inFlow(state.flow() + "+a", Map.of())));
		});
		var pendingA = a.toFuture();
		conversations.commit(conversation, "event-b", state -> Mono.just(Turn.silent(state.inFlow("b", Map.of()))))
			.block(Duration.ofSeconds(10));
		bWrote.countDown();
		pendingA.join();

		ConversationState stored = conversations.find(conversation).block();
		assertThat(stored.flow()).isEqualTo("b+a");
		assertThat(stored.version()).isEqualTo(2);
		assertThat(decisionsOfA.get()).isEqualTo(2);
	}

	@Test
	void anEventsTurnIsCommittedOnceEvenWhenTheEventIsProcessedAgain() {
		String conversation = newConversation();

		conversations.commit(conversation, "event-1",
				state -> Mono.just(new Turn(state.withInbound(START), List.of(reply("pertama")), heard("halo")))).block();
		conversations.commit(conversation, "event-1", state -> Mono
			.just(new Turn(state.inFlow("changed on retry", Map.of()), List.of(reply("lagi")), heard("halo")))).block();

		ConversationState stored = conversations.find(conversation).block();
		assertThat(stored.version()).isEqualTo(1);
		assertThat(stored.inFlow()).isFalse();
		assertThat(redis.<String, String>opsForHash().entries(OutgoingMessages.key(conversation, "event-1"))
			.collectMap(e -> e.getKey(), e -> e.getValue()).block())
			.containsEntry("count", "1").containsEntry("text:1", "pertama");
		assertThat(transcript.read(conversation).collectList().block()).extracting(TranscriptLine::text)
			.containsExactly("halo", "pertama");
	}

	@Test
	void theTranscriptKeepsTheLatestLinesOnly() {
		String conversation = newConversation();

		for (int n = 0; n < 260; n++) {
			String said = "pesan " + n;
			conversations.commit(conversation, "e" + n,
					state -> Mono.just(new Turn(state, List.of(reply("balasan")), heard(said)))).block();
		}

		List<TranscriptLine> lines = transcript.read(conversation).collectList().block();
		assertThat(lines).hasSize(500);
		assertThat(lines.get(0).text()).isEqualTo("pesan 10");
		assertThat(lines.get(499).text()).isEqualTo("balasan");
	}

	@Test
	void aMaskedTranscriptHidesVerificationDataAndPhoneNumbers() {
		TranscriptLine verification = new TranscriptLine(START, TranscriptLine.Author.CUSTOMER, "BUDI SANTOSO 7890", true);
		TranscriptLine phone = new TranscriptLine(START, TranscriptLine.Author.CUSTOMER,
				"hubungi saya di 0812-3456-7890 atau +62 857 1234 5678 ya", false);

		assertThat(verification.masked().text()).isEqualTo("•••");
		assertThat(phone.masked().text()).isEqualTo("hubungi saya di ••••90 atau ••••78 ya");
		assertThat(phone.text()).contains("0812-3456-7890");
	}

	@Test
	void longRepliesAreCommittedAsSeveralMessagesInOrder() {
		String conversation = newConversation();
		StringBuilder reply = new StringBuilder();
		for (int n = 1; n <= 150; n++) {
			reply.append("langkah-").append(n).append(" selesai. ");
		}

		conversations.commit(conversation, "long", state -> Mono.just(new Turn(state, List.of(reply(reply.toString())))))
			.block();

		var messages = redis.<String, String>opsForHash().entries(OutgoingMessages.key(conversation, "long"))
			.collectMap(e -> e.getKey(), e -> e.getValue()).block();
		int count = Integer.parseInt(messages.get("count"));
		assertThat(count).isGreaterThan(1);
		StringBuilder joined = new StringBuilder();
		for (int i = 1; i <= count; i++) {
			assertThat(messages.get("text:" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
				.isLessThanOrEqualTo(1000);
			joined.append(messages.get("text:" + i)).append(' ');
		}
		assertThat(joined.toString().strip()).isEqualTo(reply.toString().strip());
	}

	@Test
	void recordsExpireAfterTheConfiguredTtl() {
		String conversation = newConversation();

		conversations.commit(conversation, "e", state -> Mono.just(Turn.silent(state.inFlow("tracking", Map.of("barcode", "1")))))
			.block();

		Duration ttl = redis.getExpire(ConversationRepository.stateKey(conversation)).block();
		assertThat(ttl).isBetween(Duration.ofDays(29), Duration.ofDays(30));
		Duration repliesTtl = redis.getExpire(OutgoingMessages.key(conversation, "e")).block();
		assertThat(repliesTtl).isBetween(Duration.ofDays(2), Duration.ofDays(3));
	}

	@Test
	void slotsOfAFormSurviveTheRoundTripThroughRedis() {
		String conversation = newConversation();
		Map<String, String> slots = Map.of("barcode", "16012345678", "claim", "budi|7890", "attempts", "1");

		conversations.commit(conversation, "e", state -> Mono.just(Turn.silent(state.inFlow("tracking", slots)
			.withLanguage(Language.EN)))).block();

		ConversationState stored = conversations.find(conversation).block();
		assertThat(stored.flow()).isEqualTo("tracking");
		assertThat(stored.slots()).isEqualTo(slots);
		assertThat(stored.language()).isEqualTo(Language.EN);
	}

	private static TranscriptLine heard(String text) {
		return new TranscriptLine(START, TranscriptLine.Author.CUSTOMER, text, false);
	}

	private static Reply reply(String text) {
		return new Reply(text, List.of());
	}

	private static String newConversation() {
		return "17841400000000003:" + UUID.randomUUID();
	}

}
