package id.posindonesia.balas.graph;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** Send budgets sized for tests, accounts of their own, and a start at the beginning of a second. */
public final class SendBudgets {

	private SendBudgets() {
	}

	static SendBudget of(ReactiveStringRedisTemplate redis, int perSecond, int reserveForReplies, Duration maxWait,
			MeterRegistry meters) {
		return new SendBudget(redis, new SendBudgetProperties(perSecond, reserveForReplies, maxWait), meters);
	}

	/** An Instagram account no other test uses, so that no other test spends its budget. */
	public static String account() {
		return Long.toString(17_841_500_000_000_000L + (long) (Math.random() * 1_000_000_000_000L));
	}

	/**
	 * Waits for the next second to begin, so that the few calls a test makes next fall within one second of the
	 * budget (the embedded Redis tells seconds by this machine's clock).
	 */
	static void startOfASecond() throws InterruptedException {
		Thread.sleep(1000 - System.currentTimeMillis() % 1000);
	}

	/**
	 * Spends the account's budget of every second until {@link #refill}: a count without an expiry never ends with
	 * its second.
	 */
	public static Mono<Boolean> spendUntilRefilled(ReactiveStringRedisTemplate redis, String account) {
		return redis.opsForValue().set(SendBudget.key(account), Integer.toString(Integer.MAX_VALUE));
	}

	public static Mono<Boolean> refill(ReactiveStringRedisTemplate redis, String account) {
		return redis.delete(SendBudget.key(account)).map(deleted -> deleted > 0);
	}

}
