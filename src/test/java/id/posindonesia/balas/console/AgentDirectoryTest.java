package id.posindonesia.balas.console;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

import id.posindonesia.balas.BalasIntegrationTest;
import id.posindonesia.balas.console.AgentDirectory.AdminSetUp;
import id.posindonesia.balas.console.AgentDirectory.AdminSetUp.Outcome;
import id.posindonesia.balas.console.AgentProperties.LoginThrottling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Accounts in Redis, and what each start-up does to {@code admin}: every test works in a key namespace of its own,
 * as if it were a fresh Redis.
 */
@BalasIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AgentDirectoryTest {

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Autowired
	private AgentDirectory applicationAgents;

	@TempDir
	private Path tempDir;

	private String namespace;

	private AgentDirectory agents;

	@BeforeEach
	void freshNamespace() {
		namespace = "test-agents-" + UUID.randomUUID();
		agents = new AgentDirectory(redis, passwordEncoder, namespace);
	}

	@Test
	void theApplicationsAdminIsASupervisorWithAHashedPassword() {
		UserDetails admin = applicationAgents.findByUsername(AgentDirectory.ADMIN).block();
		assertThat(admin.getPassword()).startsWith("{bcrypt}").doesNotContain("test-admin-password");
		assertThat(passwordEncoder.matches("test-admin-password", admin.getPassword())).isTrue();
		assertThat(admin.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_SUPERVISOR", "ROLE_AGENT");
		assertThat(admin.isEnabled()).isTrue();
		assertThat(applicationAgents.findByUsername("nobody-" + UUID.randomUUID()).blockOptional()).isEmpty();
	}

	@Test
	void aSecondStartWithAnotherAdminPasswordChangesIt() {
		assertThat(agents.setUpAdmin("first-password-1").block()).isEqualTo(AdminSetUp.CREATED);
		String firstHash = storedHash();
		assertThat(passwordEncoder.matches("first-password-1", firstHash)).isTrue();

		assertThat(agents.setUpAdmin("second-password-2").block()).isEqualTo(AdminSetUp.CHANGED);
		String secondHash = storedHash();
		assertThat(passwordEncoder.matches("second-password-2", secondHash)).isTrue();
		assertThat(passwordEncoder.matches("first-password-1", secondHash)).isFalse();

		assertThat(agents.setUpAdmin("second-password-2").block()).as("same password: no write")
			.isEqualTo(AdminSetUp.UNCHANGED);
		assertThat(agents.setUpAdmin("").block()).as("unset later: the password stays").isEqualTo(AdminSetUp.UNCHANGED);
		assertThat(storedHash()).isEqualTo(secondHash);
		assertThat(agents.list().collectList().block()).containsExactly(new Agent("admin", AgentRole.SUPERVISOR, true));
	}

	@Test
	void anUnsetAdminPasswordIsGeneratedOnFirstStartOnly() {
		AdminSetUp first = agents.setUpAdmin(null).block();
		assertThat(first.outcome()).isEqualTo(Outcome.CREATED);
		assertThat(first.generatedPassword()).hasSizeGreaterThanOrEqualTo(AgentDirectory.MIN_PASSWORD_LENGTH);
		assertThat(passwordEncoder.matches(first.generatedPassword(), storedHash())).isTrue();

		assertThat(agents.setUpAdmin(null).block()).isEqualTo(AdminSetUp.UNCHANGED);
		assertThat(passwordEncoder.matches(first.generatedPassword(), storedHash())).isTrue();
	}

	@Test
	void aShortAdminPasswordFailsTheStartUp() {
		assertThatThrownBy(() -> agents.setUpAdmin("too-short").block()).isInstanceOf(InvalidAgentException.class)
			.hasMessageContaining("BALAS_ADMIN_PASSWORD")
			.hasMessageContaining("at least 12");
		assertThat(agents.find("admin").blockOptional()).isEmpty();
	}

	@Test
	void anAdminStoredBeforeRolesExistedIsASupervisorAndIsMigrated() {
		redis.<String, String>opsForHash()
			.putAll(namespace + ":agents:admin", Map.of("password", passwordEncoder.encode("legacy-password"),
					"role", "ADMIN"))
			.block();
		assertThat(agents.findByUsername("admin").block().getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_SUPERVISOR", "ROLE_AGENT");

		assertThat(agents.setUpAdmin(null).block()).isEqualTo(AdminSetUp.UNCHANGED);
		assertThat(redis.<String, String>opsForHash().get(namespace + ":agents:admin", "role").block())
			.isEqualTo("SUPERVISOR");
		assertThat(agents.list().collectList().block()).containsExactly(new Agent("admin", AgentRole.SUPERVISOR, true));
	}

	@Test
	void addedAgentsCanBeDisabledEnabledAndReset() {
		assertThat(agents.add("siti.rahma", "password-of-siti", AgentRole.AGENT).block()).isTrue();
		assertThat(agents.add("siti.rahma", "another-password", AgentRole.SUPERVISOR).block()).isFalse();
		assertThat(agents.findByUsername("siti.rahma").block()).satisfies(siti -> {
			assertThat(siti.isEnabled()).isTrue();
			assertThat(siti.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_AGENT");
			assertThat(passwordEncoder.matches("password-of-siti", siti.getPassword())).isTrue();
		});

		assertThat(agents.setEnabled("siti.rahma", false).block()).isTrue();
		assertThat(agents.findByUsername("siti.rahma").block().isEnabled()).isFalse();
		assertThat(agents.setEnabled("siti.rahma", true).block()).isTrue();
		assertThat(agents.findByUsername("siti.rahma").block().isEnabled()).isTrue();

		assertThat(agents.resetPassword("siti.rahma", "a-new-password-1").block()).isTrue();
		assertThat(passwordEncoder.matches("a-new-password-1", agents.findByUsername("siti.rahma").block().getPassword()))
			.isTrue();

		assertThat(agents.setEnabled("nobody", false).block()).isFalse();
		assertThat(agents.resetPassword("nobody", "a-new-password-1").block()).isFalse();
		assertThat(agents.find("nobody").blockOptional()).as("no half account created").isEmpty();
	}

	@Test
	void invalidUsernamesAndPasswordsAreRefused() {
		assertThatThrownBy(() -> agents.add("Siti", "password-of-siti", AgentRole.AGENT).block())
			.isInstanceOf(InvalidAgentException.class).hasMessageContaining("username");
		assertThatThrownBy(() -> agents.add("siti", "short-pass", AgentRole.AGENT).block())
			.isInstanceOf(InvalidAgentException.class).hasMessageContaining("at least 12");
		assertThatThrownBy(() -> agents.add("siti", "x".repeat(73), AgentRole.AGENT).block())
			.isInstanceOf(InvalidAgentException.class).hasMessageContaining("72 bytes");
		assertThatThrownBy(() -> agents.resetPassword("siti", "            ").block())
			.isInstanceOf(InvalidAgentException.class).hasMessageContaining("blank");
		assertThat(agents.list().collectList().block()).isEmpty();
	}

	@Test
	void aGeneratedPasswordGoesToAnOwnerOnlyFileAndNeverToTheLog(CapturedOutput output) throws Exception {
		Path file = tempDir.resolve("var/admin-password");
		ByteArrayOutputStream console = new ByteArrayOutputStream();

		AdminSetUp setUp = adminAccount(null, file, false).setUp(new PrintStream(console, true, StandardCharsets.UTF_8));

		String password = setUp.generatedPassword();
		assertThat(Files.readString(file).strip()).isEqualTo(password);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(output.getAll()).contains(file.toString()).doesNotContain(password);
		assertThat(console.toString(StandardCharsets.UTF_8)).as("not on embedded defaults: not printed").isEmpty();

		assertThat(adminAccount("chosen-password-1", file, false).setUp(System.out)).isEqualTo(AdminSetUp.CHANGED);
		assertThat(file).as("the stale generated password is deleted").doesNotExist();
	}

	@Test
	void onTheEmbeddedDefaultsTheGeneratedPasswordIsAlsoPrintedOnce() {
		Path file = tempDir.resolve("admin-password");
		ByteArrayOutputStream console = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);

		String password = adminAccount(null, file, true).setUp(out).generatedPassword();
		adminAccount(null, file, true).setUp(out);

		assertThat(console.toString(StandardCharsets.UTF_8)).containsOnlyOnce(password);
	}

	private AdminAccount adminAccount(String password, Path file, boolean embeddedDefaults) {
		return new AdminAccount(agents,
				new AgentProperties(password, file, new LoginThrottling(5, 20, Duration.ofMinutes(15),
						Duration.ofMinutes(15))),
				embeddedDefaults);
	}

	private String storedHash() {
		return redis.<String, String>opsForHash().get(namespace + ":agents:admin", "password").block();
	}

}
