package id.posindonesia.balas.config;

import java.util.stream.Stream;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when none of Spring Boot's ways to point at a Redis (URL, host, cluster, sentinel) is set. */
class NoRedisConfigured implements Condition {

	private static final String[] REDIS_LOCATIONS = { "spring.data.redis.url", "spring.data.redis.host",
			"spring.data.redis.cluster.nodes", "spring.data.redis.sentinel.master" };

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return Stream.of(REDIS_LOCATIONS)
			.noneMatch(key -> StringUtils.hasText(context.getEnvironment().getProperty(key)));
	}

}
