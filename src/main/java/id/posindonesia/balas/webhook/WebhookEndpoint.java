package id.posindonesia.balas.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import id.posindonesia.balas.config.InstagramProperties;
import id.posindonesia.balas.inbox.EventJournal;

/**
 * Meta's webhook: the subscription handshake, and notifications that are answered {@code 200} only once every
 * event in them is recorded in Redis. Nothing is recorded from a body that is unsigned, wrongly signed, too large
 * or not JSON.
 */
@Configuration(proxyBeanMethods = false)
class WebhookEndpoint {

	static final String PATH = "/webhooks/instagram";

	static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

	private static final Logger log = LoggerFactory.getLogger(WebhookEndpoint.class);

	private final WebhookSignature signature;

	private final byte[] verifyToken;

	private final int maxBodyBytes;

	private final WebhookEventParser parser;

	private final EventJournal journal;

	private final MeterRegistry meters;

	private final Timer ackTimer;

	WebhookEndpoint(InstagramProperties instagram, WebhookProperties properties, ObjectMapper json,
			EventJournal journal, MeterRegistry meters) {
		this.signature = new WebhookSignature(instagram.appSecret());
		this.verifyToken = instagram.verifyToken().getBytes(StandardCharsets.UTF_8);
		this.maxBodyBytes = Math.toIntExact(properties.maxBodySize().toBytes());
		Counter truncated = Counter.builder("balas.webhook.truncated")
			.description("Texts longer than Instagram's 1000 bytes, cut before they were recorded")
			.register(meters);
		this.parser = new WebhookEventParser(json, System::currentTimeMillis, truncated::increment);
		this.journal = journal;
		this.meters = meters;
		this.ackTimer = Timer.builder("balas.webhook.ack")
			.description("From the webhook request's arrival to its 200, events recorded")
			.register(meters);
	}

	/** A functional route: the webhook is the hottest path, and it needs none of the annotation model's resolution. */
	@Bean
	RouterFunction<ServerResponse> webhookRoutes() {
		return RouterFunctions.route()
			.GET(PATH, this::verifySubscription)
			.POST(PATH, request -> receive(request.exchange().getRequest()))
			.build();
	}

	private Mono<ServerResponse> verifySubscription(ServerRequest request) {
		String mode = request.queryParam("hub.mode").orElse(null);
		String token = request.queryParam("hub.verify_token").orElse(null);
		String challenge = request.queryParam("hub.challenge").orElse(null);
		boolean valid = "subscribe".equals(mode) && token != null && challenge != null
				&& MessageDigest.isEqual(verifyToken, token.getBytes(StandardCharsets.UTF_8));
		return valid ? text(HttpStatus.OK, challenge) : text(HttpStatus.FORBIDDEN, "Verification failed");
	}

	private Mono<ServerResponse> receive(ServerHttpRequest request) {
		long started = System.nanoTime();
		if (request.getHeaders().getContentLength() > maxBodyBytes) {
			return reject(HttpStatus.CONTENT_TOO_LARGE, "too_large", "Body is larger than " + maxBodyBytes + " bytes");
		}
		String claimedSignature = request.getHeaders().getFirst(SIGNATURE_HEADER);
		return DataBufferUtils.join(request.getBody(), maxBodyBytes).map(buffer -> {
			byte[] body = new byte[buffer.readableByteCount()];
			buffer.read(body);
			DataBufferUtils.release(buffer);
			return body;
		}).defaultIfEmpty(new byte[0]).flatMap(body -> {
			if (!signature.matches(body, claimedSignature)) {
				return reject(HttpStatus.FORBIDDEN, "signature", "Missing or invalid " + SIGNATURE_HEADER);
			}
			return journal.record(parser.parse(body)).flatMap(recorded -> {
				ackTimer.record(Duration.ofNanos(System.nanoTime() - started));
				return text(HttpStatus.OK, "EVENT_RECEIVED");
			});
		})
			.onErrorResume(DataBufferLimitException.class,
					ex -> reject(HttpStatus.CONTENT_TOO_LARGE, "too_large", "Body is larger than " + maxBodyBytes + " bytes"))
			.onErrorResume(MalformedWebhookException.class, ex -> reject(HttpStatus.BAD_REQUEST, "malformed", ex.getMessage()))
			// Meta redelivers on any non-2xx answer, so a Redis outage loses nothing
			.onErrorResume(DataAccessException.class, ex -> {
				log.warn("Webhook events could not be recorded, answering 503 so that Meta redelivers: {}", ex.toString());
				return reject(HttpStatus.SERVICE_UNAVAILABLE, "storage", "Events could not be recorded, retry later");
			});
	}

	private Mono<ServerResponse> reject(HttpStatus status, String reason, String message) {
		meters.counter("balas.webhook.rejected", "reason", reason).increment();
		return text(status, message);
	}

	private static Mono<ServerResponse> text(HttpStatus status, String body) {
		return ServerResponse.status(status).contentType(MediaType.TEXT_PLAIN).bodyValue(body);
	}

}
