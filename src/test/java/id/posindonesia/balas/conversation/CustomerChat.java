package id.posindonesia.balas.conversation;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.springframework.test.web.reactive.server.WebTestClient;

import id.posindonesia.balas.InstagramCustomer;

/**
 * Customers writing to one Instagram account through Meta's signed webhook, and what Balas sent them back as the
 * sandbox Graph API recorded it.
 */
final class CustomerChat {

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
		return as(customer).say(text);
	}

	/** Taps a quick reply as the customer; answers like {@link #say}. */
	String tap(String customer, String payload, String title) {
		return as(customer).tap(payload, title);
	}

	/** The payloads of the quick replies under the last message Balas sent the customer. */
	List<String> quickRepliesOfLast(String customer) {
		return as(customer).quickRepliesOfLast();
	}

	private InstagramCustomer as(String customer) {
		return new InstagramCustomer(client, graph, account, customer);
	}

	/** A customer id no other test uses. */
	static String newCustomer() {
		return Long.toString(6_600_000_000_000_000L + (long) (Math.random() * 1_000_000_000_000L));
	}

}
