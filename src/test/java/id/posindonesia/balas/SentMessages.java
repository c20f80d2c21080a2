package id.posindonesia.balas;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;

import id.posindonesia.balas.sandbox.Sandbox;

/** What the sandbox Graph API received, read back as the form parameters restfb sends. */
public final class SentMessages {

	private SentMessages() {
	}

	/** Every Send API call addressed to {@code recipient}, oldest first. */
	public static List<Map<String, String>> to(WireMockServer graph, String recipient) {
		return new Sandbox(graph).sendApiCalls()
			.stream()
			.filter(form -> form.getOrDefault("recipient", "").contains("\"" + recipient + "\""))
			.toList();
	}

	/** Only the text messages (not sender actions) addressed to {@code recipient}. */
	public static List<Map<String, String>> textsTo(WireMockServer graph, String recipient) {
		return to(graph, recipient).stream().filter(form -> form.containsKey("message")).toList();
	}

	/** The text messages each recipient got, oldest first, from one read of the journal. */
	public static Map<String, List<String>> textsByRecipient(WireMockServer graph) {
		return new Sandbox(graph).sendApiCalls()
			.stream()
			.filter(form -> form.containsKey("message"))
			.collect(Collectors.groupingBy(form -> form.getOrDefault("recipient", "").replaceAll("\\D", ""),
					Collectors.mapping(form -> form.get("message"), Collectors.toList())));
	}

}
