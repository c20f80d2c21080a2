package id.posindonesia.balas.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Meta's {@code X-Hub-Signature-256} header: {@code sha256=} and the hex HMAC-SHA256 of the raw body, keyed
 * with the app secret. The body must be the bytes as received: Meta signs its own escaping of non-ASCII text.
 */
final class WebhookSignature {

	private static final String PREFIX = "sha256=";

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	// Mac is stateful and not thread-safe, and creating one per request costs more than the HMAC itself
	private final ThreadLocal<Mac> macs;

	WebhookSignature(String appSecret) {
		this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
		this.macs = ThreadLocal.withInitial(this::newMac);
	}

	boolean matches(byte[] body, String header) {
		if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			return false;
		}
		byte[] claimed;
		try {
			claimed = HexFormat.of().parseHex(header.substring(PREFIX.length()).trim());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(sign(body), claimed);
	}

	private byte[] sign(byte[] body) {
		return macs.get().doFinal(body);
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is unavailable", ex);
		}
	}

}
