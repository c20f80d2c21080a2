package id.posindonesia.balas.graph;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;

import org.springframework.context.ApplicationContext;

import id.posindonesia.balas.config.InstagramProperties;

/** Graph clients configured otherwise than the application's, for tests in other packages. */
public final class GraphClients {

	private GraphClients() {
	}

	/** Like the application's client, but waiting at most {@code readTimeout} for an answer. */
	public static GraphClient withReadTimeout(ApplicationContext context, Duration readTimeout) {
		GraphProperties properties = context.getBean(GraphProperties.class);
		GraphProperties impatient = new GraphProperties(properties.apiUrl(), properties.version(),
				properties.connectTimeout(), readTimeout, readTimeout.plus(properties.connectTimeout()),
				properties.senderActionTimeout(), properties.maxConcurrentCalls());
		return new GraphClient(impatient, context.getBean(InstagramProperties.class),
				context.getBeanProvider(id.posindonesia.balas.sandbox.Sandbox.class),
				context.getBean(CircuitBreakerRegistry.class), context.getBean(RetryRegistry.class),
				context.getBean(SendBudget.class), context.getBean(FailedSends.class));
	}

}
