package id.posindonesia.balas.sandbox;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * The running sandbox: its base URL stands in for {@code GRAPH_API_URL} and {@code TRACKING_API_URL}, and
 * tests reach its {@link WireMockServer} to add stubs and verify what Balas sent.
 */
public record Sandbox(WireMockServer server) {

	public URI baseUrl() {
		return URI.create(server.baseUrl());
	}

	/** Every Send API call the sandbox received, oldest first, as the form parameters restfb sent. */
	public List<Map<String, String>> sendApiCalls() {
		return server.findAll(postRequestedFor(urlPathMatching("/v[0-9.]+/me/messages")))
			.stream()
			.map(request -> form(request.getBodyAsString()))
			.toList();
	}

	private static Map<String, String> form(String body) {
		return Arrays.stream(body.split("&"))
			.map(pair -> pair.split("=", 2))
			.collect(Collectors.toMap(pair -> decode(pair[0]), pair -> pair.length > 1 ? decode(pair[1]) : "",
					(first, second) -> second));
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

}
