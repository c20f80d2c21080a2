package id.posindonesia.balas.webhook;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import id.posindonesia.balas.MetaWebhooks;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

	private final WebhookSignature signature = new WebhookSignature("s3cr3t");

	private final byte[] body = "{\"object\":\"instagram\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);

	@Test
	void acceptsTheHmacOfTheRawBody() {
		assertThat(signature.matches(body, MetaWebhooks.signature(body, "s3cr3t"))).isTrue();
	}

	@Test
	void acceptsUpperCaseHexAndPrefix() {
		assertThat(signature.matches(body, MetaWebhooks.signature(body, "s3cr3t").toUpperCase())).isTrue();
	}

	@Test
	void rejectsAnotherSecret() {
		assertThat(signature.matches(body, MetaWebhooks.signature(body, "other"))).isFalse();
	}

	@Test
	void rejectsATamperedBody() {
		String header = MetaWebhooks.signature(body, "s3cr3t");
		byte[] tampered = "{\"object\":\"instagram\",\"entry\":[ ]}".getBytes(StandardCharsets.UTF_8);
		assertThat(signature.matches(tampered, header)).isFalse();
	}

	@Test
	void rejectsMissingOrMalformedHeaders() {
		String hex = MetaWebhooks.signature(body, "s3cr3t").substring("sha256=".length());
		assertThat(signature.matches(body, null)).isFalse();
		assertThat(signature.matches(body, "")).isFalse();
		assertThat(signature.matches(body, hex)).isFalse();
		assertThat(signature.matches(body, "sha1=" + hex)).isFalse();
		assertThat(signature.matches(body, "sha256=not-hex")).isFalse();
		assertThat(signature.matches(body, "sha256=" + hex.substring(2))).isFalse();
	}

	@Test
	void signsMetasEscapedNonAsciiBytesNotTheirDecodedText() {
		// Meta escapes non-ASCII text as \\uXXXX; the signature covers those escapes, so re-encoding breaks it
		byte[] escaped = MetaWebhooks.fixture("non-ascii-escaped");
		String header = MetaWebhooks.signature(escaped, "s3cr3t");
		String decoded = new String(escaped, StandardCharsets.UTF_8).replace("\\u00e9", "é");

		assertThat(new String(escaped, StandardCharsets.US_ASCII)).contains("\\u00e9", "\\ud83d\\ude4f");
		assertThat(signature.matches(escaped, header)).isTrue();
		assertThat(signature.matches(decoded.getBytes(StandardCharsets.UTF_8), header)).isFalse();
	}

	@Test
	void verifiesRawUtf8Bodies() {
		byte[] utf8 = "{\"text\":\"paket sudah sampai 🙏 terima kasih\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(signature.matches(utf8, MetaWebhooks.signature(utf8, "s3cr3t"))).isTrue();
	}

}
