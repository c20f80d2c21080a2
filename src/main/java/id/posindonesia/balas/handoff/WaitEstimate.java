package id.posindonesia.balas.handoff;

import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * A queued customer's rough wait: the conversations before theirs, shared among the agents on duty (connected to the
 * console on any instance within the last minute, at least one), each taking {@code balas.handoff.handling-time}.
 */
@Component
class WaitEstimate {

	static final String ON_DUTY = "balas:agents:on-duty";

	// a console refreshes its presence with every keep-alive (15 s); one missing beat is no departure
	private static final Duration PRESENCE = Duration.ofMinutes(1);

	private final ReactiveStringRedisTemplate redis;

	private final HandoffProperties properties;

	WaitEstimate(ReactiveStringRedisTemplate redis, HandoffProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	Mono<Void> onDuty(String agent) {
		Instant now = Instant.now();
		return redis.opsForZSet()
			.add(ON_DUTY, agent, now.toEpochMilli())
			.then(redis.opsForZSet()
				.removeRangeByScore(ON_DUTY, Range.closed(0.0, (double) now.minus(PRESENCE).toEpochMilli())))
			.then();
	}

	Mono<Duration> forPosition(int position) {
		if (position < 1) {
			return Mono.just(Duration.ZERO);
		}
		long since = Instant.now().minus(PRESENCE).toEpochMilli();
		return redis.opsForZSet()
			.count(ON_DUTY, Range.rightUnbounded(Range.Bound.inclusive((double) since)))
			.map(agents -> properties.handlingTime().multipliedBy((position + Math.max(agents, 1) - 1) / Math.max(agents, 1)));
	}

}
