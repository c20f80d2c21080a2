package id.posindonesia.balas.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import id.posindonesia.balas.BalasIntegrationTest;
import id.posindonesia.balas.console.AgentProperties.LoginThrottling;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed-login counting on the real Redis, in a key namespace of its own, with a clock the test moves. */
@BalasIntegrationTest
class LoginThrottleTest {

	private static final Duration WINDOW = Duration.ofMinutes(15);

	private static final Duration COOLDOWN = Duration.ofMinutes(10);

	private static final String ADDRESS = "192.0.2.10";

	@Autowired
	private ReactiveStringRedisTemplate redis;

	private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T09:00:00Z"));

	private LoginThrottle throttle;

	@BeforeEach
	void freshNamespace() {
		throttle = new LoginThrottle(redis, new LoginThrottling(5, 20, WINDOW, COOLDOWN), clock,
				"test-throttle-" + UUID.randomUUID());
	}

	@Test
	void anAccountCoolsDownAfterFiveFailuresAndOnlyForTheCooldown() {
		fail("siti", ADDRESS, 4);
		assertThat(throttle.refusal("siti", ADDRESS).blockOptional()).isEmpty();

		fail("siti", ADDRESS, 1);
		assertThat(throttle.refusal("siti", ADDRESS).block()).isEqualTo(COOLDOWN);
		assertThat(throttle.refusal("siti", "198.51.100.7").block()).as("from any address").isEqualTo(COOLDOWN);
		assertThat(throttle.refusal("budi", ADDRESS).blockOptional()).as("other accounts from that address").isEmpty();

		clock.advance(COOLDOWN.minusMillis(1));
		assertThat(throttle.refusal("siti", ADDRESS).block()).isEqualTo(Duration.ofMillis(1));
		clock.advance(Duration.ofMillis(1));
		assertThat(throttle.refusal("siti", ADDRESS).blockOptional()).isEmpty();
	}

	@Test
	void failuresOlderThanTheWindowNoLongerCount() {
		fail("siti", ADDRESS, 4);
		clock.advance(WINDOW.plusMillis(1));
		fail("siti", ADDRESS, 4);
		assertThat(throttle.refusal("siti", ADDRESS).blockOptional()).isEmpty();
		fail("siti", ADDRESS, 1);
		assertThat(throttle.refusal("siti", ADDRESS).blockOptional()).isPresent();
	}

	@Test
	void anAddressCoolsDownAfterTwentyFailuresOnAnyAccounts() {
		for (int i = 0; i < 19; i++) {
			fail("guess-" + i, ADDRESS, 1);
		}
		assertThat(throttle.refusal("siti", ADDRESS).blockOptional()).isEmpty();

		fail("guess-19", ADDRESS, 1);
		assertThat(throttle.refusal("siti", ADDRESS).block()).as("even a valid account").isEqualTo(COOLDOWN);
		assertThat(throttle.refusal("siti", "198.51.100.7").blockOptional()).as("from another address").isEmpty();

		clock.advance(COOLDOWN);
		assertThat(throttle.refusal("siti", ADDRESS).blockOptional()).isEmpty();
	}

	@Test
	void aSuccessfulLoginClearsItsOwnAccountButNotItsAddress() {
		fail("siti", ADDRESS, 4);
		for (int i = 0; i < 15; i++) {
			fail("guess-" + i, ADDRESS, 1);
		}
		throttle.recordSuccess("siti").block();
		throttle.recordSuccess("attacker").block();

		fail("siti", ADDRESS, 1);
		assertThat(throttle.refusal("siti", "198.51.100.7").blockOptional()).as("siti's count restarted").isEmpty();
		assertThat(throttle.refusal("attacker", ADDRESS).block())
			.as("the address reached 20 failures despite two successful logins from it")
			.isEqualTo(COOLDOWN);
	}

	@Test
	void hundredsOfConcurrentFailuresAreAllCounted() {
		Flux.range(0, 400).flatMap(i -> throttle.recordFailure("guess-" + i, "203.0.113.50"), 64).blockLast();
		assertThat(throttle.refusal("anyone", "203.0.113.50").blockOptional()).isPresent();

		// exactly at the limit: 19 concurrent failures start no cooldown, the 20th does
		Flux.range(0, 19).flatMap(i -> throttle.recordFailure("guess-" + i, "203.0.113.51"), 19).blockLast();
		assertThat(throttle.refusal("anyone", "203.0.113.51").blockOptional()).isEmpty();
		throttle.recordFailure("guess-19", "203.0.113.51").block();
		assertThat(throttle.refusal("anyone", "203.0.113.51").blockOptional()).isPresent();
	}

	private void fail(String username, String address, int times) {
		for (int i = 0; i < times; i++) {
			throttle.recordFailure(username, address).block();
		}
	}

	private static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
