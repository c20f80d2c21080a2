package id.posindonesia.balas.console;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent logged in through the console's form, as a browser is: the session cookie, and the CSRF token the
 * console page hands its script.
 */
public record ConsoleSession(String cookie, String csrfToken) {

	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">");

	public static ConsoleSession login(WebTestClient client, String username, String password) {
		String cookie = submit(client, ConsoleLoginTest.loginForm(client), username, password);
		String page = client.get().uri("/console").cookie("SESSION", cookie).exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		Matcher csrf = CSRF_META.matcher(page);
		assertThat(csrf.find()).as("the console page hands its script the CSRF token").isTrue();
		return new ConsoleSession(cookie, csrf.group(1));
	}

	/** Submits the login form as a browser does, and returns the session cookie the login leaves. */
	static String submit(WebTestClient client, ConsoleLoginTest.LoginForm form, String username, String password) {
		return client.post().uri("/console/login")
			.cookie("SESSION", form.session())
			.body(BodyInserters.fromFormData("username", username).with("password", password)
				.with("_csrf", form.csrfToken()))
			.exchange()
			.expectStatus().is3xxRedirection()
			.expectHeader().valueEquals("Location", "/console")
			.returnResult(Void.class)
			.getResponseCookies().getFirst("SESSION").getValue();
	}

}
