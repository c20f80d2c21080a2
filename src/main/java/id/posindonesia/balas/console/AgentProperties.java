package id.posindonesia.balas.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param adminPassword the first agent's password ({@code BALAS_ADMIN_PASSWORD}); unset means a random one */
@ConfigurationProperties("balas.agents")
record AgentProperties(String adminPassword) {

	@Override
	public String toString() {
		return "AgentProperties[adminPassword=***]";
	}

}
