package id.posindonesia.balas.conversation;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import id.posindonesia.balas.inbox.ConversationSlot;
import id.posindonesia.balas.tracking.Shipment;

/**
 * The names on the shipment records looked up in a conversation (sender, receiver, who took delivery), kept as long
 * as the conversation so that its masked transcript can hide them wherever the customer or Balas wrote them.
 */
@Component
class RecordNames {

	private final ReactiveStringRedisTemplate redis;

	private final ConversationProperties properties;

	RecordNames(ReactiveStringRedisTemplate redis, ConversationProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	Mono<Void> remember(String conversationId, Shipment shipment) {
		String[] names = Stream.of(shipment.sender().name(), shipment.receiver().name(), shipment.status().deliveredTo())
			.filter(name -> !name.isBlank())
			.toArray(String[]::new);
		if (names.length == 0) {
			return Mono.empty();
		}
		return redis.opsForSet()
			.add(key(conversationId), names)
			.then(redis.expire(key(conversationId), properties.ttl()))
			.then();
	}

	Mono<Set<String>> of(String conversationId) {
		return redis.opsForSet().members(key(conversationId)).collect(Collectors.toSet());
	}

	static String key(String conversationId) {
		return ConversationSlot.key(conversationId, "record-names");
	}

}
