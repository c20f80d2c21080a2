package id.posindonesia.balas.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * The Meta app's credentials. Unset values fall back to sandbox values so that a fresh checkout runs;
 * {@link #sandboxed()} lets start-up warn loudly when that happens.
 */
@ConfigurationProperties("balas.instagram")
public record InstagramProperties(String appSecret, String verifyToken, String accessToken) {

	static final String SANDBOX_APP_SECRET = "sandbox-app-secret";

	static final String SANDBOX_VERIFY_TOKEN = "sandbox-verify-token";

	static final String SANDBOX_ACCESS_TOKEN = "sandbox-access-token";

	public InstagramProperties {
		appSecret = StringUtils.hasText(appSecret) ? appSecret : SANDBOX_APP_SECRET;
		verifyToken = StringUtils.hasText(verifyToken) ? verifyToken : SANDBOX_VERIFY_TOKEN;
		accessToken = StringUtils.hasText(accessToken) ? accessToken : SANDBOX_ACCESS_TOKEN;
	}

	boolean sandboxedAppSecret() {
		return SANDBOX_APP_SECRET.equals(appSecret);
	}

	boolean sandboxedVerifyToken() {
		return SANDBOX_VERIFY_TOKEN.equals(verifyToken);
	}

	/** Keeps the secrets out of logs, actuator dumps and exception messages. */
	@Override
	public String toString() {
		return "InstagramProperties[appSecret=***, verifyToken=***, accessToken=***]";
	}

}
