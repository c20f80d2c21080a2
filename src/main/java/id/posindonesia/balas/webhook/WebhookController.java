package id.posindonesia.balas.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.posindonesia.balas.config.InstagramProperties;
import id.posindonesia.balas.inbox.EventJournal;

/**
 * Meta's webhook: the subscription handshake, and notifications that are answered {@code 200} only once every
 * event in them is recorded in Redis. Nothing is recorded from a body that is unsigned, wrongly signed, too large
 * or not JSON.
 */
@RestController
@RequestMapping("/webhooks/instagram")
class WebhookController {

	static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

	private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

	private final WebhookSignature signature;

	private final byte[] verifyToken;

	private final int maxBodyBytes;

	private final WebhookEventParser parser;

	private final EventJournal journal;

	private final MeterRegistry meters;

	private final Timer ackTimer;

	WebhookController(InstagramProperties instagram, WebhookProperties properties, ObjectMapper json,
			EventJournal journal, MeterRegistry meters) {
		this.signature = new WebhookSignature(instagram.appSecret());
		this.verifyToken = instagram.verifyToken().getBytes(StandardCharsets.UTF_8);
		this.maxBodyBytes = Math.toIntExact(properties.maxBodySize().toBytes());
		this.parser = new WebhookEventParser(json, System::currentTimeMillis);
		this.journal = journal;
		this.meters = meters;
		this.ackTimer = Timer.builder("balas.webhook.ack")
			.description("From the webhook request's arrival to its 200, events recorded")
			.register(meters);
	}

	@GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> verifySubscription(@RequestParam(name = "hub.mode", required = false) String mode,
			@RequestParam(name = "hub.verify_token", required = false) String token,
			@RequestParam(name = "hub.challenge", required = false) String challenge) {
		boolean valid = "subscribe".equals(mode) && token != null && challenge != null
				&& MessageDigest.isEqual(verifyToken, token.getBytes(StandardCharsets.UTF_8));
		return valid ? ResponseEntity.ok(challenge) : ResponseEntity.status(HttpStatus.FORBIDDEN).body("Verification failed");
	}

	@PostMapping(produces = MediaType.TEXT_PLAIN_VALUE)
	Mono<ResponseEntity<String>> receive(ServerHttpRequest request) {
		long started = System.nanoTime();
		if (request.getHeaders().getContentLength() > maxBodyBytes) {
			return Mono.just(reject(HttpStatus.CONTENT_TOO_LARGE, "too_large", "Body is larger than " + maxBodyBytes + " bytes"));
		}
		String claimedSignature = request.getHeaders().getFirst(SIGNATURE_HEADER);
		return DataBufferUtils.join(request.getBody(), maxBodyBytes).map(buffer -> {
			byte[] body = new byte[buffer.readableByteCount()];
			buffer.read(body);
			DataBufferUtils.release(buffer);
			return body;
		}).defaultIfEmpty(new byte[0]).flatMap(body -> {
			if (!signature.matches(body, claimedSignature)) {
				return Mono.just(reject(HttpStatus.FORBIDDEN, "signature", "Missing or invalid " + SIGNATURE_HEADER));
			}
			return journal.record(parser.parse(body)).map(recorded -> {
				ackTimer.record(Duration.ofNanos(System.nanoTime() - started));
				return ResponseEntity.ok("EVENT_RECEIVED");
			});
		})
			.onErrorResume(DataBufferLimitException.class,
					ex -> Mono.just(reject(HttpStatus.CONTENT_TOO_LARGE, "too_large", "Body is larger than " + maxBodyBytes + " bytes")))
			.onErrorResume(MalformedWebhookException.class,
					ex -> Mono.just(reject(HttpStatus.BAD_REQUEST, "malformed", ex.getMessage())))
			// Meta redelivers on any non-2xx answer, so a Redis outage loses nothing
			.onErrorResume(DataAccessException.class, ex -> {
				log.warn("Webhook events could not be recorded, answering 503 so that Meta redelivers: {}", ex.toString());
				return Mono.just(reject(HttpStatus.SERVICE_UNAVAILABLE, "storage", "Events could not be recorded, retry later"));
			});
	}

	private ResponseEntity<String> reject(HttpStatus status, String reason, String message) {
		meters.counter("balas.webhook.rejected", "reason", reason).increment();
		return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message);
	}

}
