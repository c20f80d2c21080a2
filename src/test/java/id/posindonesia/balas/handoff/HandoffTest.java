package id.posindonesia.balas.handoff;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.posindonesia.balas.BalasIntegrationTest;
import id.posindonesia.balas.InstagramCustomer;
import id.posindonesia.balas.sandbox.Sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The way from the bot to a person and back, driven like production: customers write through Meta's signed
 * webhook, agents use the API with their own accounts, and what reaches customers is read from the sandbox Graph API.
 */
@BalasIntegrationTest
class HandoffTest {

	private static final String ACCOUNT = "17841400000000010";

	// the sandbox's record: sent by BUDI SANTOSO …7890, to SITI RAHMAWATI …5678, postcode 55213
	private static final String BARCODE = "16012345678";

	// the sandbox's profile of this customer has 1.2 million followers
	private static final String MEGA_CUSTOMER = "6999000000000002";

	private WebTestClient client;

	@Autowired
	private Sandbox sandbox;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@Autowired
	private IdleHandoffs idleHandoffs;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	void useClient(WebTestClient client) {
		// every call checks a bcrypt password: a dozen at once take a while on a small machine
		this.client = client.mutate().responseTimeout(Duration.ofSeconds(60)).build();
	}

	@Test
	void aCustomerAskingForAPersonIsQueuedOnceAndToldRoughlyHowLongTheWaitIs() {
		InstagramCustomer customer = customer();
		String agent = newAgent("agent");

		assertThat(customer.say("min saya mau bicara dengan admin aja")).contains("antrean ke-", "menit");
		Map<String, Object> queued = handoffOf(agent, customer);
		assertThat(queued).containsEntry("status", "QUEUED").containsEntry("reason", "CUSTOMER_REQUEST");
		assertThat(queued.get("lastMessage")).isEqualTo("min saya mau bicara dengan admin aja");

		assertThat(customer.tap("HUMAN_AGENT", "Bicara dengan agen")).contains("sudah ada di antrean agen");
		assertThat(handoffsSeenBy(agent)).filteredOn(handoff -> customer.conversationId().equals(handoff.get("conversationId")))
			.hasSize(1);
		// while waiting, the bot still answers what it can
		assertThat(customer.say("nomor halo pos berapa ya")).contains("1500161");
	}

	@Test
	void anExplicitRequestForAPersonWinsOverAComplaintAndLeavesAForm() {
		InstagramCustomer complaining = customer();
		assertThat(complaining.say("halo min, saya mau bicara dengan admin, paket saya hilang parah!!!"))
			.contains("antrean ke-");
		assertThat(handoffOf(newAgent("agent"), complaining)).containsEntry("negativeTone", true);

		InstagramCustomer tracking = customer();
		tracking.say("cek resi 16012345678");
		assertThat(tracking.say("udah deh sambungin ke cs aja")).contains("antrean ke-");
	}

	@Test
	void theAgentSeesTheShipmentTheCustomerWasVerifyingWhenTheyAskedForAPerson() {
		InstagramCustomer customer = customer();
		String agent = newAgent("agent");
		customer.say("cek resi " + BARCODE);

		assertThat(customer.say("udah deh sambungin ke cs aja")).contains("antrean ke-");
		claim(agent, customer).expectStatus().isOk();
		assertThat(collected(agent, customer)).containsEntry("barcode", BARCODE)
			.containsEntry("verification", "PENDING");
	}

	@Test
	void aTrackingLockoutReachesTheAgentWithTheLockedShipment() {
		InstagramCustomer customer = customer();
		String agent = newAgent("agent");
		customer.say("cek resi " + BARCODE);

		assertThat(failVerificationThreeTimes(customer)).contains("1 jam", "antrean ke-");
		assertThat(handoffOf(agent, customer)).containsEntry("reason", "LOCKOUT").containsEntry("priority", 3);
		assertThat(collected(agent, customer)).containsEntry("barcode", BARCODE)
			.containsEntry("verification", "LOCKED_OUT");
	}

	@Test
	void aComplaintWhoseShipmentIsLockedOutGoesToAnAgentWithItsTicket() {
		InstagramCustomer customer = customer();
		String agent = newAgent("agent");
		customer.say("paket saya " + BARCODE + " hilang min");
		assertThat(failVerificationThreeTimes(customer)).contains("gagal 3 kali");

		String created = customer.say("sudah dua minggu belum sampai");
		assertThat(created).contains("PI-", "antrean ke-");
		String ticket = created.replaceAll("(?s).*(PI-\\d{4}-\\d{6,9}).*", "$1");
		// a lost parcel outranks a tracking lockout
		assertThat(handoffOf(agent, customer)).containsEntry("reason", "LOCKOUT")
			.containsEntry("priority", 2)
			.containsEntry("ticketId", ticket);
		assertThat(collected(agent, customer)).containsEntry("barcode", BARCODE)
			.containsEntry("verification", "LOCKED_OUT")
			.containsEntry("ticketId", ticket);
	}

	@Test
	void twoMissesInARowThenAcceptingTheOfferQueuesTheConversation() {
		InstagramCustomer customer = customer();

		customer.say("asdfgh qwerty zxcvb");
		assertThat(customer.say("lkjhg poiuy mnbvc")).contains("agen");
		assertThat(customer.say("iya boleh")).contains("antrean ke-");
		assertThat(handoffOf(newAgent("agent"), customer)).containsEntry("reason", "NOT_UNDERSTOOD");
	}

	@Test
	void theQueueOrdersByPriorityThenByWaitingTime() {
		String agent = newAgent("agent");
		InstagramCustomer regular = customer();
		InstagramCustomer angry = customer();
		InstagramCustomer influencer = new InstagramCustomer(client, sandbox.server(), ACCOUNT, MEGA_CUSTOMER);

		regular.say("mau ngobrol sama cs dong");
		angry.say("saya KECEWA banget, paket ga sampe2 udah seminggu!!!");
		angry.tap("HUMAN_AGENT", "Bicara dengan agen");
		influencer.say("halo min, bisa sambungkan ke agen?");

		List<String> order = handoffsSeenBy(agent).stream()
			.map(handoff -> (String) handoff.get("conversationId"))
			.filter(id -> List.of(regular.conversationId(), angry.conversationId(), influencer.conversationId()).contains(id))
			.toList();
		assertThat(order).containsExactly(influencer.conversationId(), angry.conversationId(), regular.conversationId());
		Map<String, Object> angryOne = handoffOf(agent, angry);
		assertThat(angryOne).containsEntry("negativeTone", true).containsEntry("priority", 3);
		assertThat(handoffOf(agent, influencer)).containsEntry("priority", 1)
			.extracting(handoff -> ((Map<?, ?>) handoff.get("customer")).get("tier"))
			.isEqualTo("MEGA");
	}

	@Test
	void theBotIsSilentWhileAnAgentHoldsTheConversationAndAnswersAgainOnceReleased() {
		InstagramCustomer customer = customer();
		String agent = newAgent("agent");
		double requested = meters.counter("balas.handoffs.requested", "reason", "CUSTOMER_REQUEST").count();
		long claimed = meters.timer("balas.handoffs.wait").count();
		customer.say("tolong hubungkan ke agen");
		claim(agent, customer).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("HELD")
			.jsonPath("$.agent").isEqualTo(agent);
		assertThat(meters.counter("balas.handoffs.requested", "reason", "CUSTOMER_REQUEST").count()).isGreaterThan(requested);
		assertThat(meters.timer("balas.handoffs.wait").count()).isGreaterThan(claimed);

		int callsBefore = customer.sendApiCalls().size();
		customer.write("halo?");
		customer.write("cek resi 16012345678");
		customer.write("terima kasih");
		// every message reached the transcript, and nothing went out: no reply, no typing, no seen mark
		await().atMost(Duration.ofSeconds(15)).until(() -> transcriptOf(agent, customer).size() >= 5);
		assertThat(customer.sendApiCalls()).hasSize(callsBefore);

		int textsBefore = customer.texts().size();
		send(agent, customer, "Halo Kak, saya Rina dari Pos Indonesia. Boleh dibantu nomor resinya?").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.tag").doesNotExist()
			.jsonPath("$.line.agent").isEqualTo(agent);
		assertThat(customer.nextTexts(textsBefore)).isEqualTo("{\"text\":\"Halo Kak, saya Rina dari Pos Indonesia. Boleh dibantu nomor resinya?\"}");

		textsBefore = customer.texts().size();
		post(agent, "/api/conversations/{id}/release", customer, Map.of()).expectStatus().isOk();
		assertThat(customer.nextTexts(textsBefore)).contains("kembali kepada saya");
		assertThat(handoffsSeenBy(agent)).noneMatch(handoff -> customer.conversationId().equals(handoff.get("conversationId")));
		assertThat(customer.say("nomor halo pos berapa")).contains("1500161");
		assertThat(transcriptOf(agent, customer)).extracting(line -> line.get("author"))
			.contains("CUSTOMER", "BOT", "AGENT");
	}

	@Test
	void aReplyTheBotDecidedBeforeAnAgentTookTheConversationIsNeverSent() {
		InstagramCustomer customer = customer();
		String agent = newAgent("agent");
		customer.say("halo min");
		int textsBefore = customer.texts().size();

		// the sandbox's tracking API takes 10 s for this barcode: Balas is still looking when the agent takes over
		customer.write("cek resi 16060000010");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> customer.sendApiCalls().stream().anyMatch(call -> "typing_on".equals(call.get("sender_action"))));
		claim(agent, customer).expectStatus().isOk();

		// the lookup gives up after balas.tracking.deadline (5 s); its answer is decided again, silently
		await().atMost(Duration.ofSeconds(20)).until(() -> transcriptOf(agent, customer).size() >= 3);
		await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
		assertThat(customer.texts()).hasSize(textsBefore);
		assertThat(transcriptOf(agent, customer)).extracting(line -> line.get("author"))
			.containsExactly("CUSTOMER", "BOT", "CUSTOMER");
	}

	@Test
	void agentsAndSupervisorsMayOnlyDoWhatTheirRoleAllows() {
		InstagramCustomer customer = customer();
		String holder = newAgent("agent");
		String other = newAgent("agent");
		String supervisor = newAgent("supervisor");
		customer.say("mau bicara dengan cs");

		client.get().uri("/api/handoffs").exchange().expectStatus().isUnauthorized();
		client.get().uri("/api/events").exchange().expectStatus().isUnauthorized();
		client.post().uri("/api/handoffs/{id}/claim", customer.conversationId()).exchange().expectStatus().isUnauthorized();

		send(holder, customer, "sebelum mengambil alih").expectStatus().isEqualTo(HttpStatus.CONFLICT)
			.expectBody().jsonPath("$.detail").isEqualTo("Percakapan ini masih di antrean. Ambil alih dulu.");
		claim(holder, customer).expectStatus().isOk();
		claim(holder, customer).expectStatus().isOk();
		claim(other, customer).expectStatus().isEqualTo(HttpStatus.CONFLICT)
			.expectBody().jsonPath("$.detail").isEqualTo("Percakapan ini sedang ditangani oleh " + holder + ".");
		send(other, customer, "bukan percakapan saya").expectStatus().isEqualTo(HttpStatus.CONFLICT);
		post(other, "/api/conversations/{id}/release", customer, Map.of()).expectStatus().isEqualTo(HttpStatus.CONFLICT);
		post(other, "/api/conversations/{id}/resolve", customer, Map.of("outcome", "selesai"))
			.expectStatus().isEqualTo(HttpStatus.CONFLICT);
		send(holder, customer, " ").expectStatus().isBadRequest();
		post(holder, "/api/conversations/{id}/resolve", customer, Map.of()).expectStatus().isBadRequest();

		// personal data is whole only for the holder
		assertThat(view(holder, customer)).containsEntry("unmasked", true);
		assertThat(view(other, customer)).containsEntry("unmasked", false);

		// a supervisor may give anyone's conversation back to the bot
		post(supervisor, "/api/conversations/{id}/release", customer, Map.of()).expectStatus().isOk();
		post(holder, "/api/conversations/{id}/release", customer, Map.of()).expectStatus().isEqualTo(HttpStatus.CONFLICT);
		client.get().uri("/api/conversations/{id}", ACCOUNT + ":6700000000000000")
			.headers(headers -> headers.setBasicAuth(holder, password(holder)))
			.exchange()
			.expectStatus().isNotFound();
	}

	@Test
	void anAgentMayTakeAnyConversationEvenOneNobodyQueued() {
		InstagramCustomer customer = customer();
		String agent = newAgent("agent");
		customer.say("halo min");

		claim(agent, customer).expectStatus().isOk().expectBody().jsonPath("$.reason").isEqualTo("AGENT_CLAIM");
		assertThat(recentSeenBy(agent)).anyMatch(recent -> customer.conversationId().equals(recent.get("conversationId")));
	}

	@Test
	void ofManyAgentsClaimingOneConversationAtOnceExactlyOneGetsIt() {
		InstagramCustomer customer = customer();
		customer.say("saya mau bicara dengan agen");
		List<String> agents = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			agents.add(newAgent("agent"));
		}

		ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
		// threads of their own: blocked on Reactor's shared boundedElastic, they could hold up the server's password
		// checks queued behind them, and wait for themselves
		Scheduler agentThreads = Schedulers.newBoundedElastic(agents.size(), agents.size(), "claiming-agents");
		try {
			Flux.fromIterable(agents)
				.parallel(agents.size())
				.runOn(agentThreads)
				.doOnNext(agent -> statuses.add(claim(agent, customer).returnResult(String.class).getStatus().value()))
				.sequential()
				.blockLast(Duration.ofSeconds(90));
		}
		finally {
			agentThreads.dispose();
		}

		assertThat(statuses).hasSize(agents.size());
		assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
		assertThat(statuses).filteredOn(status -> status == 409).hasSize(agents.size() - 1);
	}

	@Test
	void resolvingWritesTheOutcomeOnTheComplaintTicket() {
		InstagramCustomer customer = customer();
		String agent = newAgent("agent");
		customer.tap("COMPLAINT", "Ajukan pengaduan");
		customer.say("3");
		customer.say("tidak ada");
		String created = customer.say("paket saya sampai dalam keadaan rusak parah");
		String ticket = created.replaceAll("(?s).*(PI-\\d{4}-\\d{6,9}).*", "$1");
		customer.say("saya mau bicara dengan agen");
		claim(agent, customer).expectStatus().isOk();
		view(agent, customer);
		assertThat(((Map<?, ?>) view(agent, customer).get("collected")).get("ticketId")).isEqualTo(ticket);

		int before = customer.texts().size();
		post(agent, "/api/conversations/{id}/resolve", customer, Map.of("outcome", "Kiriman diganti oleh KPC asal"))
			.expectStatus().isOk();
		assertThat(customer.nextTexts(before)).contains("sudah selesai");
		client.get().uri("/api/tickets/{id}", ticket)
			.headers(headers -> headers.setBasicAuth(agent, password(agent)))
			.exchange()
			.expectBody()
			.jsonPath("$.status").isEqualTo("RESOLVED")
			.jsonPath("$.outcome").isEqualTo("Kiriman diganti oleh KPC asal");
		// and the customer who asks hears it
		assertThat(customer.say("status tiket " + ticket)).contains(ticket, "sudah selesai",
				"Kiriman diganti oleh KPC asal");
	}

	@Test
	void aComplaintFromAWidelyFollowedCustomerGoesToAnAgentAsWellAsToThePostOffice() {
		InstagramCustomer influencer = new InstagramCustomer(client, sandbox.server(), "17841400000000011", MEGA_CUSTOMER);
		influencer.tap("COMPLAINT", "Ajukan pengaduan");
		influencer.say("2");
		influencer.say("tidak ada");
		String created = influencer.say("paket saya hilang, sudah dua minggu");

		assertThat(created).contains("PI-", "antrean ke-");
		Map<String, Object> handoff = handoffOf(newAgent("agent"), influencer);
		assertThat(handoff).containsEntry("reason", "COMPLAINT").containsEntry("priority", 1);
		assertThat((String) handoff.get("ticketId")).startsWith("PI-");
	}

	@Test
	void anAgentIdleForTooLongGivesTheConversationBackToTheQueue() {
		InstagramCustomer customer = customer();
		String agent = newAgent("agent");
		customer.say("sambungkan ke admin dong");
		claim(agent, customer).expectStatus().isOk();

		assertThat(idleHandoffs.requeueIdle().block()).isZero();
		redis.opsForHash().put(HandoffStore.key(customer.conversationId()), "lastAgentAt",
				Long.toString(Instant.now().minus(Duration.ofHours(1)).toEpochMilli())).block();
		assertThat(idleHandoffs.requeueIdle().block()).isEqualTo(1);

		assertThat(handoffOf(agent, customer)).containsEntry("status", "QUEUED").containsEntry("agent", null);
		// back in the queue, the bot answers what it can again
		assertThat(customer.say("nomor halo pos berapa")).contains("1500161");
	}

	@Test
	void anAgentMayAnswerForSevenDaysWithTheHumanAgentTagAfterTheFirstDay() {
		String agent = newAgent("agent");
		InstagramCustomer twoDaysAgo = customer();
		twoDaysAgo.writeAt(System.currentTimeMillis() - Duration.ofDays(2).toMillis(), "halo, paket saya belum sampai");
		await().atMost(Duration.ofSeconds(15)).until(() -> exists(agent, twoDaysAgo));
		claim(agent, twoDaysAgo).expectStatus().isOk();

		send(agent, twoDaysAgo, "Mohon maaf baru membalas, Kak.").expectStatus().isOk()
			.expectBody().jsonPath("$.tag").isEqualTo("HUMAN_AGENT");
		assertThat(twoDaysAgo.sendApiCalls()).last().satisfies(call -> {
			assertThat(call).containsEntry("messaging_type", "MESSAGE_TAG").containsEntry("tag", "HUMAN_AGENT");
		});

		InstagramCustomer eightDaysAgo = customer();
		eightDaysAgo.writeAt(System.currentTimeMillis() - Duration.ofDays(8).toMillis(), "halo");
		await().atMost(Duration.ofSeconds(15)).until(() -> exists(agent, eightDaysAgo));
		claim(agent, eightDaysAgo).expectStatus().isOk();
		send(agent, eightDaysAgo, "Halo Kak").expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("7 hari"));
		assertThat(eightDaysAgo.texts()).isEmpty();
	}

	private InstagramCustomer customer() {
		return InstagramCustomer.newOn(ACCOUNT, client, sandbox.server());
	}

	private String newAgent(String role) {
		String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
		client.post().uri("/api/agents")
			.headers(headers -> headers.setBasicAuth("admin", "test-admin-password"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", name, "password", password(name), "role", role.toUpperCase(Locale.ROOT)))
			.exchange()
			.expectStatus().isCreated();
		return name;
	}

	private static String password(String agent) {
		return "password-of-" + agent;
	}

	private WebTestClient.ResponseSpec claim(String agent, InstagramCustomer customer) {
		return post(agent, "/api/handoffs/{id}/claim", customer, Map.of());
	}

	private WebTestClient.ResponseSpec send(String agent, InstagramCustomer customer, String text) {
		return post(agent, "/api/conversations/{id}/messages", customer, Map.of("text", text));
	}

	private WebTestClient.ResponseSpec post(String agent, String path, InstagramCustomer customer, Map<String, String> body) {
		return client.post()
			.uri(path, customer.conversationId())
			.headers(headers -> headers.setBasicAuth(agent, password(agent)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private List<Map<String, Object>> handoffsSeenBy(String agent) {
		return getList(agent, "/api/handoffs");
	}

	private List<Map<String, Object>> recentSeenBy(String agent) {
		return getList(agent, "/api/conversations");
	}

	private List<Map<String, Object>> getList(String agent, String path) {
		String json = client.get().uri(path)
			.headers(headers -> headers.setBasicAuth(agent, password(agent)))
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		return JsonPath.read(json, "$");
	}

	private Map<String, Object> handoffOf(String agent, InstagramCustomer customer) {
		return handoffsSeenBy(agent).stream()
			.filter(handoff -> customer.conversationId().equals(handoff.get("conversationId")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No handoff of " + customer.conversationId()));
	}

	private Map<String, Object> view(String agent, InstagramCustomer customer) {
		String json = client.get().uri("/api/conversations/{id}", customer.conversationId())
			.headers(headers -> headers.setBasicAuth(agent, password(agent)))
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		return JsonPath.read(json, "$");
	}

	/** Three wrong names and numbers for the barcode being verified; the third answer. */
	private static String failVerificationThreeTimes(InstagramCustomer customer) {
		customer.say("BUDI SANTOSO 1111");
		customer.say("SITI RAHMAWATI 2222");
		return customer.say("ANDI 55213");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> collected(String agent, InstagramCustomer customer) {
		return (Map<String, Object>) view(agent, customer).get("collected");
	}

	private boolean exists(String agent, InstagramCustomer customer) {
		return client.get().uri("/api/conversations/{id}", customer.conversationId())
			.headers(headers -> headers.setBasicAuth(agent, password(agent)))
			.exchange()
			.returnResult(String.class).getStatus().is2xxSuccessful();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> transcriptOf(String agent, InstagramCustomer customer) {
		return (List<Map<String, Object>>) view(agent, customer).get("transcript");
	}

}
