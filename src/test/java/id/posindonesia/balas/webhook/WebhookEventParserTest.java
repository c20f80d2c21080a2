package id.posindonesia.balas.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import id.posindonesia.balas.MetaWebhooks;
import id.posindonesia.balas.inbox.EventKind;
import id.posindonesia.balas.inbox.InboundEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookEventParserTest {

	private static final long NOW = 1_800_000_000_000L;

	private final AtomicInteger truncated = new AtomicInteger();

	private final WebhookEventParser parser = new WebhookEventParser(JsonMapper.builder().build(), () -> NOW,
			truncated::incrementAndGet);

	private List<InboundEvent> parse(String fixture) {
		return parser.parse(MetaWebhooks.fixture(fixture));
	}

	@Test
	void textMessageIsRoutedToItsSenderWithItsOwnTimestamp() {
		InboundEvent event = parse("text-message").get(0);

		assertThat(event.kind()).isEqualTo(EventKind.MESSAGE);
		assertThat(event.account()).isEqualTo("17841400000000001");
		assertThat(event.customer()).isEqualTo("6100000000000001");
		assertThat(event.conversationId()).isEqualTo("17841400000000001:6100000000000001");
		assertThat(event.timestamp()).isEqualTo(1764300000123L);
		assertThat(event.dedupeKey()).isEqualTo("mid:17841400000000001:aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAwMDAwMDAwMDE");
		assertThat(event.payload()).contains("\"text\":\"min paket aku udh 3 hari blm nyampe");
	}

	@Test
	void aTextLongerThanInstagramAllowsIsCutOnACharacterBoundaryAndMarked() {
		// 300 KB, with a 2-byte character straddling the 1000-byte limit
		String text = "a".repeat(999) + "é" + "b".repeat(300_000);
		byte[] body = MetaWebhooks.textMessage("17841400000000001", "6100000000000009", "m-long", NOW, text);

		InboundEvent event = parser.parse(body).get(0);

		assertThat(event.payload().getBytes(StandardCharsets.UTF_8).length).isLessThan(2_000);
		assertThat(event.payload()).contains("\"text\":\"" + "a".repeat(999) + "\"")
			.contains("\"balas_truncated\":" + (1001 + 300_000));
		assertThat(truncated.get()).isEqualTo(1);
	}

	@Test
	void aTextWithinTheLimitIsKeptAsSent() {
		String text = "é".repeat(500);
		InboundEvent event = parser
			.parse(MetaWebhooks.textMessage("17841400000000001", "6100000000000009", "m-ok", NOW, text))
			.get(0);

		assertThat(event.payload()).contains(text).doesNotContain("balas_truncated");
		assertThat(truncated.get()).isZero();
	}

	@Test
	void quickReplyWithPlaceholderIdsIsAMessage() {
		InboundEvent event = parse("quick-reply").get(0);

		assertThat(event.kind()).isEqualTo(EventKind.MESSAGE);
		assertThat(event.customer()).isEqualTo("<IGSID>");
		assertThat(event.dedupeKey()).isEqualTo("mid:<IGID>:<MID>");
		assertThat(event.payload()).contains("TRACK_PARCEL");
	}

	@Test
	void unsupportedAttachmentIsStillAMessage() {
		assertThat(parse("unsupported-attachment")).singleElement()
			.satisfies(event -> assertThat(event.kind()).isEqualTo(EventKind.MESSAGE))
			.satisfies(event -> assertThat(event.payload()).contains("unsupported_type"));
	}

	@Test
	void seenReactionAndReferralHaveNoIdOfTheirOwnSoTheirContentIdentifiesThem() {
		InboundEvent seen = parse("seen").get(0);
		InboundEvent reaction = parse("reaction").get(0);
		InboundEvent referral = parse("referral").get(0);

		assertThat(seen.kind()).isEqualTo(EventKind.SEEN);
		assertThat(reaction.kind()).isEqualTo(EventKind.REACTION);
		assertThat(referral.kind()).isEqualTo(EventKind.REFERRAL);
		assertThat(List.of(seen, reaction, referral)).allSatisfy(event -> assertThat(event.dedupeKey()).startsWith("sha256:"));
		assertThat(parse("reaction").get(0).dedupeKey()).isEqualTo(reaction.dedupeKey());
	}

	@Test
	void postbackIsKeyedByItsMid() {
		InboundEvent event = parse("postback").get(0);

		assertThat(event.kind()).isEqualTo(EventKind.POSTBACK);
		assertThat(event.customer()).isEqualTo("6100000000000004");
		assertThat(event.dedupeKey()).isEqualTo("postback:17841400000000001:aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAwMDAwMDAwMDQ");
	}

	@Test
	void commentBelongsToItsAuthorAndEntryTimeInSecondsBecomesMillis() {
		InboundEvent event = parse("comments").get(0);

		assertThat(event.kind()).isEqualTo(EventKind.COMMENT);
		assertThat(event.customer()).isEqualTo("6100000000000006");
		assertThat(event.timestamp()).isEqualTo(1764300600_000L);
		assertThat(event.dedupeKey()).isEqualTo("comment:17841400000000001:18000000000000003");
	}

	@Test
	void everyEntryOfABatchIsParsed() {
		List<InboundEvent> mentions = parse("mentions");

		assertThat(mentions).extracting(InboundEvent::kind).containsExactly(EventKind.MENTION, EventKind.MENTION);
		assertThat(mentions).extracting(InboundEvent::dedupeKey)
			.containsExactly("mention:17841400000000001:18000000000000011", "mention:17841400000000001:18000000000000013");
		assertThat(mentions).extracting(InboundEvent::customer).containsOnly(InboundEvent.NO_CUSTOMER);
		// with no customer to keep in order, each mention is a conversation of its own rather than one shared queue
		assertThat(mentions).extracting(InboundEvent::conversationId).doesNotHaveDuplicates()
			.allSatisfy(id -> assertThat(id).startsWith("17841400000000001:-:"));
	}

	@Test
	void standbyEchoWithNumericIdsBelongsToTheCustomerItWasSentTo() {
		InboundEvent event = parse("standby-echo").get(0);

		assertThat(event.kind()).isEqualTo(EventKind.STANDBY);
		assertThat(event.account()).isEqualTo("17841400000000001");
		assertThat(event.customer()).isEqualTo("6100000000000007");
		assertThat(event.timestamp()).isEqualTo(1764300800800L);
	}

	@Test
	void unknownKindsAreKeptNotRefused() {
		List<InboundEvent> events = parse("unknown-kinds");

		assertThat(events).extracting(InboundEvent::kind).containsExactly(EventKind.UNKNOWN, EventKind.UNKNOWN);
		assertThat(events.get(0).customer()).isEqualTo("6100000000000008");
		assertThat(events.get(1).payload()).contains("story_insights");
	}

	@Test
	void echoesAndDeletionsAreTheirOwnEvents() {
		String body = """
				{"object":"instagram","entry":[{"id":"1","time":1764300000000,"messaging":[
				{"sender":{"id":"1"},"recipient":{"id":"2"},"timestamp":1764300000001,"message":{"mid":"m1","text":"Halo Kak","is_echo":true}},
				{"sender":{"id":"2"},"recipient":{"id":"1"},"timestamp":1764300000002,"message":{"mid":"m2","is_deleted":true}},
				{"sender":{"id":"2"},"recipient":{"id":"1"},"timestamp":1764300000003,"message":{"mid":"m2","text":"ralat"}}]}]}""";

		List<InboundEvent> events = parser.parse(body.getBytes(StandardCharsets.UTF_8));

		assertThat(events).extracting(InboundEvent::kind).containsExactly(EventKind.ECHO, EventKind.MESSAGE, EventKind.MESSAGE);
		assertThat(events).extracting(InboundEvent::customer).containsOnly("2");
		assertThat(events).extracting(InboundEvent::dedupeKey).doesNotHaveDuplicates();
	}

	@Test
	void otherObjectsAreRecordedAsUnknown() {
		String body = """
				{"object":"page","entry":[{"id":"1","time":1764300000000,"messaging":[{"sender":{"id":"9"},"message":{"mid":"m"}}]}]}""";

		assertThat(parser.parse(body.getBytes(StandardCharsets.UTF_8))).singleElement()
			.satisfies(event -> assertThat(event.kind()).isEqualTo(EventKind.UNKNOWN));
	}

	@Test
	void missingTimesFallBackToTheClock() {
		String body = "{\"object\":\"instagram\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"comments\",\"value\":{\"id\":\"c\"}}]}]}";

		assertThat(parser.parse(body.getBytes(StandardCharsets.UTF_8)).get(0).timestamp()).isEqualTo(NOW);
	}

	@Test
	void malformedBodiesAreRefusedWithAReason() {
		assertThatThrownBy(() -> parser.parse("{\"object\":".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(MalformedWebhookException.class).hasMessageContaining("not valid JSON");
		assertThatThrownBy(() -> parser.parse("[1,2]".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(MalformedWebhookException.class).hasMessageContaining("JSON object");
		assertThatThrownBy(() -> parser.parse("{\"object\":\"instagram\"}".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(MalformedWebhookException.class).hasMessageContaining("entry");
		assertThatThrownBy(() -> parser.parse("{\"object\":\"instagram\",\"entry\":[3]}".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(MalformedWebhookException.class).hasMessageContaining("entry");
		assertThatThrownBy(() -> parser.parse(new byte[0])).isInstanceOf(MalformedWebhookException.class);
	}

}
