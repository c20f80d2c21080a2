package id.posindonesia.balas.conversation;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.posindonesia.balas.BalasIntegrationTest;
import id.posindonesia.balas.sandbox.Sandbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transcript as anyone but the assigned agent reads it: the names a customer writes in free text, and those on
 * the shipment records looked up in the conversation, are masked; the agent assigned reads them whole.
 */
@BalasIntegrationTest
class MaskedTranscriptTest {

	private static final String ACCOUNT = "17841400000000009";

	@Autowired
	private WebTestClient client;

	@Autowired
	private Sandbox sandbox;

	@Autowired
	private Transcript transcript;

	@Test
	void namesInAComplaintAndOnTheConversationsRecordAreMasked() {
		String customer = CustomerChat.newCustomer();
		CustomerChat chat = new CustomerChat(client, sandbox.server(), ACCOUNT);
		// the sandbox record of 16020000011: RINA WULANDARI to AGUS PRASETYO, received by SRI LESTARI
		chat.say(customer, "cek resi 16020000011");
		assertThat(chat.say(customer, "RINA WULANDARI 7712")).contains("SRI LESTARI");
		chat.tap(customer, "COMPLAINT", "Ajukan pengaduan");
		chat.say(customer, "5");
		assertThat(chat.say(customer, "16020000011")).contains("cocok");
		String description = "paket atas nama Agus Prasetyo belum sampai, katanya diterima sri lestari. "
				+ "penerima: Sdr. Andi tetangga saya, hp 0812-1111-2222. Pos Indonesia Jakarta Selatan tolong cek";
		chat.say(customer, description);

		String conversation = ACCOUNT + ":" + customer;
		List<String> whole = transcript.read(conversation).map(TranscriptLine::text).collectList().block();
		List<String> masked = transcript.readMasked(conversation).map(TranscriptLine::text).collectList().block();

		assertThat(whole).contains(description).anyMatch(line -> line.contains("SRI LESTARI"));
		assertThat(masked).hasSameSizeAs(whole);
		for (String line : masked) {
			assertThat(line).doesNotContainIgnoringCase("lestari")
				.doesNotContainIgnoringCase("agus")
				.doesNotContainIgnoringCase("prasetyo")
				.doesNotContainIgnoringCase("rina")
				.doesNotContain("Andi")
				.doesNotContain("1111-2222");
		}
		assertThat(masked).contains("paket atas nama ••• belum sampai, katanya diterima ••• •••. "
				+ "penerima: Sdr. ••• tetangga saya, hp ••••22. Pos Indonesia Jakarta Selatan tolong cek");
		// what does not name a person stays readable, for whoever follows the conversation up
		assertThat(masked).anyMatch(line -> line.contains("Kiriman 16020000011 sudah selesai diantar"));
	}

}
