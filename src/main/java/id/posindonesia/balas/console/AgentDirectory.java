package id.posindonesia.balas.console;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import id.posindonesia.balas.config.LuaScript;

/**
 * The agents who may use the API and the console, kept in Redis so every instance knows them. The first agent,
 * {@code admin}, is created on first start; only the instance that creates it tells its generated password.
 */
@Component
class AgentDirectory implements ReactiveUserDetailsService {

	static final String ADMIN = "admin";

	private static final Logger log = LoggerFactory.getLogger(AgentDirectory.class);

	// password and role in one step, so that an account never exists without its role
	private static final RedisScript<Long> CREATE_AGENT = LuaScript.load("create-agent", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final PasswordEncoder passwordEncoder;

	private final AgentProperties properties;

	AgentDirectory(ReactiveStringRedisTemplate redis, PasswordEncoder passwordEncoder, AgentProperties properties) {
		this.redis = redis;
		this.passwordEncoder = passwordEncoder;
		this.properties = properties;
	}

	@Override
	public Mono<UserDetails> findByUsername(String username) {
		return redis.<String, String>opsForHash()
			.entries(key(username))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.filter(fields -> fields.containsKey("password"))
			.map(fields -> User.withUsername(username)
				.password(fields.get("password"))
				.roles(fields.getOrDefault("role", "AGENT"))
				.build());
	}

	@EventListener(ApplicationReadyEvent.class)
	Mono<Void> createAdminOnFirstStart() {
		boolean generated = !StringUtils.hasText(properties.adminPassword());
		String password = generated ? randomPassword() : properties.adminPassword();
		return redis.execute(CREATE_AGENT, List.of(key(ADMIN)), List.of(passwordEncoder.encode(password), "ADMIN"))
			.next()
			.filter(created -> created == 1L)
			.doOnNext(created -> {
				if (generated) {
					// printed once, outside the logs, like Spring Boot's own generated password
					System.out.printf("%n  Balas agent account created: user 'admin', password '%s'%n"
							+ "  Set BALAS_ADMIN_PASSWORD to choose it instead.%n%n", password);
				}
				else {
					log.info("Agent account 'admin' created with the password from BALAS_ADMIN_PASSWORD");
				}
			})
			.then();
	}

	private static String key(String username) {
		return "balas:agents:" + username;
	}

	private static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
