package id.posindonesia.balas.tracking;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import id.posindonesia.balas.sandbox.Sandbox;
import id.posindonesia.balas.tracking.TrackingResult.Unavailable.Reason;

/**
 * Looks barcodes up in Pos Indonesia's track-and-trace API, without blocking: each attempt is time-limited and goes
 * through the {@code tracking} circuit breaker, transient failures are retried, and the whole lookup ends within
 * {@code balas.tracking.deadline}. Answers are cached in Redis per barcode for a few minutes, so that the several
 * messages of one conversation (and a customer asking again) cost one call.
 */
@Component
public class TrackingClient {

	private static final Logger log = LoggerFactory.getLogger(TrackingClient.class);

	static final String BACKEND = "tracking";

	static final String PATH = "/utilitas/1.0.1/getTrackAndTrace";

	private static final String CACHE_PREFIX = "balas:tracking:";

	private static final String CACHED_UNKNOWN = "unknown";

	// anything else cannot be a barcode; it is not worth a call nor a cache key
	private static final Pattern BARCODE = Pattern.compile("[A-Z0-9]{4,40}");

	// a long history is a few kilobytes; an answer far larger is not the API's
	private static final int MAX_ANSWER_BYTES = 1024 * 1024;

	private final TrackingProperties properties;

	private final WebClient web;

	private final ObjectMapper json;

	private final ReactiveStringRedisTemplate redis;

	private final CircuitBreaker circuitBreaker;

	private final Retry retry;

	TrackingClient(TrackingProperties properties, ObjectProvider<Sandbox> sandbox, ObjectMapper json,
			ReactiveStringRedisTemplate redis, CircuitBreakerRegistry circuitBreakers, RetryRegistry retries) {
		this.properties = properties;
		this.json = json;
		this.redis = redis;
		this.circuitBreaker = circuitBreakers.circuitBreaker(BACKEND);
		this.retry = retries.retry(BACKEND);
		URI base = properties.apiUrl() != null ? properties.apiUrl() : sandbox.getObject().baseUrl();
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.timeout().toMillis());
		this.web = WebClient.builder()
			.baseUrl(base.toString().replaceAll("/+$", ""))
			.clientConnector(new ReactorClientHttpConnector(http))
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_ANSWER_BYTES))
			.defaultHeaders(headers -> {
				if (properties.hasToken()) {
					headers.setBearerAuth(properties.token().strip());
				}
			})
			.build();
	}

	/**
	 * What the API knows about a barcode (spaces and dashes ignored, any case). Never fails: a backend that is down,
	 * slow, refusing or talking nonsense gives {@link TrackingResult.Unavailable}; the result arrives within
	 * {@code balas.tracking.deadline} plus a Redis round trip.
	 */
	public Mono<TrackingResult> track(String barcode) {
		String normalized = barcode == null ? "" : barcode.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		if (!BARCODE.matcher(normalized).matches()) {
			return Mono.just(new TrackingResult.Unknown(normalized));
		}
		return cached(normalized).switchIfEmpty(Mono.defer(() -> lookUp(normalized)
			.flatMap(result -> remember(normalized, result).thenReturn(result))));
	}

	private Mono<TrackingResult> lookUp(String barcode) {
		return web.post()
			.uri(PATH)
			.bodyValue(Map.of("resi", barcode))
			.retrieve()
			.bodyToMono(String.class)
			.defaultIfEmpty("")
			.map(body -> TrackAndTraceAnswer.read(barcode, json.readTree(body)))
			.timeout(properties.timeout())
			.transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
			.transformDeferred(RetryOperator.of(retry))
			.timeout(properties.deadline())
			.onErrorResume(failure -> Mono.just(unavailable(barcode, failure)));
	}

	private static TrackingResult unavailable(String barcode, Throwable failure) {
		Reason reason = reasonFor(failure);
		if (reason == Reason.CIRCUIT_OPEN) {
			log.debug("Tracking lookup of {} skipped: circuit breaker open", barcode);
		}
		else {
			// the failure's message names the URL and status, never the token or the answer's personal data
			log.warn("Tracking lookup of {} unavailable ({}): {}", barcode, reason, failure.toString());
		}
		return new TrackingResult.Unavailable(reason);
	}

	private static Reason reasonFor(Throwable failure) {
		if (failure instanceof CallNotPermittedException) {
			return Reason.CIRCUIT_OPEN;
		}
		if (failure instanceof TimeoutException) {
			return Reason.SLOW;
		}
		if (failure instanceof WebClientResponseException response && response.getStatusCode().is4xxClientError()) {
			return Reason.REFUSED;
		}
		if (failure instanceof TrackAndTraceAnswer.MalformedAnswer || failure instanceof JacksonException
				|| failure instanceof DataBufferLimitException) {
			return Reason.MALFORMED;
		}
		return Reason.DOWN;
	}

	/** A cached answer, or nothing when there is none, it cannot be read, or Redis does not answer in time. */
	private Mono<TrackingResult> cached(String barcode) {
		return redis.opsForValue()
			.get(CACHE_PREFIX + barcode)
			.timeout(properties.timeout())
			.map(value -> CACHED_UNKNOWN.equals(value) ? new TrackingResult.Unknown(barcode)
					: (TrackingResult) new TrackingResult.Found(json.readValue(value, Shipment.class)))
			.onErrorResume(failure -> {
				log.warn("Tracking cache of {} unreadable, asking the API: {}", barcode, failure.toString());
				return Mono.empty();
			});
	}

	/** Caches real answers only: an unavailable API must be asked again next time. */
	private Mono<Void> remember(String barcode, TrackingResult result) {
		Mono<Boolean> write;
		if (result instanceof TrackingResult.Found found) {
			write = Mono.fromCallable(() -> json.writeValueAsString(found.shipment()))
				.flatMap(value -> redis.opsForValue().set(CACHE_PREFIX + barcode, value, properties.cacheTtl()));
		}
		else if (result instanceof TrackingResult.Unknown) {
			write = redis.opsForValue().set(CACHE_PREFIX + barcode, CACHED_UNKNOWN, properties.unknownCacheTtl());
		}
		else {
			return Mono.empty();
		}
		return write.timeout(properties.timeout()).onErrorResume(failure -> {
			log.warn("Tracking answer for {} not cached: {}", barcode, failure.toString());
			return Mono.empty();
		}).then();
	}

}
