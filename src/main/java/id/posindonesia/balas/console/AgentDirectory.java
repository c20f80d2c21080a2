package id.posindonesia.balas.console;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
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
 * The agents who may use the API and the console, kept in Redis so every instance knows them: one hash per account
 * ({@code password}, {@code role}, {@code enabled}) and a set of their names for listing.
 */
@Component
class AgentDirectory implements ReactiveUserDetailsService {

	static final String ADMIN = "admin";

	static final int MIN_PASSWORD_LENGTH = 12;

	// bcrypt reads no further, and Spring's encoder refuses longer passwords rather than silently ignoring the rest
	static final int MAX_PASSWORD_BYTES = 72;

	static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

	private static final RedisScript<Long> CREATE_AGENT = LuaScript.load("create-agent", Long.class);

	private static final RedisScript<Long> UPDATE_AGENT = LuaScript.load("update-agent", Long.class);

	private static final String PASSWORD = "password";

	private static final String ROLE = "role";

	private static final String ENABLED = "enabled";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ReactiveStringRedisTemplate redis;

	private final PasswordEncoder passwordEncoder;

	private final String namespace;

	@Autowired
	AgentDirectory(ReactiveStringRedisTemplate redis, PasswordEncoder passwordEncoder) {
		this(redis, passwordEncoder, "balas");
	}

	/** @param namespace prefix of every key, so that tests can keep their accounts apart */
	AgentDirectory(ReactiveStringRedisTemplate redis, PasswordEncoder passwordEncoder, String namespace) {
		this.redis = redis;
		this.passwordEncoder = passwordEncoder;
		this.namespace = namespace;
	}

	@Override
	public Mono<UserDetails> findByUsername(String username) {
		return account(username).map(fields -> User.withUsername(username)
			.password(fields.get(PASSWORD))
			.authorities(role(fields).authorities())
			.disabled(!enabled(fields))
			.build());
	}

	Flux<Agent> list() {
		return redis.opsForSet()
			.members(namesKey())
			.flatMap(this::find)
			.sort(Comparator.comparing(Agent::username));
	}

	Mono<Agent> find(String username) {
		return account(username).map(fields -> new Agent(username, role(fields), enabled(fields)));
	}

	/** @return whether the account was created; false when the username is taken */
	Mono<Boolean> add(String username, String password, AgentRole role) {
		return Mono.defer(() -> {
			checkUsername(username);
			checkPassword(password);
			return create(username, password, role);
		});
	}

	/** @return whether the account exists */
	Mono<Boolean> setEnabled(String username, boolean enabled) {
		return update(username, ENABLED, enabled ? "1" : "0", "").map(written -> written == 1L);
	}

	/** @return whether the account exists */
	Mono<Boolean> resetPassword(String username, String password) {
		return Mono.defer(() -> {
			checkPassword(password);
			return encode(password).flatMap(hash -> update(username, PASSWORD, hash, ""))
				.map(written -> written == 1L);
		});
	}

	/**
	 * Makes sure the first agent exists with the configured password: created on first start (with a random
	 * password when none is configured), changed when another one is configured later, left alone otherwise.
	 * Accounts stored before roles existed become supervisors.
	 */
	Mono<AdminSetUp> setUpAdmin(@Nullable String configuredPassword) {
		return Mono.defer(() -> {
			if (!StringUtils.hasText(configuredPassword)) {
				String generated = randomPassword();
				return create(ADMIN, generated, AgentRole.SUPERVISOR)
					.flatMap(created -> created ? Mono.just(AdminSetUp.generated(generated)) : migrateAdmin());
			}
			try {
				checkPassword(configuredPassword);
			}
			catch (InvalidAgentException ex) {
				return Mono.error(new InvalidAgentException("BALAS_ADMIN_PASSWORD: " + ex.getMessage()));
			}
			return create(ADMIN, configuredPassword, AgentRole.SUPERVISOR)
				.flatMap(created -> created ? Mono.just(AdminSetUp.CREATED)
						: migrateAdmin().then(changeAdminPassword(configuredPassword)));
		});
	}

	private Mono<AdminSetUp> migrateAdmin() {
		return redis.<String, String>opsForHash()
			.get(accountKey(ADMIN), ROLE)
			.filter(AgentRole.LEGACY_ADMIN::equals)
			.flatMap(legacy -> update(ADMIN, ROLE, AgentRole.SUPERVISOR.name(), legacy))
			.then(redis.opsForSet().add(namesKey(), ADMIN))
			.thenReturn(AdminSetUp.UNCHANGED);
	}

	private Mono<AdminSetUp> changeAdminPassword(String password) {
		return redis.<String, String>opsForHash()
			.get(accountKey(ADMIN), PASSWORD)
			.flatMap(stored -> Mono.fromCallable(() -> passwordEncoder.matches(password, stored))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMap(same -> same ? Mono.just(AdminSetUp.UNCHANGED)
						: encode(password).flatMap(hash -> update(ADMIN, PASSWORD, hash, stored))
							.map(written -> written == 1L ? AdminSetUp.CHANGED : AdminSetUp.UNCHANGED)));
	}

	private Mono<Boolean> create(String username, String password, AgentRole role) {
		return encode(password)
			.flatMap(hash -> redis.execute(CREATE_AGENT, List.of(accountKey(username)), List.of(hash, role.name()))
				.next())
			.map(created -> created == 1L)
			// listed after the fact: the name set and the account may sit on different cluster nodes
			.flatMap(created -> redis.opsForSet().add(namesKey(), username).thenReturn(created));
	}

	private Mono<Long> update(String username, String field, String value, String expected) {
		return redis.execute(UPDATE_AGENT, List.of(accountKey(username)), List.of(field, value, expected)).next();
	}

	private Mono<Map<String, String>> account(String username) {
		return redis.<String, String>opsForHash()
			.entries(accountKey(username))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.filter(fields -> fields.containsKey(PASSWORD));
	}

	// bcrypt takes tens of milliseconds on purpose: never on an event-loop thread
	private Mono<String> encode(String password) {
		return Mono.fromCallable(() -> passwordEncoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
	}

	private static AgentRole role(Map<String, String> fields) {
		return AgentRole.fromStored(fields.getOrDefault(ROLE, AgentRole.AGENT.name()));
	}

	// accounts stored before they could be disabled have no flag
	private static boolean enabled(Map<String, String> fields) {
		return !"0".equals(fields.get(ENABLED));
	}

	static void checkUsername(@Nullable String username) {
		if (username == null || !USERNAME.matcher(username).matches()) {
			throw new InvalidAgentException("username must be 3 to 32 characters: lower-case letters, digits, "
					+ "'.', '_' or '-', starting with a letter or digit");
		}
	}

	static void checkPassword(@Nullable String password) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
			throw new InvalidAgentException("password must be at least " + MIN_PASSWORD_LENGTH + " characters");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new InvalidAgentException("password must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
		}
		if (password.isBlank()) {
			throw new InvalidAgentException("password must not be blank");
		}
	}

	private String accountKey(String username) {
		return namespace + ":agents:" + username;
	}

	private String namesKey() {
		return namespace + ":agent-names";
	}

	private static String randomPassword() {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * What starting up did to the admin account.
	 *
	 * @param generatedPassword the password chosen for a newly created admin when none was configured
	 */
	record AdminSetUp(Outcome outcome, @Nullable String generatedPassword) {

		static final AdminSetUp CREATED = new AdminSetUp(Outcome.CREATED, null);

		static final AdminSetUp CHANGED = new AdminSetUp(Outcome.CHANGED, null);

		static final AdminSetUp UNCHANGED = new AdminSetUp(Outcome.UNCHANGED, null);

		static AdminSetUp generated(String password) {
			return new AdminSetUp(Outcome.CREATED, password);
		}

		@Override
		public String toString() {
			return "AdminSetUp[" + outcome + (generatedPassword == null ? "" : ", generated") + "]";
		}

		enum Outcome {

			CREATED, CHANGED, UNCHANGED

		}

	}

}
