package id.posindonesia.balas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Webhook bodies as Meta sends them: fixtures from {@code src/test/resources/webhook} and their signatures. */
public final class MetaWebhooks {

	public static final String SANDBOX_SECRET = "sandbox-app-secret";

	private MetaWebhooks() {
	}

	public static byte[] fixture(String name) {
		try (InputStream in = MetaWebhooks.class.getResourceAsStream("/webhook/" + name + ".json")) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String signature(byte[] body, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String signature(byte[] body) {
		return signature(body, SANDBOX_SECRET);
	}

	/** Posts the body to the webhook, signed as Meta does, and expects it accepted. */
	public static void deliver(WebTestClient client, byte[] body) {
		client.post()
			.uri("/webhooks/instagram")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Hub-Signature-256", signature(body))
			.bodyValue(body)
			.exchange()
			.expectStatus().isOk();
	}

	/** A text DM from {@code customer} to {@code account}, with a message id of its own. */
	public static byte[] textMessage(String account, String customer, String mid, long timestamp, String text) {
		return """
				{"object":"instagram","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},\
				"recipient":{"id":"%s"},"timestamp":%d,"message":{"mid":"%s","text":"%s"}}]}]}"""
			.formatted(account, timestamp, customer, account, timestamp, mid, text)
			.getBytes(StandardCharsets.UTF_8);
	}

}
