package id.posindonesia.balas.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How agent passwords are hashed: bcrypt, behind Spring Security's delegating encoder so that a stronger
 * algorithm can take over later without invalidating stored hashes. Shared by the web application and the
 * {@link AgentCommandLine}.
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfig {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
