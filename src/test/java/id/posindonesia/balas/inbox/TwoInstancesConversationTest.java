package id.posindonesia.balas.inbox;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.posindonesia.balas.BalasIntegrationTest;
import id.posindonesia.balas.MetaWebhooks;
import id.posindonesia.balas.SentMessages;
import id.posindonesia.balas.sandbox.Sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Balas instances on one Redis, both consuming, answer one customer's quick messages in the order they were
 * written: the replies alternate exactly as the questions did.
 */
@BalasIntegrationTest
class TwoInstancesConversationTest {

	private static final String ACCOUNT = "17841400000000008";

	@Autowired
	private WebTestClient client;

	@Autowired
	private Sandbox sandbox;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@Autowired
	private ReactiveRedisConnectionFactory connectionFactory;

	@Autowired
	private InboundEventHandler conversations;

	@Autowired
	private InboxProperties properties;

	@Autowired
	private MeterRegistry meters;

	@Test
	void twoInstancesAnswerOneConversationInOrder() {
		EventStreamWorker secondInstance = new EventStreamWorker(redis, connectionFactory, conversations, properties,
				meters);
		secondInstance.start();
		try {
			String customer = Long.toString(6_800_000_000_000_000L + (long) (Math.random() * 1_000_000_000_000L));
			long now = System.currentTimeMillis();
			int questions = 12;
			for (int n = 0; n < questions; n++) {
				String text = n % 2 == 0 ? "nomor halo pos berapa?" : "halo min selamat pagi";
				MetaWebhooks.deliver(client, MetaWebhooks.textMessage(ACCOUNT, customer, "mid-" + customer + "-" + n,
						now + n, text));
			}

			await().atMost(Duration.ofSeconds(30))
				.until(() -> SentMessages.textsTo(sandbox.server(), customer).size() == questions);
			List<String> replies = SentMessages.textsTo(sandbox.server(), customer)
				.stream()
				.map(call -> call.get("message"))
				.toList();
			for (int n = 0; n < questions; n++) {
				assertThat(replies.get(n)).as("reply %d", n).contains(n % 2 == 0 ? "1500161" : "asisten virtual");
			}
		}
		finally {
			secondInstance.stop();
		}
	}

}
