package id.posindonesia.balas.console;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Agent accounts and how their logins are guarded.
 *
 * @param adminPassword the first agent's password ({@code BALAS_ADMIN_PASSWORD}); unset means a random one on first
 * start, and setting it later changes the stored one
 * @param adminPasswordFile where a generated admin password is written (readable by its owner only), instead of the
 * log
 * @param loginThrottling how many failed logins are tolerated before further attempts are refused for a while
 */
@Validated
@ConfigurationProperties("balas.agents")
record AgentProperties(@Nullable String adminPassword,
		@DefaultValue("./var/admin-password") @NotNull Path adminPasswordFile,
		@DefaultValue @NotNull @Valid LoginThrottling loginThrottling) {

	@Override
	public String toString() {
		return "AgentProperties[adminPassword=***, adminPasswordFile=" + adminPasswordFile + ", loginThrottling="
				+ loginThrottling + "]";
	}

	/**
	 * Failed logins are counted in Redis over a sliding window, so that every instance refuses the same attempts.
	 *
	 * @param accountLimit failed logins for one username within the window that start its cooldown
	 * @param addressLimit failed logins from one client address (any usernames) within the window that start its
	 * cooldown
	 * @param window how far back failures count
	 * @param cooldown how long logins for that username, or from that address, are refused once its limit is reached
	 */
	record LoginThrottling(@DefaultValue("5") @Min(1) int accountLimit, @DefaultValue("20") @Min(1) int addressLimit,
			@DefaultValue("15m") @NotNull Duration window, @DefaultValue("15m") @NotNull Duration cooldown) {
	}

}
