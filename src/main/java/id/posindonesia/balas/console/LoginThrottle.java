package id.posindonesia.balas.console;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import id.posindonesia.balas.config.LuaScript;
import id.posindonesia.balas.console.AgentProperties.LoginThrottling;

/**
 * Counts failed logins per username and per client address in Redis, so that every instance refuses the same
 * attempts once either has too many within the window. A successful login clears its username's failures only:
 * an address's count must not be reset by logging into an account of one's own between guesses at others.
 */
@Component
class LoginThrottle {

	private static final RedisScript<Long> RECORD_FAILURE = LuaScript.load("record-login-failure", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final LoginThrottling limits;

	private final Clock clock;

	private final String namespace;

	@Autowired
	LoginThrottle(ReactiveStringRedisTemplate redis, AgentProperties properties) {
		this(redis, properties.loginThrottling(), Clock.systemUTC(), "balas");
	}

	/** @param namespace prefix of every key, so that tests can keep their counts apart */
	LoginThrottle(ReactiveStringRedisTemplate redis, LoginThrottling limits, Clock clock, String namespace) {
		this.redis = redis;
		this.limits = limits;
		this.clock = clock;
		this.namespace = namespace;
	}

	/** @return how long logins for this username or from this address are still refused; empty when they are not */
	Mono<Duration> refusal(String username, String address) {
		return Mono.zip(cooldownEnd(account(username)), cooldownEnd(address(address)))
			.map(ends -> Math.max(ends.getT1(), ends.getT2()) - clock.millis())
			.filter(remaining -> remaining > 0)
			.map(Duration::ofMillis);
	}

	Mono<Void> recordFailure(String username, String address) {
		return Mono.when(count(account(username), limits.accountLimit()), count(address(address), limits.addressLimit()));
	}

	Mono<Void> recordSuccess(String username) {
		return redis.delete(account(username).failures()).then();
	}

	private Mono<Long> cooldownEnd(Subject subject) {
		return redis.opsForValue().get(subject.cooldown()).map(Long::parseLong).defaultIfEmpty(0L);
	}

	private Mono<Long> count(Subject subject, int limit) {
		List<String> args = List.of(Long.toString(clock.millis()), Long.toString(limits.window().toMillis()),
				Integer.toString(limit), Long.toString(limits.cooldown().toMillis()), UUID.randomUUID().toString());
		return redis.execute(RECORD_FAILURE, List.of(subject.failures(), subject.cooldown()), args).next();
	}

	private Subject account(String username) {
		return new Subject(namespace, "account:" + username);
	}

	private Subject address(String address) {
		return new Subject(namespace, "address:" + address);
	}

	/** The two keys of one username or address, in one hash slot so that one script may write both. */
	private record Subject(String namespace, String id) {

		String failures() {
			return namespace + ":login-failures:{" + id + "}";
		}

		String cooldown() {
			return namespace + ":login-cooldown:{" + id + "}";
		}

	}

}
