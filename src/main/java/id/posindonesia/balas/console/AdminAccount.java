package id.posindonesia.balas.console;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import id.posindonesia.balas.sandbox.Sandbox;
import id.posindonesia.balas.console.AgentDirectory.AdminSetUp;

/**
 * Sets up the first agent, {@code admin}, at start-up. A generated password never goes to the log, which in a
 * container is kept and shipped elsewhere: it is written to a file only its owner can read, and printed on the
 * console only when Balas runs on its embedded defaults (Redis and sandbox), i.e. on a developer's machine.
 */
@Component
class AdminAccount {

	private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

	private static final Duration SET_UP_TIMEOUT = Duration.ofSeconds(30);

	private final AgentDirectory agents;

	private final AgentProperties properties;

	private final boolean embeddedDefaults;

	@Autowired
	AdminAccount(AgentDirectory agents, AgentProperties properties, ObjectProvider<RedisServer> embeddedRedis,
			ObjectProvider<Sandbox> sandbox) {
		this(agents, properties, embeddedRedis.getIfAvailable() != null && sandbox.getIfAvailable() != null);
	}

	AdminAccount(AgentDirectory agents, AgentProperties properties, boolean embeddedDefaults) {
		this.agents = agents;
		this.properties = properties;
		this.embeddedDefaults = embeddedDefaults;
	}

	/** Blocks, so that an invalid BALAS_ADMIN_PASSWORD or an unreachable Redis fails the start-up. */
	@EventListener(ApplicationReadyEvent.class)
	void setUpOnStart() {
		setUp(System.out);
	}

	AdminSetUp setUp(PrintStream console) {
		AdminSetUp setUp = agents.setUpAdmin(properties.adminPassword()).block(SET_UP_TIMEOUT);
		switch (setUp.outcome()) {
			case CREATED -> {
				if (setUp.generatedPassword() == null) {
					log.info("Agent account 'admin' created with the password from BALAS_ADMIN_PASSWORD");
				}
				else {
					announce(setUp.generatedPassword(), console);
				}
			}
			case CHANGED -> {
				log.info("Password of agent account 'admin' changed to the one in BALAS_ADMIN_PASSWORD");
				deleteGeneratedPasswordFile();
			}
			case UNCHANGED -> log.debug("Agent account 'admin' exists; its password is unchanged");
		}
		return setUp;
	}

	private void announce(String password, PrintStream console) {
		Path file = properties.adminPasswordFile().toAbsolutePath().normalize();
		try {
			writeOwnerOnly(file, password);
			log.warn("Agent account 'admin' created with a generated password, written to {} (readable by its "
					+ "owner only). Read it, delete the file, and set BALAS_ADMIN_PASSWORD to choose the password.",
					file);
		}
		catch (IOException ex) {
			log.error("Agent account 'admin' created with a generated password that could not be written to {} ({}). "
					+ "Set BALAS_ADMIN_PASSWORD and restart, or run 'agents reset admin', to give it a known one.",
					file, ex.toString());
		}
		if (embeddedDefaults) {
			// a developer's machine: printed once, outside the logs, like Spring Boot's own generated password
			console.printf("%n  Balas agent account created: user 'admin', password '%s'%n"
					+ "  Set BALAS_ADMIN_PASSWORD to choose it instead.%n%n", password);
		}
	}

	private static void writeOwnerOnly(Path file, String password) throws IOException {
		Files.createDirectories(file.getParent());
		Files.deleteIfExists(file);
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			// created with its permissions, so that the password is never readable by others, not even briefly
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		else {
			Files.createFile(file);
		}
		Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8,
				StandardOpenOption.TRUNCATE_EXISTING);
	}

	private void deleteGeneratedPasswordFile() {
		Path file = properties.adminPasswordFile();
		try {
			if (Files.deleteIfExists(file)) {
				log.info("Deleted {}: it held a generated admin password that no longer applies", file);
			}
		}
		catch (IOException ex) {
			log.warn("Could not delete {}, which holds an admin password that no longer applies: {}", file,
					ex.toString());
		}
	}

}
