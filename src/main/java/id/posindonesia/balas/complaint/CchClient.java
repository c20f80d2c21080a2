package id.posindonesia.balas.complaint;

import java.net.URI;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import id.posindonesia.balas.sandbox.Sandbox;

/**
 * Posts reports to the contact center's endpoint without blocking, each attempt time-limited, behind the
 * {@code cch} circuit breaker. The ticket id is the idempotency key, so a report delivered twice is filed once.
 */
@Component
class CchClient {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final String BACKEND = "cch";

	private static final String SANDBOX_PATH = "/cch/reports";

	private final WebClient webClient;

	private final URI endpoint;

	private final CchProperties properties;

	private final CircuitBreaker circuitBreaker;

	CchClient(CchProperties properties, ObjectProvider<Sandbox> sandbox, CircuitBreakerRegistry circuitBreakers) {
		this.properties = properties;
		this.endpoint = properties.webhookUrl() != null ? properties.webhookUrl() : sandboxEndpoint(sandbox);
		this.circuitBreaker = circuitBreakers.circuitBreaker(BACKEND);
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()))
			.responseTimeout(properties.requestTimeout());
		this.webClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
	}

	private static URI sandboxEndpoint(ObjectProvider<Sandbox> sandbox) {
		Sandbox running = sandbox.getIfAvailable();
		if (running == null) {
			throw new IllegalStateException("Set CCH_WEBHOOK_URL (balas.cch.webhook-url): complaint reports need an "
					+ "endpoint, and the sandbox that plays it by default is not running");
		}
		return URI.create(running.baseUrl().toString().replaceAll("/+$", "") + SANDBOX_PATH);
	}

	URI endpoint() {
		return endpoint;
	}

	/**
	 * Completes when the endpoint accepted the report ({@code 2xx}); fails with {@link CchRejectedException} when it
	 * refused it for good, and with any other error when a later attempt may succeed.
	 */
	Mono<Void> send(CchReport report) {
		return webClient.post()
			.uri(endpoint)
			.header(IDEMPOTENCY_KEY, report.ticketId())
			.bodyValue(report)
			.retrieve()
			.toBodilessEntity()
			.timeout(properties.requestTimeout())
			.onErrorMap(WebClientResponseException.class, CchClient::classify)
			.transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
			.then();
	}

	/** Client errors are final, except a timeout (408) or a rate limit (429), which pass with time. */
	private static Throwable classify(WebClientResponseException response) {
		int status = response.getStatusCode().value();
		boolean rejected = response.getStatusCode().is4xxClientError() && status != HttpStatus.REQUEST_TIMEOUT.value()
				&& status != HttpStatus.TOO_MANY_REQUESTS.value();
		return rejected ? new CchRejectedException(response.getStatusCode(), response.getResponseBodyAsString(), response)
				: response;
	}

}
