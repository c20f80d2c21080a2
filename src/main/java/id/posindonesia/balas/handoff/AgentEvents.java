package id.posindonesia.balas.handoff;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;

import id.posindonesia.balas.conversation.Transcript;
import id.posindonesia.balas.conversation.TranscriptLine;

/**
 * Live news for agents, through Redis pub/sub so that an event raised on one instance reaches agents connected to
 * any. Each instance holds one subscription and fans it out to its agents; an agent too slow to keep up misses
 * events rather than slowing the others (the console reloads what it shows when it reconnects). The subscription
 * lives from the application's start to its stop, inside the Redis connection factory's lifetime.
 */
@Component
public class AgentEvents implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AgentEvents.class);

	static final String CHANNEL = "balas:agent-events";

	private static final String HEARTBEAT_MESSAGE = "heartbeat";

	private static final Duration HEARTBEAT = Duration.ofSeconds(5);

	private final ReactiveStringRedisTemplate redis;

	private final ObjectMapper json;

	private final ReactiveRedisConnectionFactory connections;

	private final Sinks.Many<AgentEvent> fanOut = Sinks.many().multicast().directBestEffort();

	private final AtomicReference<Listening> listening = new AtomicReference<>();

	private volatile Disposable watchdog;

	private volatile long lastHeard = System.nanoTime();

	private final Transcript transcript;

	AgentEvents(ReactiveStringRedisTemplate redis, ReactiveRedisConnectionFactory connections, ObjectMapper json,
			Transcript transcript) {
		this.redis = redis;
		this.transcript = transcript;
		this.json = json;
		this.connections = connections;
	}

	@Override
	public void start() {
		lastHeard = System.nanoTime();
		listening.set(listen());
		watchdog = Flux.interval(HEARTBEAT, HEARTBEAT)
			.onBackpressureDrop()
			// a failed beat must not end the watch: the next one tries again
			.concatMap(beat -> Mono.defer(this::checkHeartbeat).onErrorResume(failure -> {
				log.warn("Agent events' heartbeat failed: {}", failure.toString());
				return Mono.empty();
			}))
			.subscribe();
	}

	@Override
	public void stop() {
		watchdog.dispose();
		listening.getAndSet(null).close();
	}

	@Override
	public boolean isRunning() {
		return watchdog != null && !watchdog.isDisposed();
	}

	/** A subscription on a pub/sub connection of its own, so that a lost one is replaced whole. */
	private Listening listen() {
		ReactiveRedisMessageListenerContainer listener = new ReactiveRedisMessageListenerContainer(connections);
		return new Listening(listener, listener.receive(ChannelTopic.of(CHANNEL))
			.doOnNext(message -> lastHeard = System.nanoTime())
			.filter(message -> !HEARTBEAT_MESSAGE.equals(message.getMessage()))
			.map(message -> json.readValue(message.getMessage(), AgentEvent.class))
			.doOnError(failure -> log.warn("Agent events interrupted, subscribing again: {}", failure.toString()))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(10)))
			// with no agent connected here the event has nobody to reach: dropped, as it should be
			.subscribe(fanOut::tryEmitNext));
	}

	/**
	 * Each instance hears its own heartbeat on the channel; one not heard for three beats means the subscription was
	 * lost without an error (a pub/sub connection can drop silently), and it is made again.
	 */
	private Mono<Void> checkHeartbeat() {
		if (System.nanoTime() - lastHeard > 3 * HEARTBEAT.toNanos()) {
			log.warn("Agent events not heard for {}: subscribing again", Duration.ofNanos(System.nanoTime() - lastHeard));
			lastHeard = System.nanoTime();
			listening.getAndSet(listen()).close();
		}
		return redis.convertAndSend(CHANNEL, HEARTBEAT_MESSAGE).onErrorResume(failure -> Mono.empty()).then();
	}

	/** Every event from now on, from every instance. */
	Flux<AgentEvent> stream() {
		return fanOut.asFlux();
	}

	Mono<Void> handoffChanged(Handoff handoff) {
		return publish(new AgentEvent.HandoffChanged(handoff));
	}

	/** A line of a conversation that waits for an agent or is held by {@code holder}. */
	public Mono<Void> newLine(String conversationId, String holder, TranscriptLine line) {
		return transcript.masked(conversationId, line)
			.flatMap(masked -> publish(new AgentEvent.NewLine(conversationId, holder, line, masked)));
	}

	private record Listening(ReactiveRedisMessageListenerContainer listener, Disposable subscription) {

		void close() {
			subscription.dispose();
			listener.destroyLater().subscribe();
		}

	}

	private Mono<Void> publish(AgentEvent event) {
		return redis.convertAndSend(CHANNEL, json.writeValueAsString(event))
			// live news is a courtesy: what it tells is in Redis already, and the console reloads it
			.onErrorResume(failure -> {
				log.warn("Agent event not published: {}", failure.toString());
				return Mono.empty();
			})
			.then();
	}

}
