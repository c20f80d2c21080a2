package id.posindonesia.balas.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import id.posindonesia.balas.BalasIntegrationTest;
import id.posindonesia.balas.SentMessages;
import id.posindonesia.balas.graph.GraphClients;
import id.posindonesia.balas.graph.SendBudgets;
import id.posindonesia.balas.inbox.ConversationSlot;
import id.posindonesia.balas.inbox.EventContext;
import id.posindonesia.balas.sandbox.Sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each committed message reaches the customer at most once: an event processed again sends only what the Graph API
 * has not taken, a send without an answer is never repeated, and a holder that lost the lease sends nothing.
 */
@BalasIntegrationTest
class OutgoingMessagesTest {

	private static final String ACCOUNT = "17841400000000004";

	@Autowired
	private ConversationRepository conversations;

	@Autowired
	private OutgoingMessages outgoing;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private Sandbox sandbox;

	private final List<StubMapping> stubs = new ArrayList<>();

	@AfterEach
	void removeStubs() {
		stubs.forEach(sandbox.server()::removeStub);
	}

	@Test
	void anEventProcessedAgainSendsOnlyTheMessagesNotYetTaken() {
		String customer = newCustomer();
		String conversation = ACCOUNT + ":" + customer;
		EventContext lease = holdLease(conversation);
		commit(conversation, "e1", "pesan-1 " + customer, "pesan-2 " + customer, "pesan-3 " + customer);
		// the second message fails until the first delivery has given up on it
		String scenario = "second-fails-" + customer;
		stub(sendOf("pesan-2", customer).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(500).withBody("{}")));
		stub(sendOf("pesan-2", customer).inScenario(scenario).whenScenarioStateIs("recovered")
			.willReturn(aResponse().withStatus(200).withBody("{\"recipient_id\":\"" + customer + "\",\"message_id\":\"m2\"}")));

		assertThatThrownBy(() -> outgoing.deliver(conversation, "e1", lease, ACCOUNT, customer).block()).isNotNull();
		sandbox.server().setScenarioState(scenario, "recovered");
		outgoing.deliver(conversation, "e1", lease, ACCOUNT, customer).block(Duration.ofSeconds(10));
		outgoing.deliver(conversation, "e1", lease, ACCOUNT, customer).block(Duration.ofSeconds(10));

		List<String> texts = SentMessages.textsTo(sandbox.server(), customer).stream().map(call -> call.get("message")).toList();
		assertThat(texts.stream().filter(text -> text.contains("pesan-1"))).hasSize(1);
		assertThat(texts.stream().filter(text -> text.contains("pesan-3"))).hasSize(1);
		// three refused attempts in the first delivery, one accepted in the second
		assertThat(texts.stream().filter(text -> text.contains("pesan-2"))).hasSize(4);
		assertThat(texts.get(0)).contains("pesan-1");
		assertThat(texts.get(texts.size() - 1)).contains("pesan-3");
	}

	@Test
	void aSendThatGotNoAnswerIsNeverSentAgain() {
		String customer = newCustomer();
		String conversation = ACCOUNT + ":" + customer;
		EventContext lease = holdLease(conversation);
		commit(conversation, "e1", "lambat " + customer, "berikutnya " + customer);
		stub(sendOf("lambat", customer).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)
			.withBody("{\"recipient_id\":\"" + customer + "\",\"message_id\":\"m\"}")));
		double unknownBefore = meters.counter("balas.graph.sends.unknown").count();
		OutgoingMessages impatient = new OutgoingMessages(redis, GraphClients.withReadTimeout(context,
				Duration.ofMillis(500)), meters);

		impatient.deliver(conversation, "e1", lease, ACCOUNT, customer).block(Duration.ofSeconds(10));
		impatient.deliver(conversation, "e1", lease, ACCOUNT, customer).block(Duration.ofSeconds(10));

		List<String> texts = SentMessages.textsTo(sandbox.server(), customer).stream().map(call -> call.get("message")).toList();
		assertThat(texts).hasSize(2);
		assertThat(texts.get(0)).contains("lambat");
		assertThat(texts.get(1)).contains("berikutnya");
		assertThat(meters.counter("balas.graph.sends.unknown").count()).isEqualTo(unknownBefore + 1);
	}

	@Test
	void aSendCancelledWhileWaitingForTheBudgetIsSentByTheNextAttempt() throws InterruptedException {
		String account = SendBudgets.account();
		String customer = newCustomer();
		String conversation = account + ":" + customer;
		EventContext lease = holdLease(conversation);
		commit(conversation, "e1", "tertunda " + customer);
		SendBudgets.spendUntilRefilled(redis, account).block();
		double unknownBefore = meters.counter("balas.graph.sends.unknown").count();

		// cancelled as a lost lease, a handler timeout or a shutdown cancels it, before any unit came free
		Disposable waiting = outgoing.deliver(conversation, "e1", lease, account, customer).subscribe();
		Thread.sleep(500);
		waiting.dispose();
		assertThat(SentMessages.textsTo(sandbox.server(), customer)).as("sent while the budget was spent").isEmpty();
		SendBudgets.refill(redis, account).block();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> redis.<String, String>opsForHash().get(OutgoingMessages.key(conversation, "e1"), "status:1")
				.blockOptional()
				.isEmpty());
		outgoing.deliver(conversation, "e1", lease, account, customer).block(Duration.ofSeconds(10));

		assertThat(SentMessages.textsTo(sandbox.server(), customer)).singleElement()
			.satisfies(call -> assertThat(call.get("message")).contains("tertunda"));
		assertThat(meters.counter("balas.graph.sends.unknown").count()).isEqualTo(unknownBefore);
	}

	@Test
	void aHolderThatLostTheLeaseSendsNothing() {
		String customer = newCustomer();
		String conversation = ACCOUNT + ":" + customer;
		EventContext stale = holdLease(conversation);
		commit(conversation, "e1", "jangan terkirim " + customer);
		redis.opsForValue().set(stale.leaseKey(), "another-instance/1-0").block();

		assertThatThrownBy(() -> outgoing.deliver(conversation, "e1", stale, ACCOUNT, customer).block()).isNotNull();

		assertThat(SentMessages.textsTo(sandbox.server(), customer)).isEmpty();
	}

	private void commit(String conversation, String event, String... messages) {
		List<Reply> replies = java.util.Arrays.stream(messages).map(text -> new Reply(text, List.of())).toList();
		conversations.commit(conversation, event, state -> Mono.just(new Turn(state, replies))).block();
	}

	private EventContext holdLease(String conversation) {
		String key = ConversationSlot.key(conversation, "lock");
		String owner = "test/" + UUID.randomUUID();
		redis.opsForValue().set(key, owner, Duration.ofMinutes(1)).block();
		return new EventContext(System.currentTimeMillis(), key, owner);
	}

	private static MappingBuilder sendOf(String marker, String customer) {
		return post(urlPathMatching("/v[0-9.]+/me/messages")).atPriority(0)
			.withRequestBody(containing(marker))
			.withRequestBody(containing(customer));
	}

	private void stub(MappingBuilder mapping) {
		stubs.add(sandbox.server().stubFor(mapping));
	}

	private static String newCustomer() {
		return Long.toString(6_400_000_000_000_000L + (long) (Math.random() * 1_000_000_000_000L));
	}

}
