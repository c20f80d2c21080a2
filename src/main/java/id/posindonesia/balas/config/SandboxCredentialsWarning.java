package id.posindonesia.balas.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

@Component
class SandboxCredentialsWarning {

	private static final Logger log = LoggerFactory.getLogger(SandboxCredentialsWarning.class);

	private final InstagramProperties instagram;

	SandboxCredentialsWarning(InstagramProperties instagram) {
		this.instagram = instagram;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warnAboutSandboxCredentials() {
		if (instagram.sandboxedAppSecret()) {
			log.warn("INSTAGRAM_APP_SECRET is not set: webhook signatures are checked against the public sandbox secret. Never expose this instance to Meta.");
		}
		if (instagram.sandboxedVerifyToken()) {
			log.warn("INSTAGRAM_VERIFY_TOKEN is not set: the webhook handshake accepts the public sandbox token.");
		}
	}

}
