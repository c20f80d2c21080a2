package id.posindonesia.balas.suggestion;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.posindonesia.balas.BalasIntegrationTest;
import id.posindonesia.balas.nlu.Language;

import static org.assertj.core.api.Assertions.assertThat;

@BalasIntegrationTest
class SuggestionBoxTest {

	@Autowired
	private SuggestionBox box;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@Autowired
	private WebTestClient client;

	@Test
	void suggestionsAreKeptNewestFirstWithoutPhoneNumbers() {
		String conversation = "17841400000000001:" + UUID.randomUUID();

		box.add(conversation, "rina.s", "Tambah loket di Kantor Pos Depok, WA saya 081298765432", Language.ID).block();
		box.add(conversation, null, "Please add Saturday pickups", Language.EN).block();

		List<Suggestion> newest = box.newest(2).collectList().block();
		assertThat(newest).extracting(Suggestion::conversationId).containsOnly(conversation);
		assertThat(newest.get(0).text()).isEqualTo("Please add Saturday pickups");
		assertThat(newest.get(0).username()).isNull();
		assertThat(newest.get(0).language()).isEqualTo(Language.EN);
		assertThat(newest.get(1).text()).isEqualTo("Tambah loket di Kantor Pos Depok, WA saya [nomor disembunyikan]");
		assertThat(newest.get(1).username()).isEqualTo("rina.s");
		assertThat(newest.get(1).receivedAt()).isBeforeOrEqualTo(newest.get(0).receivedAt());
	}

	@Test
	void longSuggestionsAreCut() {
		SuggestionBox small = new SuggestionBox(redis, new SuggestionProperties(10_000, 20));
		String conversation = "17841400000000001:" + UUID.randomUUID();

		small.add(conversation, "budi", "a".repeat(19) + "😀 and more", Language.ID).block();

		assertThat(small.newest(1).blockFirst().text()).isEqualTo("a".repeat(19) + "😀");
	}

	@Test
	void theBoxKeepsOnlyTheNewestSuggestions() {
		SuggestionBox small = new SuggestionBox(redis, new SuggestionProperties(100, 2000));
		String conversation = "17841400000000001:" + UUID.randomUUID();

		Flux.range(0, 1000).concatMap(i -> small.add(conversation, "budi", "saran " + i, Language.ID)).blockLast();

		// Redis trims whole blocks of (by default) 100 entries, so the bound is approximate
		assertThat(redis.opsForStream().size(SuggestionBox.KEY).block()).isBetween(100L, 200L);
		assertThat(small.newest(1).blockFirst().text()).isEqualTo("saran 999");
	}

	@Test
	void supervisorsListSuggestionsNewestFirst() {
		String conversation = "17841400000000001:" + UUID.randomUUID();
		box.add(conversation, "rina.s", "Jam buka diperpanjang", Language.ID).block();
		box.add(conversation, "rina.s", "Aplikasi lebih cepat", Language.ID).block();

		client.get().uri("/api/suggestions?limit=2")
			.headers(headers -> headers.setBasicAuth("admin", "test-admin-password"))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$[0].text").isEqualTo("Aplikasi lebih cepat")
			.jsonPath("$[0].language").isEqualTo("id")
			.jsonPath("$[1].text").isEqualTo("Jam buka diperpanjang")
			.jsonPath("$.length()").isEqualTo(2);
		client.get().uri("/api/suggestions?limit=0")
			.headers(headers -> headers.setBasicAuth("admin", "test-admin-password"))
			.exchange()
			.expectStatus().isBadRequest();
		client.get().uri("/api/suggestions").exchange().expectStatus().isUnauthorized();
	}

}
