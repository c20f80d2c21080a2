package id.posindonesia.balas.config;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

import id.posindonesia.balas.console.LoginThrottledException;

/**
 * Who may call what. Agents log in with HTTP Basic on the API (stateless, so no CSRF) and with a form on the
 * console (session cookie, CSRF protection); the console's session also opens the API, with the same CSRF
 * protection, since the console's page calls it; supervisors alone manage agents and read suggestions. Meta's webhook
 * and the health probes stay open because their callers cannot log in; metrics need agent credentials unless
 * {@code balas.security.prometheus-public} opens them to a scraper. Everything else denies anonymous access.
 * Credentials are checked by the application's {@code ReactiveAuthenticationManager}, which refuses too many failed
 * logins with a {@link LoginThrottledException}: {@code 429} on the API, a form error on the console.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityConfig.SecurityProperties.class)
public class SecurityConfig {

	static final String LOGIN_PAGE = "/console/login";

	private static final String SUPERVISOR = "SUPERVISOR";

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

	/**
	 * Scripts send Basic credentials on every request, which keep nothing and need no CSRF token; the console calls the
	 * same paths with its session cookie, which browsers send ambiently, so an unsafe request authenticated by the
	 * session must carry the session's CSRF token in {@code X-CSRF-TOKEN}.
	 */
	@Bean
	@Order(1)
	SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ObjectProvider<ReactiveUserDetailsService> accounts) {
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**"))
			.httpBasic(basic -> basic.authenticationEntryPoint(basicEntryPoint())
				.securityContextRepository(NoOpServerSecurityContextRepository.getInstance()))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(basicEntryPoint()))
			.securityContextRepository(consoleSessions(accounts))
			.csrf(csrf -> csrf.requireCsrfProtectionMatcher(
					new AndServerWebExchangeMatcher(CsrfWebFilter.DEFAULT_CSRF_MATCHER, SecurityConfig::sessionAuthenticated)))
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.authorizeExchange(exchanges -> exchanges
				.pathMatchers("/api/agents/**", "/api/suggestions/**").hasRole(SUPERVISOR)
				.anyExchange().authenticated())
			.build();
	}

	@Bean
	@Order(2)
	SecurityWebFilterChain actuatorSecurity(ServerHttpSecurity http, SecurityProperties properties) {
		return basicOnly(http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/actuator/**")))
			.authorizeExchange(exchanges -> {
				exchanges.pathMatchers("/actuator/health", "/actuator/health/**").permitAll();
				if (properties.prometheusPublic()) {
					exchanges.pathMatchers("/actuator/prometheus").permitAll();
				}
				exchanges.anyExchange().authenticated();
			})
			.build();
	}

	@Bean
	@Order(3)
	SecurityWebFilterChain consoleSecurity(ServerHttpSecurity http, ObjectProvider<ReactiveUserDetailsService> accounts) {
		return http.securityContextRepository(consoleSessions(accounts))
			.authorizeExchange(exchanges -> exchanges
				.pathMatchers(HttpMethod.GET, LOGIN_PAGE).permitAll()
				.anyExchange().authenticated())
			.formLogin(form -> form.loginPage(LOGIN_PAGE)
				// back to the page that asked for the login, else the console's start
				.authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/console"))
				.authenticationFailureHandler(loginFormFailure()))
			.logout(logout -> logout.logoutUrl("/console/logout")
				.logoutSuccessHandler(redirectTo(LOGIN_PAGE + "?logout")))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.build();
	}

	private static ServerSecurityContextRepository consoleSessions(ObjectProvider<ReactiveUserDetailsService> accounts) {
		ServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();
		ReactiveUserDetailsService accountsInUse = accounts.getIfAvailable();
		return accountsInUse == null ? sessions : new EnabledAccountsOnly(sessions, accountsInUse);
	}

	/** Whether a console login is kept in the request's session, whatever else the request carries. */
	private static Mono<MatchResult> sessionAuthenticated(ServerWebExchange exchange) {
		return exchange.getSession()
			.filter(session -> session.getAttributes()
				.containsKey(WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME))
			.flatMap(session -> MatchResult.match())
			.switchIfEmpty(MatchResult.notMatch());
	}

	/**
	 * A console session lasts only while its account exists and is enabled: disabling an agent ends their sessions on
	 * every instance at their next request, and enabling them again does not bring those sessions back.
	 */
	private record EnabledAccountsOnly(ServerSecurityContextRepository sessions,
			ReactiveUserDetailsService accounts) implements ServerSecurityContextRepository {

		@Override
		public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
			return sessions.save(exchange, context);
		}

		@Override
		public Mono<SecurityContext> load(ServerWebExchange exchange) {
			return sessions.load(exchange).filterWhen(context -> {
				Authentication authentication = context.getAuthentication();
				if (authentication == null) {
					return Mono.just(true);
				}
				return accounts.findByUsername(authentication.getName())
					.map(UserDetails::isEnabled)
					.defaultIfEmpty(false)
					.flatMap(enabled -> enabled ? Mono.just(true)
							: exchange.getSession().flatMap(WebSession::invalidate).thenReturn(false));
			});
		}

	}

	/** Stateless callers (scripts, scrapers): Basic credentials on every request, no session, no CSRF. */
	private static ServerHttpSecurity basicOnly(ServerHttpSecurity http) {
		return http.httpBasic(basic -> basic.authenticationEntryPoint(basicEntryPoint()))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(basicEntryPoint()))
			// Basic credentials are not sent ambiently by browsers, so CSRF does not apply
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable);
	}

	/** {@code 401} without a {@code WWW-Authenticate} challenge, so that browsers show no pop-up; {@code 429} when throttled. */
	private static ServerAuthenticationEntryPoint basicEntryPoint() {
		return (exchange, failure) -> Mono.fromRunnable(() -> {
			if (failure instanceof LoginThrottledException throttled) {
				exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
				exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfterSeconds(throttled));
			}
			else {
				exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
			}
		});
	}

	private static ServerAuthenticationFailureHandler loginFormFailure() {
		DefaultServerRedirectStrategy redirects = new DefaultServerRedirectStrategy();
		return (WebFilterExchange exchange, AuthenticationException failure) -> redirects.sendRedirect(
				exchange.getExchange(),
				URI.create(LOGIN_PAGE + (failure instanceof LoginThrottledException ? "?throttled" : "?error")));
	}

	private static RedirectServerLogoutSuccessHandler redirectTo(String location) {
		RedirectServerLogoutSuccessHandler handler = new RedirectServerLogoutSuccessHandler();
		handler.setLogoutSuccessUrl(URI.create(location));
		return handler;
	}

	private static String retryAfterSeconds(LoginThrottledException throttled) {
		// rounded up: a client that waits exactly this long must not be refused again
		return Long.toString((throttled.retryAfter().toMillis() + 999) / 1000);
	}

	/** A tracing span per security filter per request costs more than the webhook's own work; HTTP metrics stay. */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * @param prometheusPublic whether {@code /actuator/prometheus} answers without credentials; only where nobody
	 * but the scraper can reach it (a separate network, or {@code management.server.port} behind a firewall)
	 */
	@ConfigurationProperties("balas.security")
	public record SecurityProperties(@DefaultValue("false") boolean prometheusPublic) {
	}

}
