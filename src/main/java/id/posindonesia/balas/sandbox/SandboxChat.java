package id.posindonesia.balas.sandbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import id.posindonesia.balas.config.InstagramProperties;


/**
 * {@code /sandbox/chat}: a page where a newcomer writes as an Instagram customer and reads Balas's replies. What they
 * write goes through the signed webhook exactly as Meta's events do; the replies are read back from what the sandbox
 * Graph API received. It exists only while the Graph API is the sandbox, where no real customer can be reached, so
 * it needs no login.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${balas.graph.api-url:}'.isBlank()")
class SandboxChat {

	static final String ACCOUNT = "17841400000000001";

	private final Sandbox sandbox;

	private final InstagramProperties instagram;

	private final ObjectMapper json;

	private final WebClient webClient = WebClient.create();

	private final AtomicLong clock = new AtomicLong();

	SandboxChat(Sandbox sandbox, InstagramProperties instagram, ObjectMapper json) {
		this.sandbox = sandbox;
		this.instagram = instagram;
		this.json = json;
	}

	@Bean
	@Order(0)
	SecurityWebFilterChain sandboxChatSecurity(ServerHttpSecurity http) {
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/sandbox/**"))
			.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.build();
	}

	@Bean
	RouterFunction<ServerResponse> sandboxChatRoutes() {
		return RouterFunctions.route()
			.GET("/sandbox/chat", request -> ServerResponse.ok()
				.contentType(MediaType.TEXT_HTML)
				.bodyValue(new ClassPathResource("sandbox/chat/chat.html")))
			.POST("/sandbox/chat/messages", this::send)
			.GET("/sandbox/chat/replies", this::replies)
			.build();
	}

	/** {@code {"customer": "...", "text": "...", "payload": "..."}}: a DM (or a tapped quick reply) from the customer. */
	private Mono<ServerResponse> send(ServerRequest request) {
		return request.bodyToMono(JsonNode.class).flatMap(message -> {
			String customer = message.path("customer").asString("");
			String text = message.path("text").asString("");
			if (!customer.matches("\\d{1,20}") || text.isBlank()) {
				return ServerResponse.badRequest().bodyValue(Map.of("error", "customer (digits) and text are required"));
			}
			byte[] body = webhookBody(customer, text, message.path("payload").asString("")).getBytes(StandardCharsets.UTF_8);
			URI webhook = request.uri().resolve("/webhooks/instagram");
			return webClient.post()
				.uri(webhook)
				.contentType(MediaType.APPLICATION_JSON)
				.header("X-Hub-Signature-256", "sha256=" + hmac(body))
				.bodyValue(body)
				.retrieve()
				.toBodilessEntity()
				.flatMap(answer -> ServerResponse.accepted().bodyValue(Map.of("webhook", answer.getStatusCode().value())));
		});
	}

	/** Every message the sandbox Graph API received for the customer, oldest first. */
	private Mono<ServerResponse> replies(ServerRequest request) {
		String customer = request.queryParam("customer").orElse("");
		return Mono.fromCallable(() -> sandbox.sendApiCalls()
			.stream()
			.filter(form -> form.getOrDefault("recipient", "").contains("\"" + customer + "\""))
			.filter(form -> form.containsKey("message"))
			.map(form -> json.readTree(form.get("message")))
			.toList())
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(messages -> ServerResponse.ok().bodyValue(messages));
	}

	private String webhookBody(String customer, String text, String payload) {
		long now = Math.max(System.currentTimeMillis(), clock.incrementAndGet());
		clock.set(now);
		ObjectNode message = json.createObjectNode().put("mid", "sandbox-" + customer + "-" + now).put("text", text);
		if (!payload.isBlank()) {
			message.putObject("quick_reply").put("payload", payload);
		}
		ObjectNode item = json.createObjectNode();
		item.putObject("sender").put("id", customer);
		item.putObject("recipient").put("id", ACCOUNT);
		item.put("timestamp", now);
		item.set("message", message);
		ObjectNode root = json.createObjectNode().put("object", "instagram");
		ObjectNode entry = root.putArray("entry").addObject().put("id", ACCOUNT).put("time", now);
		entry.putArray("messaging").add(item);
		return root.toString();
	}

	private String hmac(byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(instagram.appSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
