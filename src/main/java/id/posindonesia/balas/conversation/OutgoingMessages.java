package id.posindonesia.balas.conversation;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import id.posindonesia.balas.config.LuaScript;
import id.posindonesia.balas.graph.Dispatch;
import id.posindonesia.balas.graph.GraphClient;
import id.posindonesia.balas.graph.QuickReply;
import id.posindonesia.balas.graph.SendOutcomeUnknownException;
import id.posindonesia.balas.inbox.ConversationSlot;
import id.posindonesia.balas.inbox.EventContext;

/**
 * Sends the messages an event's turn committed, each at most once. Before a message goes out it is reserved in Redis
 * by the holder of the conversation's lease; what became of it is written back. An event processed again (after a
 * failure, a crash or a lost lease) sends only the messages not yet taken by the Graph API, and never one whose
 * earlier send got no answer: Meta may have delivered it.
 */
@Component
class OutgoingMessages {

	private static final Logger log = LoggerFactory.getLogger(OutgoingMessages.class);

	private static final RedisScript<String> RESERVE = LuaScript.load("reserve-message", String.class);

	private static final RedisScript<Long> RELEASE = LuaScript.load("release-message", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final GraphClient graph;

	private final Timer replyLatency;

	private final Counter unknownOutcomes;

	OutgoingMessages(ReactiveStringRedisTemplate redis, GraphClient graph, MeterRegistry meters) {
		this.redis = redis;
		this.graph = graph;
		this.replyLatency = Timer.builder("balas.reply.latency")
			.description("From the webhook's arrival to the last message of the reply accepted by the Graph API")
			.register(meters);
		this.unknownOutcomes = Counter.builder("balas.graph.sends.unknown")
			.description("Messages sent without an answer from the Graph API, never sent again")
			.register(meters);
	}

	static String key(String conversationId, String eventKey) {
		return ConversationSlot.key(conversationId, "out:" + eventKey);
	}

	Mono<Void> deliver(String conversationId, String eventKey, EventContext context, String account,
			String recipient) {
		String key = key(conversationId, eventKey);
		return redis.<String, String>opsForHash()
			.get(key, "count")
			.map(Integer::parseInt)
			.flatMap(count -> Flux.range(1, count)
				.concatMap(number -> deliverOne(key, number, context, account, recipient))
				.reduce(Boolean::logicalAnd)
				.filter(allSentNow -> allSentNow && count > 0)
				.doOnNext(sent -> replyLatency.record(Duration.ofMillis(System.currentTimeMillis() - context.receivedAt())))
				.then());
	}

	/**
	 * Completes with true when this call sent the message and the Graph API took it. Cancelled (a lost lease, the
	 * handler's timeout, a shutdown) before the Graph API saw the message, it frees the message's reservation so
	 * that the event's next attempt sends it.
	 */
	private Mono<Boolean> deliverOne(String key, int number, EventContext context, String account, String recipient) {
		String status = "status:" + number;
		String attempt = UUID.randomUUID().toString();
		Dispatch dispatch = new Dispatch();
		return redis
			.execute(RESERVE, List.of(context.leaseKey(), key),
					List.of(context.leaseOwner(), Integer.toString(number), attempt))
			.next()
			.flatMap(reservation -> switch (reservation) {
				case "send" -> send(key, status, number, account, recipient, dispatch);
				case "sending" -> unknown(key, status);
				case "lost" -> Mono.error(new IllegalStateException("The conversation's lease passed to another holder"));
				default -> Mono.just(false);
			})
			.doOnCancel(() -> {
				if (dispatch.withdraw()) {
					// sent after the reservation, so it also frees one that was still being made
					redis.execute(RELEASE, List.of(key), List.of(Integer.toString(number), attempt))
						.subscribe(null, failure -> log.warn("A cancelled reply stays reserved ({}): {}", status,
								failure.toString()));
				}
			});
	}

	private Mono<Boolean> send(String key, String status, int number, String account, String recipient,
			Dispatch dispatch) {
		return redis.<String, String>opsForHash()
			.multiGet(key, List.of("text:" + number, "quick:" + number))
			.flatMap(message -> graph.sendText(account, recipient, message.get(0), decode(message.get(1)), dispatch))
			.flatMap(messageId -> mark(key, status, "sent").thenReturn(true))
			.switchIfEmpty(Mono.defer(() -> mark(key, status, "refused").thenReturn(false)))
			.onErrorResume(SendOutcomeUnknownException.class, unknown -> unknown(key, status))
			// not taken by the Graph API: free the reservation so that the event's next attempt sends it
			.onErrorResume(failure -> redis.<String, String>opsForHash()
				.remove(key, status)
				.then(Mono.<Boolean>error(failure)));
	}

	/** Quick replies as stored beside a message: a line per option, payload and title separated by a tab. */
	static String encode(List<QuickReply> quickReplies) {
		return quickReplies.stream()
			.map(option -> option.payload() + "\t" + option.title())
			.collect(Collectors.joining("\n"));
	}

	private static List<QuickReply> decode(String stored) {
		if (stored == null || stored.isEmpty()) {
			return List.of();
		}
		return Arrays.stream(stored.split("\n"))
			.map(line -> line.split("\t", 2))
			.map(option -> new QuickReply(option[0], option[1]))
			.toList();
	}

	private Mono<Boolean> unknown(String key, String status) {
		unknownOutcomes.increment();
		log.warn("A reply got no answer from the Graph API and is not sent again ({})", status);
		return mark(key, status, "unknown").thenReturn(false);
	}

	private Mono<Boolean> mark(String key, String status, String value) {
		return redis.<String, String>opsForHash().put(key, status, value);
	}

}
