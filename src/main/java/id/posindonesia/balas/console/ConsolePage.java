package id.posindonesia.balas.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;

/**
 * The agent console: one page, {@value #TEMPLATE}, given the agent's name, role and CSRF token, and its script and
 * style from {@code console/assets/}. The page draws everything else from the API with the session's cookie, so it
 * never reloads. Only the security rules of the console (a login) stand before any of it.
 */
@Configuration(proxyBeanMethods = false)
class ConsolePage {

	static final String PATH = "/console";

	static final String TEMPLATE = "console/index.html";

	// the page's own script and style only: text from customers can never run, whatever a bug lets through
	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
			+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	RouterFunction<ServerResponse> consolePageRoute() {
		String template = read(TEMPLATE);
		return RouterFunctions.route()
			.GET(PATH, request -> render(request, template))
			.build()
			.and(RouterFunctions.resources("/console/assets/**", new ClassPathResource("console/assets/")));
	}

	private static Mono<ServerResponse> render(ServerRequest request, String template) {
		Mono<CsrfToken> token = request.exchange().getAttribute(CsrfToken.class.getName());
		if (token == null) {
			return Mono.error(new IllegalStateException("The console needs CSRF protection"));
		}
		return Mono.zip(request.principal().cast(Authentication.class), token)
			.map(agentAndToken -> fill(template, agentAndToken.getT1(), agentAndToken.getT2()))
			.flatMap(page -> ServerResponse.ok()
				.contentType(MediaType.TEXT_HTML)
				.header("Cache-Control", "no-store")
				.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
				.bodyValue(page));
	}

	private static String fill(String template, Authentication agent, CsrfToken csrf) {
		boolean supervisor = agent.getAuthorities()
			.stream()
			.anyMatch(authority -> authority.getAuthority().equals("ROLE_" + AgentRole.SUPERVISOR.name()));
		Map<String, String> values = Map.of("agent", agent.getName(), "role",
				supervisor ? AgentRole.SUPERVISOR.name() : AgentRole.AGENT.name(), "roleLabel",
				supervisor ? "Supervisor" : "Agen", "csrfToken", csrf.getToken(), "csrfHeader", csrf.getHeaderName(),
				"csrfParameter", csrf.getParameterName());
		String page = template;
		for (Map.Entry<String, String> value : values.entrySet()) {
			page = page.replace("{{" + value.getKey() + "}}", HtmlUtils.htmlEscape(value.getValue()));
		}
		return page;
	}

	private static String read(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the console page " + path, ex);
		}
	}

}
