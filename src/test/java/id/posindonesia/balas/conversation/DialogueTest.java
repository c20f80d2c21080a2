package id.posindonesia.balas.conversation;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.posindonesia.balas.BalasIntegrationTest;
import id.posindonesia.balas.MetaWebhooks;
import id.posindonesia.balas.conversation.TranscriptLine.Author;
import id.posindonesia.balas.SentMessages;
import id.posindonesia.balas.complaint.ComplaintDesk;
import id.posindonesia.balas.complaint.FollowerTier;
import id.posindonesia.balas.complaint.Ticket;
import id.posindonesia.balas.sandbox.Sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static id.posindonesia.balas.conversation.UnverifiedShipment.assertNothingOfTheShipmentIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whole conversations through Meta's signed webhook, the embedded Redis and the sandbox Graph and tracking APIs
 * (their records are listed in the README). Nothing of a shipment may appear in a reply before its verification.
 */
@BalasIntegrationTest
class DialogueTest {

	private static final String ACCOUNT = "17841400000000006";

	@Autowired
	private WebTestClient client;

	@Autowired
	private Sandbox sandbox;

	@Autowired
	private List<SmartLifecycle> lifecycles;

	@Autowired
	private Transcript transcript;

	@Autowired
	private ComplaintDesk complaints;

	@Test
	void answersTheContactCenterQuestionInTheCustomersLanguage() {
		String indonesian = customer();
		String english = customer();

		assertThat(say(indonesian, "min nomor call center pos indonesia berapa ya?")).contains("1500161",
				"halopos@posindonesia.co.id");
		assertThat(say(english, "hello, what is the customer service phone number?")).contains("1500161",
				"You can reach Halo Pos");
	}

	@Test
	void answersWhereToFileAComplaintAndGreetsWithWhatBalasCanDo() {
		String customer = customer();

		assertThat(say(customer, "halo min selamat pagi")).contains("Balas").contains("lacak");
		assertThat(quickRepliesOfLast(customer)).contains("TRACK_PARCEL", "CONTACT_CENTER", "COMPLAINT", "HUMAN_AGENT");
		assertThat(say(customer, "kalau mau bikin pengaduan lewat website dimana ya")).contains("www.posindonesia.co.id");
	}

	@Test
	void tracksAParcelOnceTheCustomerProvesTheyMaySeeIt() {
		String customer = customer();

		String askVerification = say(customer, "min tolong cek resi 16012345678");
		assertThat(askVerification).contains("16012345678");
		assertNothingOfTheShipmentIn(askVerification);

		String status = say(customer, "BUDI SANTOSO 7890");
		assertThat(status).contains("16012345678", "KPC MALIOBORO");
		// the lookup may take seconds: the customer saw Balas typing before the first answer
		assertThat(SentMessages.to(sandbox.server(), customer)).extracting(call -> call.getOrDefault("sender_action", "text"))
			.startsWith("typing_on", "text", "mark_seen");

		String conversation = ACCOUNT + ":" + customer;
		List<TranscriptLine> lines = transcript.read(conversation).collectList().block();
		assertThat(lines).extracting(TranscriptLine::author).containsExactly(Author.CUSTOMER, Author.BOT,
				Author.CUSTOMER, Author.BOT);
		assertThat(lines.get(2).text()).isEqualTo("BUDI SANTOSO 7890");
		assertThat(transcript.readMasked(conversation).collectList().block().get(2).text()).isEqualTo("•••");
	}

	@Test
	void answersInEnglishWhenTheCustomerWritesEnglishAndAsksForTheWholeProof() {
		String customer = customer();

		String ask = say(customer, "hi, where is my parcel RR123456785ID?");
		assertThat(ask).contains("RR123456785ID", "sender's or the receiver's name");
		assertThat(say(customer, "TAN MEI LING 6789")).contains("RR123456785ID", "on its way");
	}

	@Test
	void collectsTheBarcodeLaterAndVerificationAcrossTwoMessages() {
		String customer = customer();

		assertThat(say(customer, "mau lacak paket saya dong")).contains("resi");
		assertNothingOfTheShipmentIn(say(customer, "16020000011"));
		String askNumber = say(customer, "nama penerima rina wulandari");
		assertThat(askNumber).doesNotContain("KPC DARMO", "SRI LESTARI");
		assertThat(say(customer, "7712")).contains("16020000011", "SRI LESTARI");
	}

	@Test
	void threeWrongAnswersLockTheBarcodeForThisConversationWithoutSayingWhatWasWrong() {
		String customer = customer();
		say(customer, "cek resi 16012345678");

		String first = say(customer, "BUDI SANTOSO 1111");
		String second = say(customer, "SITI RAHMAWATI 2222");
		String third = say(customer, "ANDI 55213");

		for (String refusal : List.of(first, second)) {
			assertNothingOfTheShipmentIn(refusal);
			assertThat(refusal).contains("belum cocok");
		}
		assertThat(first.replace("2 kali", "N kali")).isEqualTo(second.replace("1 kali", "N kali"));
		assertThat(third).contains("1 jam");
		// a lockout goes to an agent
		assertThat(third).contains("antrean ke-");
		// the right data no longer helps within the hour, and the customer is not queued twice
		String locked = say(customer, "cek resi 16012345678 BUDI SANTOSO 7890");
		assertNothingOfTheShipmentIn(locked);
		assertThat(locked).contains("1 jam", "sudah ada di antrean agen");
	}

	@Test
	void aCustomerCanLeaveTheFormAndWhatTheyWriteNextIsNotTakenAsVerification() {
		String customer = customer();
		say(customer, "cek resi 16012345678");

		assertThat(say(customer, "batal")).contains("dibatalkan");
		String after = say(customer, "BUDI SANTOSO 7890");
		assertNothingOfTheShipmentIn(after);
	}

	@Test
	void tellsHonestlyWhenABarcodeIsUnknownNotOursOrCannotBeLookedUp() {
		String customer = customer();

		assertThat(say(customer, "cek resi 16099999999")).contains("belum terdaftar");
		assertThat(say(customer, "lacak paket JP1234567890 dong")).contains("bukan nomor resi Pos Indonesia");
		assertThat(say(customer, "RR123456789ID")).contains("kurang tepat");
		assertThat(say(customer, "batal")).contains("dibatalkan");
		assertThat(say(customer, "cek resi 16050000500")).contains("tidak bisa dihubungi");
		assertThat(say(customer, "cek resi 16060000010")).contains("tidak bisa dihubungi");
	}

	@Test
	void aBareWishToComplainStartsTheComplaintNotTheWebsiteAnswer() {
		assertThat(say(customer(), "saya mau komplain")).contains("1 terlambat");
		assertThat(say(customer(), "mau komplain lewat mana ya")).contains("www.posindonesia.co.id");
	}

	@Test
	void aComplaintBecomesATicketWhoseReportReachesThePostOffice() {
		String customer = customer();

		// the quick reply under the greeting starts the same form as typing
		assertThat(tap(customer, "COMPLAINT", "Ajukan pengaduan")).contains("1 terlambat");
		assertThat(say(customer, "2")).contains("resi");
		assertThat(say(customer, "tidak ada")).contains("Ceritakan");
		String created = say(customer, "paket saya hilang sejak minggu lalu, mohon dibantu");

		String ticket = created.replaceAll("(?s).*(PI-\\d{4}-\\d{6,9}).*", "$1");
		assertThat(ticket).matches("PI-\\d{4}-\\d{6,9}");
		await().atMost(Duration.ofSeconds(15)).until(() -> reportsFor(ticket).size() == 1);
		assertThat(reportsFor(ticket).get(0).getBodyAsString()).contains("\"category\":\"LOST\"", ticket);
		assertThat(say(customer, "status tiket " + ticket + " gimana min?")).contains(ticket, "Kiriman hilang",
				"masih diproses");
		assertThat(say(customer(), "status tiket " + ticket)).contains("tidak ditemukan");
		// a pointer instead of content: in this thread it can only mean the complaint
		assertThat(say(customer, "min tolong di follow up ya")).contains(ticket);
	}

	@Test
	void aMessageOlderThanMetasTwentyFourHourWindowIsRecordedButNotAnswered() {
		String customer = customer();
		long dayAndAnHourAgo = System.currentTimeMillis() - Duration.ofHours(25).toMillis();
		MetaWebhooks.deliver(client,
				MetaWebhooks.textMessage(ACCOUNT, customer, "mid-old-" + customer, dayAndAnHourAgo, "halo min"));

		// answered in order: once the next message is answered, the old one was handled
		String answer = say(customer, "nomor halo pos berapa?");
		assertThat(answer).contains("1500161").doesNotContain("asisten virtual");
		assertThat(SentMessages.textsTo(sandbox.server(), customer)).hasSize(1);
		// the transcript keeps the old message and what the bot would have said, for an agent to follow up
		List<TranscriptLine> lines = transcript.read(ACCOUNT + ":" + customer).collectList().block();
		assertThat(lines).hasSize(4);
		assertThat(lines.get(0).text()).isEqualTo("halo min");
		assertThat(lines.get(2).text()).isEqualTo("nomor halo pos berapa?");
	}

	@Test
	void smallTalkInsideAFormIsAnsweredAndTheFormGoesOn() {
		String customer = customer();
		say(customer, "cek resi 16012345678");

		String thanks = say(customer, "oke makasih kak");
		assertThat(thanks).contains("lanjutkan");
		assertNothingOfTheShipmentIn(thanks);
		assertThat(say(customer, "SITI RAHMAWATI 5678")).contains("KPC MALIOBORO");
	}

	@Test
	void aComplaintFromAWidelyFollowedCustomerIsHandledFirst() {
		String customer = customer();
		StubMapping profile = sandbox.server()
			.stubFor(get(urlPathMatching("/v[0-9.]+/" + customer)).atPriority(0)
				.willReturn(okJson("{\"id\":\"" + customer + "\",\"username\":\"wisata.jogja\",\"follower_count\":64000}")));
		try {
			Ticket ticket = complainAs(customer);

			assertThat(ticket.username()).isEqualTo("wisata.jogja");
			assertThat(ticket.followerCount()).isEqualTo(64_000L);
			assertThat(ticket.followerTier()).isEqualTo(FollowerTier.MID);
			assertThat(ticket.priority()).isEqualTo(3);
		}
		finally {
			sandbox.server().removeStub(profile);
		}
	}

	@Test
	void aComplaintOpensAtTheRegularPriorityWhenTheProfileCannotBeRead() {
		String customer = customer();
		StubMapping profile = sandbox.server()
			.stubFor(get(urlPathMatching("/v[0-9.]+/" + customer)).atPriority(0)
				.willReturn(aResponse().withStatus(503)));
		try {
			Ticket ticket = complainAs(customer);

			assertThat(ticket.username()).isNull();
			assertThat(ticket.followerTier()).isEqualTo(FollowerTier.REGULAR);
		}
		finally {
			sandbox.server().removeStub(profile);
		}
	}

	private Ticket complainAs(String customer) {
		assertThat(tap(customer, "COMPLAINT", "Ajukan pengaduan")).contains("1 terlambat");
		say(customer, "4");
		say(customer, "tidak ada");
		String created = say(customer, "kardus paket saya sobek dan isinya rusak");
		String id = created.replaceAll("(?s).*(PI-\\d{4}-\\d{6,9}).*", "$1");
		return complaints.find(id).block(Duration.ofSeconds(5));
	}

	@Test
	void aFormInProgressSurvivesARestartOfTheWorker() {
		String customer = customer();
		assertNothingOfTheShipmentIn(say(customer, "cek resi 16012345678"));

		SmartLifecycle worker = lifecycles.stream()
			.filter(lifecycle -> lifecycle.getClass().getSimpleName().equals("EventStreamWorker"))
			.findFirst()
			.orElseThrow();
		worker.stop();
		worker.start();

		assertThat(say(customer, "SITI RAHMAWATI 5678")).contains("KPC MALIOBORO");
	}

	private String tap(String customer, String payload, String title) {
		return chat().tap(customer, payload, title);
	}

	private String say(String customer, String text) {
		return chat().say(customer, text);
	}

	private List<String> quickRepliesOfLast(String customer) {
		return chat().quickRepliesOfLast(customer);
	}

	private CustomerChat chat() {
		return new CustomerChat(client, sandbox.server(), ACCOUNT);
	}

	private List<LoggedRequest> reportsFor(String ticket) {
		return sandbox.server()
			.findAll(postRequestedFor(urlPathEqualTo("/cch/reports")))
			.stream()
			.filter(request -> ticket.equals(request.getHeader("Idempotency-Key")))
			.toList();
	}

	private static String customer() {
		return CustomerChat.newCustomer();
	}

}
