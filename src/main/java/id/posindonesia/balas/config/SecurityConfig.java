package id.posindonesia.balas.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
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

	/**
	 * Meta authenticates each webhook call with its HMAC signature, checked by the webhook itself; it has no
	 * session, no CSRF token and no login, so this chain keeps only the response headers.
	 */
	@Bean
	@Order(0)
	SecurityWebFilterChain webhookSecurity(ServerHttpSecurity http) {
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/webhooks/**"))
			.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.anonymous(ServerHttpSecurity.AnonymousSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.build();
	}

	@Bean
	@Order(2)
	SecurityWebFilterChain siteSecurity(ServerHttpSecurity http) {
		return http
			.authorizeExchange(exchanges -> exchanges
				.pathMatchers("/actuator/health/**", "/actuator/prometheus").permitAll()
				.anyExchange().authenticated())
			.formLogin(form -> {
			})
			.build();
	}

	/** A tracing span per security filter per request costs more than the webhook's own work; HTTP metrics stay. */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
