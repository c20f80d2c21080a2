package id.posindonesia.balas.graph;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import com.restfb.Body;
import com.restfb.DefaultFacebookClient;
import com.restfb.DefaultJsonMapper;
import com.restfb.FacebookClient;
import com.restfb.FacebookEndpoints;
import com.restfb.Parameter;
import com.restfb.Version;
import com.restfb.exception.FacebookException;
import com.restfb.json.JsonObject;
import com.restfb.json.JsonValue;
import com.restfb.types.send.IdMessageRecipient;
import com.restfb.types.send.Message;
import com.restfb.types.send.SendResponse;
import com.restfb.types.send.SenderActionEnum;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import id.posindonesia.balas.config.InstagramProperties;
import id.posindonesia.balas.config.Masking;
import id.posindonesia.balas.sandbox.Sandbox;

/**
 * Sends through Meta's Send API with restfb. restfb blocks on HTTP, so every call runs on a bounded elastic
 * thread, never on the event loop; each attempt first takes a unit of its account's {@link SendBudget}, shared by
 * every instance, and is time-limited; the Graph API has one circuit breaker, and transient failures are retried
 * with backoff.
 */
@Component
public class GraphClient implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(GraphClient.class);

	private static final String BACKEND = "graph";

	// only what a ticket uses: the name and the verification badge are personal data Balas has no need for
	private static final String PROFILE_FIELDS = "username,follower_count";

	private static final Pattern SCOPED_ID = Pattern.compile("\\d{1,32}");

	private final FacebookClient facebook;

	private final GraphProperties properties;

	private final CircuitBreaker circuitBreaker;

	private final Retry retry;

	private final SendBudget budget;

	private final FailedSends failedSends;

	// restfb blocks a thread per call; its own pool keeps slow Graph calls from starving other blocking work
	private final Scheduler calls;

	GraphClient(GraphProperties properties, InstagramProperties instagram, ObjectProvider<Sandbox> sandbox,
			CircuitBreakerRegistry circuitBreakers, RetryRegistry retries, SendBudget budget,
			FailedSends failedSends) {
		this.properties = properties;
		this.circuitBreaker = circuitBreakers.circuitBreaker(BACKEND);
		this.retry = retries.retry(BACKEND);
		this.budget = budget;
		this.failedSends = failedSends;
		this.calls = Schedulers.newBoundedElastic(properties.maxConcurrentCalls(), 100_000, "graph");
		URI base = properties.apiUrl() != null ? properties.apiUrl() : sandbox.getObject().baseUrl();
		String graphEndpoint = base.toString().replaceAll("/+$", "") + "/" + properties.version();
		DefaultFacebookClient client = new DefaultFacebookClient(instagram.accessToken(), instagram.appSecret(),
				new TimeLimitedWebRequestor(properties.connectTimeout(), properties.readTimeout()),
				new DefaultJsonMapper(), Version.UNVERSIONED);
		client.setFacebookEndpointUrls(new FacebookEndpoints() {
			@Override
			public String getGraphEndpoint() {
				return graphEndpoint;
			}
		});
		this.facebook = client;
	}

	/**
	 * Sends one text message (at most {@link MessageChunker#MAX_BYTES}) and completes with Meta's message id. A
	 * refusal that retrying cannot fix is recorded in {@link FailedSends} and completes empty. Failures that say the
	 * message was not taken (no connection, an error answer) are retried, and signalled once the retries are spent. A
	 * call whose answer never came fails with {@link SendOutcomeUnknownException} and is not retried: Meta may have
	 * delivered it, and a customer must not get the same reply twice.
	 */
	public Mono<String> sendText(String account, String recipient, String text, List<QuickReply> quickReplies) {
		return sendText(account, recipient, text, quickReplies, new Dispatch());
	}

	/**
	 * Sends like {@link #sendText(String, String, String, List)}; {@code dispatch} tells a caller that keeps a
	 * ledger of its sends whether the call began, so that a send cancelled before can be withdrawn.
	 */
	public Mono<String> sendText(String account, String recipient, String text, List<QuickReply> quickReplies,
			Dispatch dispatch) {
		Message message = new Message(text);
		quickReplies.forEach(option -> message
			.addQuickReply(new com.restfb.types.send.QuickReply(option.title(), option.payload())));
		return send(account, recipient, message, dispatch);
	}

	/**
	 * Sends a human agent's message like {@link #sendText}; {@code humanAgentTag} marks it with Meta's
	 * {@code HUMAN_AGENT} tag, which lets a person answer up to 7 days after the customer's last message.
	 */
	public Mono<String> sendAsAgent(String account, String recipient, String text, boolean humanAgentTag) {
		Message message = new Message(text);
		return humanAgentTag ? send(account, recipient, message, new Dispatch(),
				Parameter.with("messaging_type", "MESSAGE_TAG"), Parameter.with("tag", "HUMAN_AGENT"))
				: send(account, recipient, message, new Dispatch());
	}

	private Mono<String> send(String account, String recipient, Message message, Dispatch dispatch,
			Parameter... tags) {
		List<Parameter> parameters = new ArrayList<>(List.of(Parameter.with("recipient", new IdMessageRecipient(recipient)),
				Parameter.with("message", message)));
		parameters.addAll(List.of(tags));
		return call(account, dispatch.guard(
				() -> facebook.publish("me/messages", SendResponse.class, parameters.toArray(Parameter[]::new))))
			.map(SendResponse::getMessageId)
			.onErrorResume(GraphRejectedException.class,
					rejected -> failedSends.record(account, recipient, message.getText(), rejected).then(Mono.empty()));
	}

	/**
	 * Shows {@code typing_on} or {@code mark_seen}: a courtesy, tried once within a short timeout so that it never
	 * delays the reply itself, and dropped when the account's budget is down to its reserve for replies; a failure is
	 * logged and otherwise ignored.
	 */
	public Mono<Void> senderAction(String account, String recipient, SenderActionEnum action) {
		return budget.forSenderAction(account)
			.filter(Boolean::booleanValue)
			.flatMap(taken -> attempt(() -> facebook.publish("me/messages", SendResponse.class,
					Parameter.with("recipient", new IdMessageRecipient(recipient)),
					Parameter.with("sender_action", action)), properties.senderActionTimeout()))
			.onErrorResume(ex -> {
				log.debug("Sender action {} to {} failed: {}", action, Masking.id(recipient), ex.toString());
				return Mono.empty();
			})
			.then();
	}

	/**
	 * Passes the conversation to another app, such as Meta's Instagram Inbox where people answer
	 * ({@code POST me/pass_thread_control}); Balas then receives the customer's messages as {@code standby} events.
	 */
	public Mono<Void> passThreadControl(String account, String recipient, String targetAppId, String metadata) {
		return call(account, () -> facebook.publish("me/pass_thread_control", JsonObject.class,
				Parameter.with("recipient", new IdMessageRecipient(recipient)), Parameter.with("target_app_id", targetAppId),
				Parameter.with("metadata", metadata)))
			.then();
	}

	/** Takes the conversation back from the app that holds it ({@code POST me/take_thread_control}). */
	public Mono<Void> takeThreadControl(String account, String recipient, String metadata) {
		return call(account, () -> facebook.publish("me/take_thread_control", JsonObject.class,
				Parameter.with("recipient", new IdMessageRecipient(recipient)), Parameter.with("metadata", metadata)))
			.then();
	}

	/**
	 * Reads a customer's username and follower count from their Instagram user profile ({@code GET /{igsid}}).
	 * A read is safe to repeat, so transient failures are retried like a send's; a refusal (the customer's
	 * consent or the app's permission missing) fails with {@link GraphRejectedException}.
	 */
	public Mono<CustomerProfile> profile(String igsid) {
		if (igsid == null || !SCOPED_ID.matcher(igsid).matches()) {
			// the id becomes a path of the Graph API: anything but digits could name another endpoint
			return Mono.error(new IllegalArgumentException("Not an Instagram-scoped id: " + Masking.id(igsid)));
		}
		return outsideSendApi(() -> facebook.fetchObject(igsid, JsonObject.class,
				Parameter.with("fields", PROFILE_FIELDS)))
			.map(profile -> new CustomerProfile(profile.getString("username", null),
					number(profile.get("follower_count"))));
	}

	/**
	 * Sets the ice breakers of the account's Instagram conversations through the Messenger Profile API,
	 * replacing those set before: repeating it is harmless, so transient failures are retried.
	 */
	Mono<Void> publishIceBreakers(List<IceBreakers> iceBreakers) {
		Map<String, Object> profile = Map.of("platform", "instagram", "ice_breakers",
				iceBreakers.stream().map(IceBreakers::toGraph).toList());
		return outsideSendApi(() -> facebook.publish("me/messenger_profile", JsonObject.class,
				Body.withData(profile), Parameter.with("platform", "instagram")))
			.flatMap(answer -> "success".equals(answer.getString("result", null)) ? Mono.<Void>empty()
					: Mono.error(new GraphRejectedException("Messenger Profile API answered " + answer, null)));
	}

	private static Long number(JsonValue value) {
		return value != null && value.isNumber() ? value.asLong() : null;
	}

	private <T> Mono<T> call(String account, Callable<T> request) {
		return guarded(account, request, properties.callTimeout()).transformDeferred(RetryOperator.of(retry));
	}

	/** Profile reads and the Messenger Profile are not Send API calls: they spend no send budget. */
	private <T> Mono<T> outsideSendApi(Callable<T> request) {
		return attempt(request, properties.callTimeout()).transformDeferred(RetryOperator.of(retry));
	}

	private <T> Mono<T> guarded(String account, Callable<T> request, Duration timeout) {
		return budget.forMessage(account).then(attempt(request, timeout));
	}

	/** One call, once the budget allowed it: waiting for the budget is no failure of the Graph API's to count. */
	private <T> Mono<T> attempt(Callable<T> request, Duration timeout) {
		return Mono.fromCallable(request)
			.subscribeOn(calls)
			.timeout(timeout)
			.onErrorMap(GraphClient::classify)
			.transformDeferred(CircuitBreakerOperator.of(circuitBreaker));
	}

	@Override
	public void destroy() {
		calls.dispose();
	}

	private static Throwable classify(Throwable failure) {
		if (SendOutcomeUnknownException.isUnanswered(failure)) {
			return new SendOutcomeUnknownException(failure);
		}
		if (failure instanceof FacebookException && !new TransientGraphFailure().test(failure)) {
			return new GraphRejectedException("Graph API refused the call: " + failure.getMessage(), failure);
		}
		return failure;
	}

}
