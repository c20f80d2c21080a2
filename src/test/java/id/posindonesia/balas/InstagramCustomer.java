package id.posindonesia.balas;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;

/**
 * A customer writing to an Instagram account through Meta's signed webhook, reading what Balas sent back from the
 * sandbox Graph API. Each has an id of their own, so tests sharing one application do not meet.
 */
public final class InstagramCustomer {

	// message timestamps only ever grow, as Meta's do within a conversation, and keep up with the wall clock
	private static final AtomicLong CLOCK = new AtomicLong();

	private final WebTestClient client;

	private final WireMockServer graph;

	private final String account;

	private final String id;

	public InstagramCustomer(WebTestClient client, WireMockServer graph, String account, String id) {
		this.client = client;
		this.graph = graph;
		this.account = account;
		this.id = id;
	}

	/** A customer nobody has met yet. */
	public static InstagramCustomer newOn(String account, WebTestClient client, WireMockServer graph) {
		return new InstagramCustomer(client, graph, account,
				Long.toString(6_700_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000L)));
	}

	public String id() {
		return id;
	}

	public String conversationId() {
		return account + ":" + id;
	}

	/** Writes {@code text} and answers Balas's reply: the texts of the messages it sent, joined. */
	public String say(String text) {
		return exchange(() -> write(text));
	}

	/** Taps a quick reply and answers Balas's reply. */
	public String tap(String payload, String title) {
		long at = now();
		return exchange(() -> MetaWebhooks.deliver(client, """
				{"object":"instagram","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},\
				"recipient":{"id":"%s"},"timestamp":%d,"message":{"mid":"mid-%s-%d","text":"%s",\
				"quick_reply":{"payload":"%s"}}}]}]}""".formatted(account, at, id, account, at, id, at, title, payload)
			.getBytes(StandardCharsets.UTF_8)));
	}

	/** Writes {@code text} without waiting for anything. */
	public void write(String text) {
		writeAt(now(), text);
	}

	/** Writes {@code text} as if sent at {@code epochMillis}. */
	public void writeAt(long epochMillis, String text) {
		MetaWebhooks.deliver(client, MetaWebhooks.textMessage(account, id, "mid-" + id + "-" + epochMillis, epochMillis,
				text));
	}

	/** Every text Balas or an agent sent this customer, oldest first. */
	public List<String> texts() {
		return SentMessages.textsTo(graph, id).stream().map(call -> call.get("message")).toList();
	}

	/** The payloads of the quick replies under the last message Balas sent. */
	public List<String> quickRepliesOfLast() {
		List<String> texts = texts();
		String last = texts.get(texts.size() - 1);
		return List.of(last.split("\"payload\":\"")).stream().skip(1).map(part -> part.substring(0, part.indexOf('"'))).toList();
	}

	/** Every Send API call to this customer, texts and sender actions, as form parameters. */
	public List<Map<String, String>> sendApiCalls() {
		return SentMessages.to(graph, id);
	}

	/** Waits until a new text reaches this customer and answers it with any that follow it closely. */
	public String nextTexts(int seenBefore) {
		await().atMost(Duration.ofSeconds(20)).until(() -> texts().size() > seenBefore);
		// a turn's messages go out one after the other; give the rest a moment to arrive
		await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> true);
		List<String> texts = texts();
		return String.join("\n", texts.subList(seenBefore, texts.size()));
	}

	private static long now() {
		return CLOCK.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()));
	}

	private String exchange(Runnable send) {
		int before = texts().size();
		send.run();
		return nextTexts(before);
	}

}
