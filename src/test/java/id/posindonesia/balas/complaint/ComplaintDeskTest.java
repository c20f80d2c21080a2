package id.posindonesia.balas.complaint;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import id.posindonesia.balas.BalasIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@BalasIntegrationTest
class ComplaintDeskTest {

	@Autowired
	private ComplaintDesk desk;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@Test
	void ticketIdsAreUniqueUnderConcurrentOpens() {
		int opens = 200;
		String username = Complaints.uniqueUsername();

		List<Ticket> tickets = Flux.range(0, opens)
			.parallel(8)
			.runOn(Schedulers.parallel())
			.flatMap(i -> desk.open(Complaints.about(username)))
			.sequential()
			.collectList()
			.block(Duration.ofSeconds(30));

		Set<String> ids = tickets.stream().map(Ticket::id).collect(Collectors.toSet());
		assertThat(ids).hasSize(opens)
			.allMatch(id -> id.startsWith("PI-" + Instant.now().atZone(ZoneId.of("Asia/Jakarta")).getYear() + "-"))
			.allMatch(TicketId::isWellFormed);
		assertThat(Flux.fromIterable(ids).flatMap(desk::find).map(Ticket::id).collectList().block())
			.containsExactlyInAnyOrderElementsOf(ids);
	}

	@Test
	void aTicketIsStoredWithItsReportQueued() {
		String username = Complaints.uniqueUsername();
		NewComplaint complaint = Complaints.about(username, 75_000L, null);

		Ticket opened = desk.open(complaint).block();

		assertThat(opened.report()).isEqualTo(new ReportDelivery(ReportStatus.PENDING, 0, null, null));
		Ticket stored = desk.find(opened.id()).block();
		// the running outbox may have delivered the report meanwhile
		assertThat(stored).usingRecursiveComparison().ignoringFields("report").isEqualTo(opened);
		assertThat(stored.conversationId()).isEqualTo(complaint.conversationId());
		assertThat(stored.customerId()).isEqualTo(complaint.customerId());
		assertThat(stored.username()).isEqualTo(username);
		assertThat(stored.category()).isEqualTo(ComplaintCategory.LATE);
		assertThat(stored.shipment()).isEqualTo(new ComplainedShipment("16012345678", true, "PKH", "KPRK BANDUNG"));
		assertThat(stored.followerTier()).isEqualTo(FollowerTier.MID);
		assertThat(stored.priority()).isEqualTo(3);
		assertThat(stored.status()).isEqualTo(TicketStatus.OPEN);
		Double queuedAt = redis.opsForZSet().score(ComplaintKeys.OUTBOX, opened.id()).block();
		assertThat(queuedAt != null || desk.find(opened.id()).block().report().status() == ReportStatus.DELIVERED)
			.as("report queued or already delivered")
			.isTrue();
	}

	@Test
	void phoneNumbersNeverReachTheTicket() {
		Ticket ticket = desk.open(Complaints.about(Complaints.uniqueUsername())).block();

		assertThat(ticket.description()).isEqualTo("Paket belum sampai, hubungi [nomor disembunyikan] ya");
		assertThat(desk.find(ticket.id()).block().description()).doesNotContain("0812", "7890");
	}

	@Test
	void aComplaintNotAboutOneShipmentHasNoShipment() {
		NewComplaint about = Complaints.about(Complaints.uniqueUsername());
		NewComplaint complaint = new NewComplaint(about.conversationId(), about.account(), about.customerId(), null,
				null, ComplaintCategory.STAFF_BEHAVIOUR, "Petugas loket tidak ramah", null, null);

		Ticket ticket = desk.open(complaint).block();

		Ticket stored = desk.find(ticket.id()).block();
		assertThat(stored.shipment()).isNull();
		assertThat(stored.username()).isNull();
		assertThat(stored.followerCount()).isNull();
		assertThat(stored.followerTier()).isEqualTo(FollowerTier.REGULAR);
	}

	@Test
	void openingAgainWithTheSameRequestKeyReturnsTheFirstTicket() {
		String requestKey = "mid-" + Complaints.uniqueUsername();
		NewComplaint complaint = Complaints.about(Complaints.uniqueUsername(), 10L, requestKey);

		Ticket first = desk.open(complaint).block();
		Ticket again = desk.open(complaint).block();

		assertThat(again.id()).isEqualTo(first.id());
		assertThat(desk.inConversation(complaint.conversationId(), 10).map(Ticket::id).collectList().block())
			.containsExactly(first.id());
	}

	@Test
	void recentListsNewestFirstAndByConversation() {
		NewComplaint complaint = Complaints.about(Complaints.uniqueUsername());
		Ticket older = desk.open(complaint).block();
		Ticket newer = desk.open(complaint).block();
		Ticket elsewhere = desk.open(Complaints.about(Complaints.uniqueUsername())).block();

		assertThat(desk.inConversation(complaint.conversationId(), 10).map(Ticket::id).collectList().block())
			.containsExactly(newer.id(), older.id());
		assertThat(desk.inConversation(complaint.conversationId(), 1).map(Ticket::id).collectList().block())
			.containsExactly(newer.id());
		List<String> recent = desk.recent(1000).map(Ticket::id).collectList().block();
		assertThat(recent).containsSubsequence(elsewhere.id(), newer.id(), older.id());
	}

	@Test
	void resolvingRecordsTheOutcome() {
		Ticket ticket = desk.open(Complaints.about(Complaints.uniqueUsername())).block();

		Ticket resolved = desk.resolve(ticket.id(), "Paket ditemukan di KPRK Bandung").block();

		assertThat(resolved.status()).isEqualTo(TicketStatus.RESOLVED);
		assertThat(resolved.outcome()).isEqualTo("Paket ditemukan di KPRK Bandung");
		assertThat(resolved.resolvedAt()).isNotNull();
		assertThat(desk.find(ticket.id()).block()).isEqualTo(resolved);
	}

	@Test
	void resolvingAnUnknownTicketFindsNothingAndCreatesNothing() {
		String unknown = "PI-1999-" + (100_000 + System.nanoTime() % 900_000);

		assertThat(desk.resolve(unknown, "done").blockOptional()).isEmpty();
		assertThat(redis.hasKey(ComplaintKeys.ticket(unknown)).block()).isFalse();
	}

	@Test
	void incompleteComplaintsAreRefused() {
		NewComplaint valid = Complaints.about("someone");

		assertThatIllegalArgumentException().isThrownBy(() -> new NewComplaint(valid.conversationId(),
				valid.account(), valid.customerId(), null, null, ComplaintCategory.OTHER, "  ", null, null))
			.withMessage("description must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> new NewComplaint(valid.conversationId(),
				valid.account(), valid.customerId(), null, null, ComplaintCategory.OTHER,
				"x".repeat(NewComplaint.MAX_DESCRIPTION_LENGTH + 1), null, null))
			.withMessage("description must be at most 1000 characters");
	}

}
