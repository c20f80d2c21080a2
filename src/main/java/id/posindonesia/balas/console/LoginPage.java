package id.posindonesia.balas.console;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;

/**
 * The console's login form, in Indonesian. Spring Security processes its POST; this page only shows the form, with
 * the CSRF token the POST must carry, and says why the last attempt failed.
 */
@Configuration(proxyBeanMethods = false)
class LoginPage {

	static final String PATH = "/console/login";

	@Bean
	RouterFunction<ServerResponse> loginPageRoute() {
		return RouterFunctions.route().GET(PATH, LoginPage::render).build();
	}

	private static Mono<ServerResponse> render(ServerRequest request) {
		Mono<CsrfToken> token = request.exchange().getAttribute(CsrfToken.class.getName());
		return (token == null ? Mono.<CsrfToken>empty() : token).map(csrf -> html(csrf, message(request)))
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("The login page needs CSRF protection")))
			.flatMap(page -> ServerResponse.ok()
				.contentType(MediaType.TEXT_HTML)
				.header("Cache-Control", "no-store")
				.bodyValue(page));
	}

	private static String message(ServerRequest request) {
		if (request.queryParam("throttled").isPresent()) {
			return "<p class=\"error\">Terlalu banyak percobaan masuk yang gagal. Coba lagi nanti.</p>";
		}
		if (request.queryParam("error").isPresent()) {
			return "<p class=\"error\">Nama pengguna atau kata sandi salah, atau akun dinonaktifkan.</p>";
		}
		if (request.queryParam("logout").isPresent()) {
			return "<p>Anda telah keluar.</p>";
		}
		return "";
	}

	private static String html(CsrfToken csrf, String message) {
		return """
				<!DOCTYPE html>
				<html lang="id">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>Masuk · Balas</title>
				<style>
				body { font-family: system-ui, sans-serif; background: #f4f5f7; display: grid; place-items: center; min-height: 100vh; margin: 0; }
				form { background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px #0002; width: 20rem; }
				h1 { font-size: 1.25rem; margin-top: 0; }
				label { display: block; margin: .75rem 0 .25rem; }
				input { width: 100%%; box-sizing: border-box; padding: .5rem; font-size: 1rem; }
				button { margin-top: 1.25rem; width: 100%%; padding: .6rem; font-size: 1rem; background: #f26522; color: #fff; border: 0; border-radius: 4px; }
				.error { color: #b00020; }
				</style>
				</head>
				<body>
				<form method="post" action="%s">
				<h1>Balas · Konsol agen</h1>
				%s
				<label for="username">Nama pengguna</label>
				<input id="username" name="username" autocomplete="username" required autofocus>
				<label for="password">Kata sandi</label>
				<input id="password" name="password" type="password" autocomplete="current-password" required>
				<input type="hidden" name="%s" value="%s">
				<button type="submit">Masuk</button>
				</form>
				</body>
				</html>
				""".formatted(PATH, message, HtmlUtils.htmlEscape(csrf.getParameterName()),
				HtmlUtils.htmlEscape(csrf.getToken()));
	}

}
