package id.posindonesia.balas.graph;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import id.posindonesia.balas.config.Masking;

/** Replies Meta refused for good, kept in a Redis stream so an agent can follow up by other means. */
@Component
class FailedSends {

	static final String STREAM = "balas:failed-sends";

	private static final long CAPACITY = 100_000;

	private static final Logger log = LoggerFactory.getLogger(FailedSends.class);

	private final ReactiveStringRedisTemplate redis;

	private final Counter counter;

	FailedSends(ReactiveStringRedisTemplate redis, MeterRegistry meters) {
		this.redis = redis;
		this.counter = Counter.builder("balas.graph.sends.failed").register(meters);
	}

	Mono<Void> record(String account, String recipient, String text, GraphRejectedException failure) {
		counter.increment();
		log.warn("Reply to {} refused for good and recorded in {}: {}", Masking.id(recipient), STREAM,
				failure.getMessage());
		MapRecord<String, String, String> record = StreamRecords.mapBacked(Map.of("account", account, "recipient",
				recipient, "text", text, "error", String.valueOf(failure.getMessage()), "at",
				Long.toString(System.currentTimeMillis())))
			.withStreamKey(STREAM);
		return redis.opsForStream().add(record, XAddOptions.maxlen(CAPACITY).approximateTrimming(true)).then();
	}

}
