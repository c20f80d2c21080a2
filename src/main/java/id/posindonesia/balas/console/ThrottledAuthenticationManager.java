package id.posindonesia.balas.console;

import java.net.InetSocketAddress;
import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Checks agent credentials (HTTP Basic and the console's form alike) against the {@link AgentDirectory}, refusing
 * them unchecked while their username or client address is cooling down. The client address is the connection's,
 * which Spring replaces with the {@code X-Forwarded-For} one only when {@code server.forward-headers-strategy} says
 * a trusted proxy sets it.
 */
@Component
class ThrottledAuthenticationManager implements ReactiveAuthenticationManager {

	static final String UNKNOWN_ADDRESS = "unknown";

	private static final int MAX_ADDRESS_LENGTH = 64;

	private final ReactiveAuthenticationManager passwords;

	private final LoginThrottle throttle;

	ThrottledAuthenticationManager(AgentDirectory agents, PasswordEncoder passwordEncoder, LoginThrottle throttle) {
		UserDetailsRepositoryReactiveAuthenticationManager passwords = new UserDetailsRepositoryReactiveAuthenticationManager(
				agents);
		passwords.setPasswordEncoder(passwordEncoder);
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		String username = authentication.getName();
		return clientAddress().flatMap(address -> throttle.refusal(username, address)
			.flatMap(retryAfter -> Mono.<Authentication>error(new LoginThrottledException(retryAfter)))
			.switchIfEmpty(Mono.defer(() -> passwords.authenticate(authentication)))
			.onErrorResume(BadCredentialsException.class,
					failure -> throttle.recordFailure(username, address).then(Mono.error(failure)))
			.flatMap(success -> throttle.recordSuccess(username).thenReturn(success)));
	}

	// Spring Security puts the exchange into the Reactor context of every request it filters
	private static Mono<String> clientAddress() {
		return Mono.deferContextual(context -> Mono.just(context.<ServerWebExchange>getOrEmpty(ServerWebExchange.class)
			.map(exchange -> exchange.getRequest().getRemoteAddress())
			.map(ThrottledAuthenticationManager::host)
			.orElse(UNKNOWN_ADDRESS)));
	}

	/**
	 * A forwarded address arrives unresolved, as the proxy wrote it (IPv6 in brackets); it is kept as text rather
	 * than resolved, which could mean a DNS lookup on the caller's say-so.
	 */
	static String host(InetSocketAddress address) {
		if (address.getAddress() != null) {
			return address.getAddress().getHostAddress();
		}
		String host = address.getHostString().toLowerCase(Locale.ROOT);
		host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		return host.length() > MAX_ADDRESS_LENGTH ? host.substring(0, MAX_ADDRESS_LENGTH) : host;
	}

}
