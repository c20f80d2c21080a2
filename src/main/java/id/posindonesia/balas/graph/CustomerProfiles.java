package id.posindonesia.balas.graph;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import id.posindonesia.balas.config.Masking;

/**
 * Customers' Instagram profiles, read from the Graph API and cached in Redis ({@code balas:profile:<igsid>}). A
 * profile that cannot be read is {@link CustomerProfile#UNKNOWN} for a short while: a lookup never fails, since
 * nothing a customer asked for depends on it.
 */
@Component
public class CustomerProfiles {

	private static final Logger log = LoggerFactory.getLogger(CustomerProfiles.class);

	private static final String KEY_PREFIX = "balas:profile:";

	private final GraphClient graph;

	private final ReactiveStringRedisTemplate redis;

	private final ObjectMapper json;

	private final CustomerProfileProperties properties;

	CustomerProfiles(GraphClient graph, ReactiveStringRedisTemplate redis, ObjectMapper json,
			CustomerProfileProperties properties) {
		this.graph = graph;
		this.redis = redis;
		this.json = json;
		this.properties = properties;
	}

	/** The profile of customer {@code igsid} of {@code account}; unknown when it cannot be read. */
	public Mono<CustomerProfile> find(String account, String igsid) {
		String key = key(igsid);
		return redis.opsForValue()
			.get(key)
			.onErrorResume(failure -> {
				log.warn("Cached profile of {} unreadable: {}", Masking.id(igsid), failure.toString());
				return Mono.empty();
			})
			.flatMap(this::decode)
			.switchIfEmpty(Mono.defer(() -> lookUp(igsid, key)));
	}

	static String key(String igsid) {
		return KEY_PREFIX + igsid;
	}

	private Mono<CustomerProfile> lookUp(String igsid, String key) {
		return graph.profile(igsid)
			.timeout(properties.timeout())
			.map(profile -> new Cached(profile, properties.cacheTtl()))
			.onErrorResume(failure -> {
				log.info("Profile of {} unavailable, unknown for {}: {}", Masking.id(igsid), properties.unknownTtl(),
						failure.toString());
				return Mono.just(new Cached(CustomerProfile.UNKNOWN, properties.unknownTtl()));
			})
			.flatMap(cached -> redis.opsForValue()
				.set(key, json.writeValueAsString(cached.profile()), cached.ttl())
				.onErrorResume(failure -> {
					log.warn("Profile of {} not cached: {}", Masking.id(igsid), failure.toString());
					return Mono.just(false);
				})
				.thenReturn(cached.profile()));
	}

	private Mono<CustomerProfile> decode(String cached) {
		try {
			return Mono.just(json.readValue(cached, CustomerProfile.class));
		}
		catch (JacksonException ex) {
			// an entry Balas cannot read is as good as none
			return Mono.empty();
		}
	}

	private record Cached(CustomerProfile profile, Duration ttl) {
	}

}
