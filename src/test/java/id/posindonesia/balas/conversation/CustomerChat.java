package id.posindonesia.balas.conversation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.springframework.test.web.reactive.server.WebTestClient;

import id.posindonesia.balas.MetaWebhooks;
import id.posindonesia.balas.SentMessages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Customers writing to one Instagram account through Meta's signed webhook, and what Balas sent them back as the
 * sandbox Graph API recorded it.
 */
final class CustomerChat {

	// webhook timestamps that only grow, so that a customer's messages are processed in the order written
	private static final AtomicLong CLOCK = new AtomicLong(System.currentTimeMillis());

	private final WebTestClient client;

	private final WireMockServer graph;

	private final String account;

	CustomerChat(WebTestClient client, WireMockServer graph, String account) {
		this.client = client;
		this.graph = graph;
		this.account = account;
	}

	/** Sends a text as the customer and answers Balas's reply, the texts of all messages it sent joined. */
	String say(String customer, String text) {
		long at = CLOCK.incrementAndGet();
		return exchange(customer, MetaWebhooks.textMessage(account, customer, "mid-" + customer + "-" + at, at, text));
	}

	/** Taps a quick reply as the customer; answers like {@link #say}. */
	String tap(String customer, String payload, String title) {
		long at = CLOCK.incrementAndGet();
		return exchange(customer, """
				{"object":"instagram","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},\
				"recipient":{"id":"%s"},"timestamp":%d,"message":{"mid":"mid-%s-%d","text":"%s",\
				"quick_reply":{"payload":"%s"}}}]}]}""".formatted(account, at, customer, account, at, customer, at, title,
				payload).getBytes(StandardCharsets.UTF_8));
	}

	/** The payloads of the quick replies under the last message Balas sent the customer. */
	List<String> quickRepliesOfLast(String customer) {
		List<Map<String, String>> texts = SentMessages.textsTo(graph, customer);
		String last = texts.get(texts.size() - 1).get("message");
		return List.of(last.split("\"payload\":\"")).stream().skip(1).map(part -> part.substring(0, part.indexOf('"'))).toList();
	}

	private String exchange(String customer, byte[] body) {
		int before = SentMessages.textsTo(graph, customer).size();
		MetaWebhooks.deliver(client, body);
		await().atMost(Duration.ofSeconds(20)).until(() -> SentMessages.textsTo(graph, customer).size() > before);
		// a turn's messages go out one after the other; give the rest a moment to arrive
		await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> true);
		List<Map<String, String>> sent = SentMessages.textsTo(graph, customer);
		assertThat(sent).hasSizeGreaterThan(before);
		return String.join("\n", sent.subList(before, sent.size()).stream().map(call -> call.get("message")).toList());
	}

	/** A customer id no other test uses. */
	static String newCustomer() {
		return Long.toString(6_600_000_000_000_000L + (long) (Math.random() * 1_000_000_000_000L));
	}

}
