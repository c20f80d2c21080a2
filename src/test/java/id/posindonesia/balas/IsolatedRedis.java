package id.posindonesia.balas;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * A database of the test Redis that one test class has to itself, emptied before each test: keys that other tests
 * (or the running application) leave behind can neither make its assertions pass nor fail.
 */
public final class IsolatedRedis implements AutoCloseable {

	private final LettuceConnectionFactory connectionFactory;

	private final ReactiveStringRedisTemplate template;

	private IsolatedRedis(LettuceConnectionFactory connectionFactory) {
		this.connectionFactory = connectionFactory;
		this.template = new ReactiveStringRedisTemplate(connectionFactory);
	}

	/** Database {@code database} (1–15; the application uses 0) of the application's Redis, emptied. */
	public static IsolatedRedis database(ApplicationContext context, int database) {
		DataRedisConnectionDetails.Standalone server = context.getBean(DataRedisConnectionDetails.class).getStandalone();
		RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration(server.getHost(), server.getPort());
		configuration.setDatabase(database);
		LettuceConnectionFactory factory = new LettuceConnectionFactory(configuration);
		factory.afterPropertiesSet();
		factory.start();
		IsolatedRedis redis = new IsolatedRedis(factory);
		redis.template.execute(connection -> connection.serverCommands().flushDb()).blockLast();
		return redis;
	}

	public ReactiveStringRedisTemplate template() {
		return template;
	}

	public LettuceConnectionFactory connectionFactory() {
		return connectionFactory;
	}

	@Override
	public void close() {
		connectionFactory.destroy();
	}

}
