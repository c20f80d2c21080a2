package id.posindonesia.balas.handoff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

import id.posindonesia.balas.config.LuaScript;
import id.posindonesia.balas.inbox.ConversationSlot;

/**
 * Handoffs in Redis. Each is a hash beside its conversation's state ({@link ConversationSlot}), changed only by
 * scripts; a claim moves the state's version on, so that a bot reply decided before it is decided again. The index
 * {@value #INDEX} lists them for the queue: written after the hash and cleaned when read, it may briefly name a
 * handoff that is gone, never miss one that exists for longer than a retry.
 */
@Repository
class HandoffStore {

	static final String INDEX = "balas:handoffs";

	private static final RedisScript<Long> REQUEST = LuaScript.load("handoff-request", Long.class);

	private static final RedisScript<String> CLAIM = LuaScript.load("handoff-claim", String.class);

	private static final RedisScript<String> CLOSE = LuaScript.load("handoff-close", String.class);

	private static final RedisScript<String> TOUCH = LuaScript.load("handoff-touch", String.class);

	private static final RedisScript<Long> REQUEUE = LuaScript.load("handoff-requeue", Long.class);

	// waiting ones by urgency, then by how long they have waited; then those held, oldest claim first
	private static final Comparator<Handoff> QUEUE_ORDER = Comparator
		.comparing((Handoff handoff) -> handoff.status() != HandoffStatus.QUEUED)
		.thenComparingInt(handoff -> handoff.status() == HandoffStatus.QUEUED ? handoff.priority() : 0)
		.thenComparing(handoff -> handoff.status() == HandoffStatus.QUEUED ? handoff.queuedAt() : handoff.claimedAt(),
				Comparator.nullsLast(Comparator.naturalOrder()));

	private final ReactiveStringRedisTemplate redis;

	private final HandoffProperties properties;

	HandoffStore(ReactiveStringRedisTemplate redis, HandoffProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	Mono<Handoff> find(String conversationId) {
		return redis.<String, String>opsForHash()
			.entries(key(conversationId))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.filter(fields -> fields.containsKey("status"))
			.map(fields -> Handoff.fromFields(conversationId, fields));
	}

	/** Every handoff, waiting ones first in the order agents should take them. */
	Flux<Handoff> list() {
		return redis.opsForZSet()
			.range(INDEX, Range.unbounded())
			.collectList()
			.flatMapMany(Flux::fromIterable)
			.flatMapSequential(conversationId -> find(conversationId)
				.switchIfEmpty(Mono.defer(() -> redis.opsForZSet().remove(INDEX, conversationId).then(Mono.empty()))))
			.sort(QUEUE_ORDER);
	}

	/** Queues {@code handoff} unless the conversation waits or is held already; true when {@code eventKey} queued it. */
	Mono<Boolean> request(Handoff handoff, String eventKey) {
		List<String> args = new ArrayList<>(List.of(eventKey, Long.toString(properties.ttl().toSeconds())));
		handoff.toFields().forEach((field, value) -> {
			args.add(field);
			args.add(value);
		});
		return redis.execute(REQUEST, List.of(key(handoff.conversationId())), args)
			.next()
			.map(queued -> queued == 1L)
			.flatMap(queued -> index(handoff.conversationId(), handoff.queuedAt()).thenReturn(queued));
	}

	/**
	 * Gives the conversation to {@code agent}; {@code unrequested} is the handoff opened when nobody asked for one.
	 * Completes with the agent holding it afterwards.
	 */
	Mono<String> claim(String agent, Handoff unrequested, String stateKey) {
		Instant now = Instant.now();
		String ttl = Long.toString(properties.ttl().toSeconds());
		List<String> args = new ArrayList<>(List.of(agent, Long.toString(now.toEpochMilli()), ttl, ttl));
		unrequested.toFields().forEach((field, value) -> {
			args.add(field);
			args.add(value);
		});
		return redis.execute(CLAIM, List.of(key(unrequested.conversationId()), stateKey), args)
			.next()
			.flatMap(holder -> index(unrequested.conversationId(), now).thenReturn(holder.isEmpty() ? agent : holder));
	}

	/** Ends the handoff; see {@code handoff-close.lua} for what the answer means. */
	Mono<String> close(String conversationId, String agent, boolean supervisor) {
		return redis.execute(CLOSE, List.of(key(conversationId)), List.of(agent, supervisor ? "1" : "0"))
			.next()
			.flatMap(outcome -> outcome.isEmpty()
					? redis.opsForZSet().remove(INDEX, conversationId).thenReturn(outcome) : Mono.just(outcome));
	}

	/** Notes the agent's activity; see {@code handoff-touch.lua} for what the answer means. */
	Mono<String> touch(String conversationId, String agent) {
		return redis.execute(TOUCH, List.of(key(conversationId)),
				List.of(agent, Long.toString(System.currentTimeMillis()))).next();
	}

	/** Back to the queue, unless its agent acted since {@code handoff} was read. */
	Mono<Boolean> requeue(Handoff handoff) {
		return redis.execute(REQUEUE, List.of(key(handoff.conversationId())),
				List.of(handoff.agent(), Long.toString(handoff.lastAgentAt().toEpochMilli())))
			.next()
			.map(requeued -> requeued == 1L);
	}

	/** True for the one caller that is to pass the conversation to the Instagram Inbox; at most once per handoff. */
	Mono<Boolean> claimPassToInbox(String conversationId) {
		return redis.<String, String>opsForHash().putIfAbsent(key(conversationId), "passedToInbox", "1");
	}

	private Mono<Boolean> index(String conversationId, Instant at) {
		return redis.opsForZSet().add(INDEX, conversationId, at.toEpochMilli());
	}

	static String key(String conversationId) {
		return ConversationSlot.key(conversationId, "handoff");
	}

}
