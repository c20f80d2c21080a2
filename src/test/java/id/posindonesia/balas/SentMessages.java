package id.posindonesia.balas;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/** What the sandbox Graph API received, read back as the form parameters restfb sends. */
public final class SentMessages {

	private SentMessages() {
	}

	/** Every Send API call addressed to {@code recipient}, oldest first. */
	public static List<Map<String, String>> to(WireMockServer graph, String recipient) {
		return graph.findAll(postRequestedFor(urlPathMatching("/v[0-9.]+/me/messages")))
			.stream()
			.map(SentMessages::form)
			.filter(form -> form.getOrDefault("recipient", "").contains("\"" + recipient + "\""))
			.toList();
	}

	/** Only the text messages (not sender actions) addressed to {@code recipient}. */
	public static List<Map<String, String>> textsTo(WireMockServer graph, String recipient) {
		return to(graph, recipient).stream().filter(form -> form.containsKey("message")).toList();
	}

	/** The text messages each recipient got, oldest first, from one read of the journal. */
	public static Map<String, List<String>> textsByRecipient(WireMockServer graph) {
		return graph.findAll(postRequestedFor(urlPathMatching("/v[0-9.]+/me/messages")))
			.stream()
			.map(SentMessages::form)
			.filter(form -> form.containsKey("message"))
			.collect(Collectors.groupingBy(form -> form.getOrDefault("recipient", "").replaceAll("\\D", ""),
					Collectors.mapping(form -> form.get("message"), Collectors.toList())));
	}

	public static Map<String, String> form(LoggedRequest request) {
		return Arrays.stream(request.getBodyAsString().split("&"))
			.map(pair -> pair.split("=", 2))
			.collect(Collectors.toMap(pair -> decode(pair[0]), pair -> pair.length > 1 ? decode(pair[1]) : "",
					(first, second) -> second));
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

}
