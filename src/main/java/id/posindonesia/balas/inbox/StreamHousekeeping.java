package id.posindonesia.balas.inbox;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** Keeps the events stream bounded: old events are trimmed, and consumer names left by past restarts dropped. */
class StreamHousekeeping {

	private static final Logger log = LoggerFactory.getLogger(StreamHousekeeping.class);

	private final ReactiveStringRedisTemplate redis;

	private final InboxProperties properties;

	private final String consumerName;

	StreamHousekeeping(ReactiveStringRedisTemplate redis, InboxProperties properties, String consumerName) {
		this.redis = redis;
		this.properties = properties;
		this.consumerName = consumerName;
	}

	Flux<Void> run(Mono<Void> stopping) {
		return Rounds.every(properties.claimInterval(), stopping, () -> trimExpired().then(forgetIdleConsumers()), log,
				"Stream housekeeping");
	}

	private Mono<Long> trimExpired() {
		long oldestKept = System.currentTimeMillis() - properties.retention().toMillis();
		return redis.execute(LuaScripts.TRIM_EVENTS, List.of(InboxKeys.EVENTS), List.of(oldestKept + "-0")).next();
	}

	/** Every restart joins the group under a new name; names with nothing pending are dropped once long idle. */
	private Mono<Void> forgetIdleConsumers() {
		return redis.opsForStream()
			.consumers(InboxKeys.EVENTS, InboxKeys.GROUP)
			// read whole before acting on it: see AbandonedEventClaimer
			.collectList()
			.flatMapMany(Flux::fromIterable)
			.filter(consumer -> consumer.pendingCount() == 0 && !consumer.consumerName().equals(consumerName)
					&& consumer.idleTime().compareTo(properties.retention()) > 0)
			.concatMap(consumer -> redis.opsForStream()
				.deleteConsumer(InboxKeys.EVENTS, Consumer.from(InboxKeys.GROUP, consumer.consumerName())))
			.then();
	}

}
