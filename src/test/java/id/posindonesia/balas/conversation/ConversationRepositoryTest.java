package id.posindonesia.balas.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import id.posindonesia.balas.BalasIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@BalasIntegrationTest
class ConversationRepositoryTest {

	@Autowired
	private ConversationRepository conversations;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@Test
	void anUnknownConversationStartsNew() {
		ConversationState state = conversations.find("17841400000000003:" + UUID.randomUUID()).block();

		assertThat(state).isEqualTo(ConversationState.initial());
	}

	@Test
	void concurrentWritersNeverLoseAnUpdate() {
		String conversation = "17841400000000003:" + UUID.randomUUID();
		Instant start = Instant.parse("2026-11-28T08:00:00Z");
		int writers = 12;

		// like two instances racing: every update reads, changes and writes back at the same time
		Flux.range(0, writers)
			.parallel(4)
			.runOn(Schedulers.parallel())
			.flatMap(i -> conversations.update(conversation, state -> state.withInbound(start.plusSeconds(i))))
			.sequential()
			.blockLast(Duration.ofSeconds(20));

		ConversationState stored = conversations.find(conversation).block();
		assertThat(stored.version()).isEqualTo(writers);
		assertThat(stored.lastInboundAt()).isEqualTo(start.plusSeconds(writers - 1));
	}

	@Test
	void recordsExpireAfterTheConfiguredTtl() {
		String conversation = "17841400000000003:" + UUID.randomUUID();

		conversations.update(conversation, state -> state.withState("greeted")).block();

		Duration ttl = redis.getExpire("balas:conversation:" + conversation).block();
		assertThat(ttl).isBetween(Duration.ofDays(29), Duration.ofDays(30));
		assertThat(conversations.find(conversation).block().state()).isEqualTo("greeted");
	}

}
