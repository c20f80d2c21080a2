package id.posindonesia.balas.graph;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;

import com.restfb.DefaultFacebookClient;
import com.restfb.DefaultJsonMapper;
import com.restfb.FacebookClient;
import com.restfb.FacebookEndpoints;
import com.restfb.Parameter;
import com.restfb.Version;
import com.restfb.exception.FacebookException;
import com.restfb.types.send.IdMessageRecipient;
import com.restfb.types.send.Message;
import com.restfb.types.send.SendResponse;
import com.restfb.types.send.SenderActionEnum;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import id.posindonesia.balas.config.InstagramProperties;
import id.posindonesia.balas.config.Masking;
import id.posindonesia.balas.config.Sandbox;

/**
 * Sends through Meta's Send API with restfb. restfb blocks on HTTP, so every call runs on a bounded elastic
 * thread, never on the event loop; each attempt is time-limited and rate-limited per account, the Graph API has
 * one circuit breaker, and transient failures are retried with backoff.
 */
@Component
public class GraphClient {

	private static final Logger log = LoggerFactory.getLogger(GraphClient.class);

	private static final String BACKEND = "graph";

	private static final String RATE_LIMIT_CONFIG = "graph-account";

	private final FacebookClient facebook;

	private final GraphProperties properties;

	private final CircuitBreaker circuitBreaker;

	private final Retry retry;

	private final RateLimiterRegistry rateLimiters;

	private final FailedSends failedSends;

	GraphClient(GraphProperties properties, InstagramProperties instagram, ObjectProvider<Sandbox> sandbox,
			CircuitBreakerRegistry circuitBreakers, RetryRegistry retries, RateLimiterRegistry rateLimiters,
			FailedSends failedSends) {
		this.properties = properties;
		this.circuitBreaker = circuitBreakers.circuitBreaker(BACKEND);
		this.retry = retries.retry(BACKEND);
		this.rateLimiters = rateLimiters;
		this.failedSends = failedSends;
		URI base = properties.apiUrl() != null ? properties.apiUrl() : sandbox.getObject().baseUrl();
		String graphEndpoint = base.toString().replaceAll("/+$", "") + "/" + properties.version();
		DefaultFacebookClient client = new DefaultFacebookClient(instagram.accessToken(), instagram.appSecret(),
				new TimeLimitedWebRequestor(properties.connectTimeout(), properties.readTimeout()),
				new DefaultJsonMapper(), Version.UNVERSIONED);
		client.setFacebookEndpointUrls(new FacebookEndpoints() {
			@Override
			public String getGraphEndpoint() {
				return graphEndpoint;
			}
		});
		this.facebook = client;
	}

	/**
	 * Sends a text reply, split into several messages when it exceeds Instagram's limit. A refusal that retrying
	 * cannot fix is recorded in {@link FailedSends} and completes normally; transient failures that outlast the
	 * retries are signalled so the event is tried again later.
	 */
	public Mono<Void> sendText(String account, String recipient, String text) {
		return Flux.fromIterable(MessageChunker.split(text))
			.concatMap(chunk -> call(account, () -> facebook.publish("me/messages", SendResponse.class,
					Parameter.with("recipient", new IdMessageRecipient(recipient)), Parameter.with("message", new Message(chunk))))
				.onErrorResume(GraphRejectedException.class,
						rejected -> failedSends.record(account, recipient, chunk, rejected).then(Mono.empty())))
			.then();
	}

	/**
	 * Shows {@code typing_on} or {@code mark_seen}: a courtesy, tried once within a short timeout so that it never
	 * delays the reply itself; a failure is logged and otherwise ignored.
	 */
	public Mono<Void> senderAction(String account, String recipient, SenderActionEnum action) {
		return guarded(account, () -> facebook.publish("me/messages", SendResponse.class,
				Parameter.with("recipient", new IdMessageRecipient(recipient)), Parameter.with("sender_action", action)),
				properties.senderActionTimeout())
			.onErrorResume(ex -> {
				log.debug("Sender action {} to {} failed: {}", action, Masking.id(recipient), ex.toString());
				return Mono.empty();
			})
			.then();
	}

	private <T> Mono<T> call(String account, Callable<T> request) {
		return guarded(account, request, properties.callTimeout()).transformDeferred(RetryOperator.of(retry));
	}

	private <T> Mono<T> guarded(String account, Callable<T> request, Duration timeout) {
		return Mono.fromCallable(request)
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(timeout)
			.onErrorMap(FacebookException.class, GraphClient::classify)
			.transformDeferred(RateLimiterOperator.of(rateLimiters.rateLimiter(BACKEND + ":" + account, RATE_LIMIT_CONFIG)))
			.transformDeferred(CircuitBreakerOperator.of(circuitBreaker));
	}

	private static Throwable classify(FacebookException failure) {
		return new TransientGraphFailure().test(failure) ? failure
				: new GraphRejectedException("Graph API refused the call: " + failure.getMessage(), failure);
	}

}
