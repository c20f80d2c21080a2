package id.posindonesia.balas.graph;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import id.posindonesia.balas.config.LuaScript;

/**
 * Meta takes about 100 Send API calls per second per Instagram account, sender actions included, however many
 * instances make them. Every call takes a unit of its account's budget for the current second, counted in Redis.
 * A message waits for a later second when the budget is spent; a sender action is a courtesy that never waits and
 * leaves the last units of every second to messages. A budget Redis cannot tell is no reason to lose replies: the
 * call goes out unguarded.
 */
@Component
class SendBudget {

	private static final Logger log = LoggerFactory.getLogger(SendBudget.class);

	private static final RedisScript<Long> TAKE = LuaScript.load("take-send-budget", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final SendBudgetProperties properties;

	private final Timer waits;

	private final Counter exhausted;

	private final Counter shed;

	private final Counter unguarded;

	private final AtomicBoolean storeFailing = new AtomicBoolean();

	SendBudget(ReactiveStringRedisTemplate redis, SendBudgetProperties properties, MeterRegistry meters) {
		this.redis = redis;
		this.properties = properties;
		this.waits = Timer.builder("balas.graph.send.budget.wait")
			.description("How long messages waited for their account's Send API budget (only those that waited)")
			.register(meters);
		this.exhausted = Counter.builder("balas.graph.send.budget.exhausted")
			.description("Messages not sent because the budget stayed spent for max-wait; their events are retried")
			.register(meters);
		this.shed = Counter.builder("balas.graph.sender.actions.shed")
			.description("Sender actions dropped to leave the rest of the second's budget to messages")
			.register(meters);
		this.unguarded = Counter.builder("balas.graph.send.budget.unavailable")
			.description("Send API calls made without a budget because Redis could not tell it")
			.register(meters);
	}

	/** One key per account; the hash tag keeps it whole on Redis Cluster. */
	static String key(String account) {
		return "balas:{graph:" + account + "}:send-budget";
	}

	/**
	 * Completes once a message may call the Send API, after waiting for later seconds while the budget is spent; fails
	 * with {@link SendBudgetExhaustedException} when no unit comes free within {@code max-wait}.
	 */
	Mono<Void> forMessage(String account) {
		return Mono.defer(() -> awaitUnit(account, System.nanoTime(), false));
	}

	/** Emits whether a sender action may call the Send API; false when it is shed to keep the reserve for messages. */
	Mono<Boolean> forSenderAction(String account) {
		return take(account, properties.reserveForReplies()).map(untilNextSecond -> {
			if (untilNextSecond > 0) {
				shed.increment();
			}
			return untilNextSecond == 0;
		});
	}

	private Mono<Void> awaitUnit(String account, long since, boolean waited) {
		return take(account, 0).flatMap(untilNextSecond -> {
			Duration elapsed = Duration.ofNanos(System.nanoTime() - since);
			Duration pause = Duration.ofMillis(untilNextSecond);
			boolean tooLate = elapsed.plus(pause).compareTo(properties.maxWait()) > 0;
			if (untilNextSecond > 0 && !tooLate) {
				return Mono.delay(pause).then(Mono.defer(() -> awaitUnit(account, since, true)));
			}
			if (waited) {
				waits.record(elapsed);
			}
			if (untilNextSecond == 0) {
				return Mono.empty();
			}
			exhausted.increment();
			return Mono.error(new SendBudgetExhaustedException(properties.maxWait()));
		});
	}

	/** @return 0 when a unit is taken (or Redis cannot tell), else the milliseconds until the next second */
	private Mono<Long> take(String account, int unitsToLeave) {
		return redis
			.execute(TAKE, List.of(key(account)),
					List.of(Integer.toString(properties.perSecond()), Integer.toString(unitsToLeave)))
			.next()
			.doOnNext(answer -> {
				if (storeFailing.compareAndSet(true, false)) {
					log.info("The Send API budget is counted in Redis again");
				}
			})
			.onErrorResume(failure -> {
				unguarded.increment();
				if (storeFailing.compareAndSet(false, true)) {
					log.warn("Redis cannot count the Send API budget ({}); calls go out without it until it can",
							failure.toString());
				}
				return Mono.just(0L);
			});
	}

}
