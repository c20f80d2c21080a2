package id.posindonesia.balas.handoff;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.Disposable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import id.posindonesia.balas.BalasApplication;
import id.posindonesia.balas.BalasIntegrationTest;
import id.posindonesia.balas.InstagramCustomer;
import id.posindonesia.balas.console.ConsoleSession;
import id.posindonesia.balas.sandbox.Sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Agents may use any instance: a second Balas on the same Redis serves {@code /api/events} while the customer's
 * webhook and the agent's claim land on the first, and honours a console session opened on the first, without
 * sticky sessions. And many agents connected at once cost little.
 */
@BalasIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentsAcrossInstancesTest {

	private static final String ACCOUNT = "17841400000000012";

	private static final String ADMIN_PASSWORD = "test-admin-password";

	@Autowired
	private WebTestClient client;

	@Autowired
	private Sandbox sandbox;

	@Autowired
	private DataRedisConnectionDetails redis;

	private ConfigurableApplicationContext secondInstance;

	private WebClient secondInstanceClient;

	private WebClient secondInstanceWithoutCredentials;

	@BeforeAll
	void startASecondInstanceOnTheSameRedis() {
		DataRedisConnectionDetails.Standalone standalone = redis.getStandalone();
		String sandboxUrl = sandbox.baseUrl().toString().replaceAll("/+$", "");
		// arguments, not default properties: application.yml's own values win over defaults
		secondInstance = new SpringApplicationBuilder(BalasApplication.class).run("--server.port=0",
				"--spring.data.redis.url=redis://" + standalone.getHost() + ":" + standalone.getPort(),
				"--balas.graph.api-url=" + sandboxUrl, "--balas.tracking.api-url=" + sandboxUrl,
				"--balas.cch.webhook-url=" + sandboxUrl + "/cch/reports", "--balas.agents.admin-password=" + ADMIN_PASSWORD,
				"--balas.agents.admin-password-file=target/second-instance-admin-password");
		connectToTheSecondInstance();
	}

	private void connectToTheSecondInstance() {
		int port = ((WebServerApplicationContext) secondInstance).getWebServer().getPort();
		secondInstanceWithoutCredentials = WebClient.create("http://localhost:" + port);
		secondInstanceClient = secondInstanceWithoutCredentials.mutate()
			.defaultHeaders(headers -> headers.setBasicAuth("admin", ADMIN_PASSWORD))
			.build();
	}

	@AfterAll
	void stopTheSecondInstance() {
		secondInstance.close();
	}

	@Test
	void anAgentConnectedToOneInstanceHearsOfAHandoffAndItsMessagesRecordedOnAnother() {
		ConcurrentLinkedQueue<ServerSentEvent<String>> heard = new ConcurrentLinkedQueue<>();
		Disposable connection = listen(secondInstanceClient, heard);
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> !heard.isEmpty());
			InstagramCustomer customer = InstagramCustomer.newOn(ACCOUNT, client, sandbox.server());

			customer.say("saya mau bicara dengan agen, nomor saya 081234567890");
			await().atMost(Duration.ofSeconds(5)).until(() -> eventsAbout(heard, "handoff", customer).size() == 1);
			assertThat(eventsAbout(heard, "handoff", customer).get(0).data()).contains("\"status\":\"QUEUED\"");

			String agent = "agent-" + UUID.randomUUID().toString().substring(0, 8);
			client.post().uri("/api/agents").headers(headers -> headers.setBasicAuth("admin", ADMIN_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("username", agent, "password", "password-of-" + agent, "role", "AGENT"))
				.exchange().expectStatus().isCreated();
			client.post().uri("/api/handoffs/{id}/claim", customer.conversationId())
				.headers(headers -> headers.setBasicAuth(agent, "password-of-" + agent))
				.exchange().expectStatus().isOk();
			await().atMost(Duration.ofSeconds(5))
				.until(() -> eventsAbout(heard, "handoff", customer).stream().anyMatch(event -> event.data().contains("\"HELD\"")));

			customer.write("ini nomor hp saya 081298765432");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> eventsAbout(heard, "message", customer).stream().anyMatch(event -> event.data().contains("ini nomor hp")));
			// the admin does not hold the conversation: the phone number reaches them masked
			assertThat(eventsAbout(heard, "message", customer)).allSatisfy(event -> assertThat(event.data())
				.doesNotContain("081298765432", "081234567890"));
		}
		finally {
			connection.dispose();
		}
	}

	@Test
	void aConsoleSessionOpenedOnOneInstanceServesTheAgentOnTheOtherUntilTheyLogOut() {
		ConsoleSession session = ConsoleSession.login(client, "admin", ADMIN_PASSWORD);
		InstagramCustomer customer = InstagramCustomer.newOn(ACCOUNT, client, sandbox.server());
		customer.say("halo");

		assertThat(statusOnTheSecondInstance(session, HttpMethod.GET, "/api/handoffs", null)).isEqualTo(200);
		String claim = "/api/handoffs/" + customer.conversationId() + "/claim";
		// its CSRF token travels with it: an unsafe request without the token is refused, with it is done
		assertThat(statusOnTheSecondInstance(session, HttpMethod.POST, claim, null)).isEqualTo(403);
		assertThat(statusOnTheSecondInstance(session, HttpMethod.POST, claim, session.csrfToken())).isEqualTo(200);

		client.post().uri("/console/logout").cookie("SESSION", session.cookie())
			.header("X-CSRF-TOKEN", session.csrfToken())
			.exchange()
			.expectStatus().is3xxRedirection();
		assertThat(statusOnTheSecondInstance(session, HttpMethod.GET, "/api/handoffs", null)).isEqualTo(401);
	}

	private int statusOnTheSecondInstance(ConsoleSession session, HttpMethod method, String path, String csrfToken) {
		return secondInstanceWithoutCredentials.method(method)
			.uri(path)
			.cookie("SESSION", session.cookie())
			.headers(headers -> {
				if (csrfToken != null) {
					headers.set("X-CSRF-TOKEN", csrfToken);
				}
			})
			.exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
			.block(Duration.ofSeconds(10));
	}

	@Test
	void agentsStillHearOfHandoffsAfterTheInstancesPubSubConnectionsWereKilled() throws IOException {
		ConcurrentLinkedQueue<ServerSentEvent<String>> heard = new ConcurrentLinkedQueue<>();
		Disposable connection = listen(secondInstanceClient, heard);
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> !heard.isEmpty());
			assertThat(killPubSubClients()).startsWith(":");
			InstagramCustomer customer = InstagramCustomer.newOn(ACCOUNT, client, sandbox.server());
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
				customer.write("tolong sambungkan ke admin");
				return !eventsAbout(heard, "handoff", customer).isEmpty();
			});
		}
		finally {
			connection.dispose();
		}
	}

	@Test
	void agentsStillHearOfHandoffsAfterTheInstanceWasPausedForLongerThanThreeHeartbeats() throws InterruptedException {
		// what the test framework does to a cached context while other test classes run: its Redis connections stop
		secondInstance.pause();
		Thread.sleep(Duration.ofSeconds(16).toMillis());
		secondInstance.restart();
		connectToTheSecondInstance();

		ConcurrentLinkedQueue<ServerSentEvent<String>> heard = new ConcurrentLinkedQueue<>();
		Disposable connection = listen(secondInstanceClient, heard);
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> !heard.isEmpty());
			InstagramCustomer customer = InstagramCustomer.newOn(ACCOUNT, client, sandbox.server());
			customer.say("tolong sambungkan ke admin");
			await().atMost(Duration.ofSeconds(10)).until(() -> eventsAbout(heard, "handoff", customer).size() == 1);
		}
		finally {
			connection.dispose();
		}
	}

	@Test
	void fiftyAgentsConnectedToOneInstanceCostLessThanFiftyMegabytesOfHeap() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long before = settledHeap(memory);
		List<ConcurrentLinkedQueue<ServerSentEvent<String>>> agents = new ArrayList<>();
		List<Disposable> connections = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			ConcurrentLinkedQueue<ServerSentEvent<String>> heard = new ConcurrentLinkedQueue<>();
			agents.add(heard);
			connections.add(listen(secondInstanceClient, heard));
		}
		try {
			await().atMost(Duration.ofSeconds(20)).until(() -> agents.stream().noneMatch(ConcurrentLinkedQueue::isEmpty));
			InstagramCustomer customer = InstagramCustomer.newOn(ACCOUNT, client, sandbox.server());
			customer.say("tolong sambungkan ke admin");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> agents.stream().allMatch(heard -> eventsAbout(heard, "handoff", customer).size() == 1));

			// both instances and the 50 clients share this heap: the instance's own cost is below what is measured
			long connected = settledHeap(memory);
			long megabytes = (connected - before) / (1024 * 1024);
			System.out.printf("Heap with 50 agents connected by SSE: %d MB more than before%n", megabytes);
			assertThat(megabytes).isLessThan(50);
		}
		finally {
			connections.forEach(Disposable::dispose);
		}
	}

	/** Drops every pub/sub connection on the server, as a failover or a proxy timeout does. */
	private String killPubSubClients() throws IOException {
		DataRedisConnectionDetails.Standalone standalone = redis.getStandalone();
		try (Socket socket = new Socket(standalone.getHost(), standalone.getPort())) {
			socket.getOutputStream().write("CLIENT KILL TYPE pubsub\r\n".getBytes(StandardCharsets.US_ASCII));
			return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
		}
	}

	private static Disposable listen(WebClient instance, ConcurrentLinkedQueue<ServerSentEvent<String>> heard) {
		return instance.get()
			.uri("/api/events")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.subscribe(heard::add);
	}

	private static List<ServerSentEvent<String>> eventsAbout(ConcurrentLinkedQueue<ServerSentEvent<String>> heard,
			String name, InstagramCustomer customer) {
		return heard.stream()
			.filter(event -> name.equals(event.event()) && event.data() != null
					&& event.data().contains("\"conversationId\":\"" + customer.conversationId() + "\""))
			.toList();
	}

	private static long settledHeap(MemoryMXBean memory) {
		for (int i = 0; i < 3; i++) {
			System.gc();
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

}
