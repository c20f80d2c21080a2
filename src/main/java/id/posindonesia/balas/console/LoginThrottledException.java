package id.posindonesia.balas.console;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/**
 * A login refused without checking its password, because its username or its client address failed too often
 * lately. Public so that the security configuration can answer it with {@code 429 Too Many Requests}.
 */
public class LoginThrottledException extends LockedException {

	private final Duration retryAfter;

	LoginThrottledException(Duration retryAfter) {
		super("Too many failed logins; try again in " + retryAfter.toSeconds() + " s");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

}
