package id.posindonesia.balas.sandbox;

import java.net.URI;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The running sandbox: its base URL stands in for {@code GRAPH_API_URL} and {@code TRACKING_API_URL}, and
 * tests reach its {@link WireMockServer} to add stubs and verify what Balas sent.
 */
public record Sandbox(WireMockServer server) {

	public URI baseUrl() {
		return URI.create(server.baseUrl());
	}

}
