package id.posindonesia.balas.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Agents log in with HTTP Basic on the API and with a form on the console; Meta's webhook and the
 * health probes stay open because their callers cannot log in.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfig {

	@Bean
	@Order(1)
	SecurityWebFilterChain apiSecurity(ServerHttpSecurity http) {
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**"))
			.authorizeExchange(exchanges -> exchanges.anyExchange().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)))
			// stateless Basic credentials are not sent ambiently by browsers, so CSRF does not apply
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.build();
	}

	@Bean
	@Order(2)
	SecurityWebFilterChain siteSecurity(ServerHttpSecurity http) {
		return http
			.authorizeExchange(exchanges -> exchanges
				.pathMatchers("/webhooks/**", "/actuator/health/**", "/actuator/prometheus").permitAll()
				.anyExchange().authenticated())
			// Meta cannot send a CSRF token; the webhook is authenticated by its HMAC signature instead
			.csrf(csrf -> csrf.requireCsrfProtectionMatcher(
					ServerWebExchangeMatchers.pathMatchers(org.springframework.http.HttpMethod.POST, "/console/**", "/logout")))
			.formLogin(form -> {
			})
			.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
