package id.posindonesia.balas.console;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.NestedExceptionUtils;

/**
 * Manages agent accounts without the web server, e.g. to create the first supervisors: a small Spring context with
 * nothing but Redis (the one in {@code REDIS_URL}, or the embedded one on its data directory) and the
 * {@link AgentDirectory}. Passwords come from {@code BALAS_NEW_AGENT_PASSWORD} or standard input, never from the
 * arguments, which other users of the machine can read.
 */
public final class AgentCommandLine {

	static final String PASSWORD_VARIABLE = "BALAS_NEW_AGENT_PASSWORD";

	static final String USAGE = """
			Usage: agents <command> [--spring.property=value ...]
			  agents list                                  every account: name, role, enabled
			  agents add NAME [--role agent|supervisor]    new account (role agent unless given)
			  agents reset NAME                            new password for an account
			  agents disable NAME                          refuse its logins from now on
			  agents enable NAME                           accept them again
			The password of 'add' and 'reset' is read from BALAS_NEW_AGENT_PASSWORD, or else asked for on the
			terminal, or read as one line from standard input; at least %d characters.
			Redis: REDIS_URL, or else the embedded Redis on its data directory (./var/redis), which Balas must not
			be using at the same time: stop it first, or set REDIS_URL=redis://127.0.0.1:PORT to the port of its
			"Embedded Redis listening" log line.
			""".formatted(AgentDirectory.MIN_PASSWORD_LENGTH);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private AgentCommandLine() {
	}

	/** Whether these program arguments ask for this command line rather than the web application. */
	public static boolean handles(String[] args) {
		return args.length > 0 && "agents".equals(args[0]);
	}

	public static void main(String[] args) {
		System.exit(run(args, System::getenv, AgentCommandLine::promptOrReadLine, System.out, System.err));
	}

	/** Asks without echoing it on a terminal; reads one line when the password is piped in. */
	private static @Nullable String promptOrReadLine() {
		Console console = System.console();
		if (console != null) {
			char[] password = console.readPassword("Password (at least %d characters): ",
					AgentDirectory.MIN_PASSWORD_LENGTH);
			return password == null ? null : new String(password);
		}
		try {
			return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
		}
		catch (IOException ex) {
			throw new InvalidAgentException("cannot read the password from standard input: " + ex.getMessage());
		}
	}

	/**
	 * @param args {@code agents <command> ...}, then any {@code --spring.property=value} for the Redis connection
	 * @return the process's exit status: 0 done, 1 refused (no such account, name taken, invalid input) or failed
	 * (Redis unreachable), 2 usage
	 */
	static int run(String[] args, UnaryOperator<@Nullable String> environment,
			Supplier<@Nullable String> standardInput, PrintStream out, PrintStream err) {
		List<String> words = new ArrayList<>();
		List<String> springArgs = new ArrayList<>();
		String role = "agent";
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--role") && i + 1 < args.length) {
				role = args[++i];
			}
			else if (args[i].startsWith("--role=")) {
				role = args[i].substring("--role=".length());
			}
			else if (args[i].startsWith("--")) {
				springArgs.add(args[i]);
			}
			else {
				words.add(args[i]);
			}
		}
		if (words.size() < 2 || !words.get(0).equals("agents") || !validArity(words)) {
			err.print(USAGE);
			return 2;
		}
		try {
			Command command = new Command(words.get(1), words.size() > 2 ? words.get(2) : null, role);
			String password = command.needsPassword() ? readPassword(environment, standardInput) : null;
			try (ConfigurableApplicationContext context = start(springArgs)) {
				return command.execute(context.getBean(AgentDirectory.class), password, out, err);
			}
		}
		catch (InvalidAgentException ex) {
			err.println(ex.getMessage());
			return 1;
		}
		catch (RuntimeException ex) {
			// Redis unreachable, a timeout: the cause is what the operator can act on
			err.println("failed: " + NestedExceptionUtils.getMostSpecificCause(ex));
			return 1;
		}
	}

	private static boolean validArity(List<String> words) {
		return switch (words.get(1)) {
			case "list" -> words.size() == 2;
			case "add", "reset", "disable", "enable" -> words.size() == 3;
			default -> false;
		};
	}

	private static String readPassword(UnaryOperator<@Nullable String> environment,
			Supplier<@Nullable String> standardInput) {
		String password = environment.apply(PASSWORD_VARIABLE);
		if (password == null || password.isEmpty()) {
			password = standardInput.get();
		}
		AgentDirectory.checkPassword(password);
		return password;
	}

	private static ConfigurableApplicationContext start(List<String> springArgs) {
		return new SpringApplicationBuilder(Context.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.bannerMode(Banner.Mode.OFF)
			.properties("logging.level.root=WARN")
			.run(springArgs.toArray(String[]::new));
	}

	private record Command(String name, @Nullable String username, String role) {

		boolean needsPassword() {
			return name.equals("add") || name.equals("reset");
		}

		int execute(AgentDirectory agents, @Nullable String password, PrintStream out, PrintStream err) {
			return switch (name) {
				case "list" -> {
					agents.list()
						.doOnNext(agent -> out.printf("%-32s %-10s %s%n", agent.username(),
								agent.role().name().toLowerCase(Locale.ROOT),
								agent.enabled() ? "enabled" : "disabled"))
						.then()
						.block(TIMEOUT);
					yield 0;
				}
				case "add" -> report(agents.add(username, password, AgentRole.parse(role)).block(TIMEOUT),
						"added " + username + " (" + role + ")", "an account named " + username + " exists", out, err);
				case "reset" -> report(agents.resetPassword(username, password).block(TIMEOUT),
						"password of " + username + " changed", "no account named " + username, out, err);
				case "disable" -> report(agents.setEnabled(username, false).block(TIMEOUT), username + " disabled",
						"no account named " + username, out, err);
				case "enable" -> report(agents.setEnabled(username, true).block(TIMEOUT), username + " enabled",
						"no account named " + username, out, err);
				default -> throw new IllegalStateException(name);
			};
		}

		private static int report(@Nullable Boolean done, String success, String failure, PrintStream out,
				PrintStream err) {
			if (Boolean.TRUE.equals(done)) {
				out.println(success);
				return 0;
			}
			err.println(failure);
			return 1;
		}

	}

	/**
	 * Redis (embedded unless configured, through the application's own configuration class, found by name because it
	 * is not public), the password encoder and the directory: no web server, no pipeline, no sandbox. Not a
	 * {@code @Configuration}, so that the web application's component scan leaves it out.
	 */
	@ImportAutoConfiguration({ DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class })
	@ComponentScan(basePackages = "id.posindonesia.balas.config", useDefaultFilters = false,
			includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.EmbeddedRedisConfig"))
	@ConfigurationPropertiesScan("id.posindonesia.balas.config")
	@Import({ PasswordConfig.class, AgentDirectory.class })
	static class Context {

	}

}
