package id.posindonesia.balas;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * The whole application on its embedded defaults: a real Redis server on a free port with its data in
 * {@code target/}, and the WireMock sandbox in place of the Graph and tracking APIs. Every test class with this
 * annotation shares one running application, so tests use customer ids of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "balas.embedded-redis.data-dir=target/test-redis/${random.uuid}", "balas.inbox.record-timeout=2s",
				"balas.inbox.claim-min-idle=1s", "balas.inbox.claim-interval=250ms", "balas.inbox.max-attempts=3",
				"balas.inbox.first-retry-delay=100ms", "resilience4j.retry.instances.graph.wait-duration=20ms",
				// tests fail calls on purpose: the shared breakers must not open for the tests after them (resilience4j
				// caps the minimum number of calls at the window's size, so both are raised)
				"resilience4j.circuitbreaker.instances.graph.sliding-window-size=1000",
				"resilience4j.circuitbreaker.instances.graph.minimum-number-of-calls=1000",
				"resilience4j.circuitbreaker.instances.tracking.sliding-window-size=1000",
				"resilience4j.circuitbreaker.instances.tracking.minimum-number-of-calls=1000",
				"resilience4j.retry.instances.tracking.wait-duration=20ms",
				"balas.agents.admin-password=test-admin-password" })
@AutoConfigureWebTestClient
public @interface BalasIntegrationTest {

}
