package id.posindonesia.balas.console;

import java.util.List;
import java.util.Locale;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What an agent may do. Supervisors also hold the agent role, so that a rule written for agents includes them.
 */
enum AgentRole {

	AGENT, SUPERVISOR;

	/** The role accounts had before roles existed: only {@code admin}, which is a supervisor. */
	static final String LEGACY_ADMIN = "ADMIN";

	List<GrantedAuthority> authorities() {
		return switch (this) {
			case AGENT -> List.of(authority(AGENT));
			case SUPERVISOR -> List.of(authority(SUPERVISOR), authority(AGENT));
		};
	}

	/** Reads a stored role; accounts stored before roles existed keep working. */
	static AgentRole fromStored(String stored) {
		return LEGACY_ADMIN.equals(stored) ? SUPERVISOR : valueOf(stored);
	}

	/** Parses a role as people write it ({@code agent}, {@code Supervisor}); unknown names are refused. */
	static AgentRole parse(String name) {
		try {
			return valueOf(name.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidAgentException("role must be 'agent' or 'supervisor'");
		}
	}

	private static GrantedAuthority authority(AgentRole role) {
		return new SimpleGrantedAuthority("ROLE_" + role.name());
	}

}
