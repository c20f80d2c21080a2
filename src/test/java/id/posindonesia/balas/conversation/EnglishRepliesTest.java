package id.posindonesia.balas.conversation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.posindonesia.balas.BalasIntegrationTest;
import id.posindonesia.balas.SentMessages;
import id.posindonesia.balas.nlu.Language;
import id.posindonesia.balas.sandbox.Sandbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer, and the start of the tracking form, for a customer who writes English: through the signed webhook,
 * the English template reaches the Send API and the Indonesian one never does.
 */
@BalasIntegrationTest
class EnglishRepliesTest {

	private static final String ACCOUNT = "17841400000000008";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private WebTestClient client;

	@Autowired
	private Sandbox sandbox;

	@Autowired
	private ReplyTemplates replies;

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			contact_center    | what is the Halo Pos number?
			contact_center    | how can I contact your customer service by email?
			complaint_website | where can I file a complaint on the website?
			complaint_website | how do I submit a complaint online on your website?
			greeting          | hello
			greeting          | good morning!
			thanks            | thanks a lot
			thanks            | thank you so much for your help
			suggestion        | i have a suggestion: add a live tracking map
			suggestion        | I suggest you open the post offices on sundays
			fallback          | can you recommend a good pizza place near me?
			tracking.ask_barcode | I want to track my parcel
			""")
	void answersInEnglish(String key, String message) {
		String customer = CustomerChat.newCustomer();

		String sent = textOf(chat().say(customer, message));

		assertThat(sent).isEqualTo(replies.render(key, Language.EN).text());
		assertNeverSentInIndonesian(customer, replies.render(key, Language.ID).text());
	}

	@Test
	void startsTheTrackingFormInEnglishWithTheBarcodeGiven() {
		String customer = CustomerChat.newCustomer();

		String sent = textOf(chat().say(customer, "hi, where is my parcel RR123456785ID?"));

		Map<String, String> barcode = Map.of("barcode", "RR123456785ID");
		assertThat(sent).isEqualTo(replies.render("verification.ask", Language.EN, barcode).text());
		assertNeverSentInIndonesian(customer, replies.render("verification.ask", Language.ID, barcode).text());
	}

	@Test
	void offersAnAgentInEnglishAfterTwoMisunderstoodMessages() {
		String customer = CustomerChat.newCustomer();

		assertThat(textOf(chat().say(customer, "can you recommend a good pizza place near me?")))
			.isEqualTo(replies.render("fallback", Language.EN).text());
		String second = chat().say(customer, "what is the weather like in London tomorrow?");

		assertThat(textOf(second)).isEqualTo(replies.render("fallback_offer_agent", Language.EN).text());
		assertThat(chat().quickRepliesOfLast(customer)).contains("HUMAN_AGENT");
		assertNeverSentInIndonesian(customer, replies.render("fallback_offer_agent", Language.ID).text());
	}

	private void assertNeverSentInIndonesian(String customer, String indonesian) {
		List<String> texts = SentMessages.textsTo(sandbox.server(), customer)
			.stream()
			.map(call -> textOf(call.get("message")))
			.toList();
		assertThat(texts).isNotEmpty().doesNotContain(indonesian);
	}

	private CustomerChat chat() {
		return new CustomerChat(client, sandbox.server(), ACCOUNT);
	}

	/** The text of one message as the Send API got it ({@code {"text":…,"quick_replies":…}}). */
	private static String textOf(String message) {
		return JSON.readTree(message).get("text").asString();
	}

}
