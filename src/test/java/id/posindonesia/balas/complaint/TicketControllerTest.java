package id.posindonesia.balas.complaint;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.posindonesia.balas.BalasIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@BalasIntegrationTest
class TicketControllerTest {

	@Autowired
	private WebTestClient client;

	@Autowired
	private ComplaintDesk desk;

	@Test
	void aTicketIsShownWithItsReportStatus() {
		String username = Complaints.uniqueUsername();
		Ticket ticket = desk.open(Complaints.about(username, 2_000_000L, null)).block();

		asAgent(client.get().uri("/api/tickets/{id}", ticket.id()))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.id").isEqualTo(ticket.id())
			.jsonPath("$.username").isEqualTo(username)
			.jsonPath("$.category").isEqualTo("LATE")
			.jsonPath("$.shipment.barcode").isEqualTo("16012345678")
			.jsonPath("$.shipment.originOffice").isEqualTo("KPRK BANDUNG")
			.jsonPath("$.followerTier").isEqualTo("MEGA")
			.jsonPath("$.priority").isEqualTo(1)
			.jsonPath("$.status").isEqualTo("OPEN")
			.jsonPath("$.createdAt").isEqualTo(ticket.createdAt().toString())
			.jsonPath("$.report.status").value(status -> assertThat(status).isIn("PENDING", "DELIVERED"));
	}

	@Test
	void ticketsAreListedNewestFirst() {
		Ticket older = desk.open(Complaints.about(Complaints.uniqueUsername())).block();
		Ticket newer = desk.open(Complaints.about(Complaints.uniqueUsername())).block();

		List<String> ids = asAgent(client.get().uri("/api/tickets?limit=500"))
			.exchange()
			.expectStatus().isOk()
			.expectBodyList(Ticket.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.map(Ticket::id)
			.toList();

		assertThat(ids).containsSubsequence(newer.id(), older.id());
		assertThat(asAgent(client.get().uri("/api/tickets?limit=1")).exchange()
			.expectStatus().isOk()
			.expectBodyList(Ticket.class)
			.returnResult()
			.getResponseBody()).hasSize(1);
	}

	@Test
	void anUnknownTicketIsNotFound() {
		asAgent(client.get().uri("/api/tickets/PI-1999-999999"))
			.exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail").isEqualTo("no ticket PI-1999-999999");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PI-2026-12", "pi-2026-000123", "123", "PI-2026-000123x" })
	void aMalformedTicketIdIsABadRequest(String id) {
		asAgent(client.get().uri("/api/tickets/{id}", id))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.detail").isEqualTo("ticketId must look like PI-2026-000123");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "501", "-1", "many" })
	void anOutOfRangeLimitIsABadRequest(String limit) {
		asAgent(client.get().uri("/api/tickets?limit={limit}", limit)).exchange().expectStatus().isBadRequest();
	}

	@Test
	void ticketsNeedAnAgentLogin() {
		Ticket ticket = desk.open(Complaints.about(Complaints.uniqueUsername())).block();

		client.get().uri("/api/tickets").exchange().expectStatus().isUnauthorized();
		client.get().uri("/api/tickets/{id}", ticket.id()).exchange().expectStatus().isUnauthorized();
		client.get().uri("/api/tickets/{id}", ticket.id())
			.headers(headers -> headers.setBasicAuth("admin", "wrong-password"))
			.exchange()
			.expectStatus().isUnauthorized();
	}

	private static WebTestClient.RequestHeadersSpec<?> asAgent(WebTestClient.RequestHeadersSpec<?> request) {
		return request.headers(headers -> headers.setBasicAuth("admin", "test-admin-password"));
	}

}
