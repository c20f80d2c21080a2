package id.posindonesia.balas.conversation;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.posindonesia.balas.BalasIntegrationTest;
import id.posindonesia.balas.complaint.ComplainedShipment;
import id.posindonesia.balas.complaint.ComplaintDesk;
import id.posindonesia.balas.complaint.Ticket;
import id.posindonesia.balas.sandbox.Sandbox;

import static id.posindonesia.balas.conversation.UnverifiedShipment.BARCODE;
import static id.posindonesia.balas.conversation.UnverifiedShipment.assertNothingOfTheShipmentIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A barcode named in a complaint goes through the same verification as in the tracking form, before the ticket
 * records it as verified or uses anything of its record, through signed webhooks against the sandbox record of
 * {@value UnverifiedShipment#BARCODE} (sent by BUDI SANTOSO …7890 from KPRK BANDUNG, service PKH, to SITI
 * RAHMAWATI …5678, postcode 55213).
 */
@BalasIntegrationTest
class ComplaintVerificationTest {

	private static final String ACCOUNT = "17841400000000007";

	@Autowired
	private WebTestClient client;

	@Autowired
	private Sandbox sandbox;

	@Autowired
	private ComplaintDesk complaints;

	@Autowired
	private Transcript transcript;

	@Test
	void aBarcodeVerifiedWhileTrackingIsNotAskedForAgainAndBringsItsRecordOntoTheTicket() {
		String customer = CustomerChat.newCustomer();
		say(customer, "cek resi " + BARCODE);
		assertThat(say(customer, "BUDI SANTOSO 7890")).contains("KPC MALIOBORO");

		complain(customer);
		say(customer, "1");
		String barcodeGiven = say(customer, BARCODE);
		assertThat(barcodeGiven).contains("cocok", "Ceritakan").doesNotContain("sebutkan nama");
		Ticket ticket = ticketFrom(say(customer, "paketnya sudah seminggu tidak bergerak"));

		assertThat(ticket.shipment()).isEqualTo(new ComplainedShipment(BARCODE, true, "PKH", "KPRK BANDUNG"));
	}

	@Test
	void aBarcodeNotVerifiedYetIsVerifiedInsideTheComplaintFormBeforeTheTicketUsesItsRecord() {
		String customer = CustomerChat.newCustomer();

		assertThat(say(customer, "paket saya " + BARCODE + " hilang min")).contains("sebutkan nama",
				BARCODE);
		String askNumber = say(customer, "nama penerima siti rahmawati");
		assertNothingOfTheShipmentIn(askNumber);
		assertThat(askNumber).contains("4 angka terakhir");
		assertThat(say(customer, "5678")).contains("cocok", "Ceritakan");
		Ticket ticket = ticketFrom(say(customer, "sudah dua minggu belum sampai"));

		assertThat(ticket.category().name()).isEqualTo("LOST");
		assertThat(ticket.shipment()).isEqualTo(new ComplainedShipment(BARCODE, true, "PKH", "KPRK BANDUNG"));
		// what the customer wrote to prove who they are is withheld from the masked transcript
		List<TranscriptLine> masked = transcript.readMasked(ACCOUNT + ":" + customer).collectList().block();
		assertThat(masked).extracting(TranscriptLine::text).contains("•••").doesNotContain("5678");
		assertThat(masked.stream().map(TranscriptLine::text)).noneMatch(text -> text.contains("siti rahmawati"));
		// verified in the complaint form, it is verified for the tracking form too
		assertThat(say(customer, "cek resi " + BARCODE)).contains("KPC MALIOBORO");
	}

	@Test
	void wrongDataThreeTimesInTheComplaintFormLocksTheBarcodeForThisConversationOnly() {
		String customer = CustomerChat.newCustomer();
		assertThat(complain(customer)).contains("1 terlambat");
		assertNothingOfTheShipmentIn(say(customer, "5"));

		String askVerification = say(customer, "resinya " + BARCODE);
		String first = say(customer, "BUDI SANTOSO 1111");
		String second = say(customer, "SITI RAHMAWATI 2222");
		String third = say(customer, "ANDI 55213");

		for (String reply : List.of(askVerification, first, second, third)) {
			assertNothingOfTheShipmentIn(reply);
		}
		assertThat(first).contains("belum cocok", "sisa 2 kali");
		assertThat(second).contains("belum cocok", "sisa 1 kali");
		assertThat(third).contains("gagal 3 kali", "Ceritakan");
		String created = say(customer, "kurir bilang sudah diantar tapi tidak ada yang terima");
		assertNothingOfTheShipmentIn(created);
		assertThat(ticketFrom(created).shipment()).isEqualTo(new ComplainedShipment(BARCODE, false, "", ""));

		// the lockout is the tracking form's too: the right data no longer helps within the hour
		String tracked = say(customer, "cek resi " + BARCODE + " BUDI SANTOSO 7890");
		assertNothingOfTheShipmentIn(tracked);
		assertThat(tracked).contains("1 jam");
		// and a second complaint about it does not get three more attempts
		complain(customer);
		say(customer, "2");
		String again = say(customer, BARCODE);
		assertNothingOfTheShipmentIn(again);
		assertThat(again).contains("gagal 3 kali", "Ceritakan");
		// another conversation is not locked out
		String other = CustomerChat.newCustomer();
		assertThat(say(other, "cek resi " + BARCODE + " BUDI SANTOSO 7890")).contains("KPC MALIOBORO");
	}

	@Test
	void aLockoutFromTheTrackingFormHoldsInTheComplaintForm() {
		String customer = CustomerChat.newCustomer();
		say(customer, "cek resi " + BARCODE);
		say(customer, "BUDI SANTOSO 1111");
		say(customer, "BUDI SANTOSO 2222");
		assertThat(say(customer, "BUDI SANTOSO 3333")).contains("1 jam");

		complain(customer);
		say(customer, "2");
		String barcodeGiven = say(customer, BARCODE);
		assertNothingOfTheShipmentIn(barcodeGiven);
		assertThat(barcodeGiven).contains("gagal 3 kali").doesNotContain("sebutkan nama");
		// the right data cannot be tried any more: the form has moved on to the description
		Ticket ticket = ticketFrom(say(customer, "BUDI SANTOSO 7890 paket saya hilang"));
		assertThat(ticket.shipment().verified()).isFalse();
		assertThat(ticket.shipment().originOffice()).isEmpty();
	}

	@Test
	void theCustomerMayStillSayTheComplaintIsNotAboutOneShipment() {
		String customer = CustomerChat.newCustomer();
		complain(customer);
		say(customer, "6");
		assertThat(say(customer, BARCODE)).contains("sebutkan nama");

		assertThat(say(customer, "tidak ada")).contains("Ceritakan");
		Ticket ticket = ticketFrom(say(customer, "petugas loket kasar sekali kemarin sore"));

		assertThat(ticket.shipment()).isNull();
	}

	@Test
	void anUnknownBarcodeIsRecordedUnverifiedAndTheComplaintGoesOn() {
		String customer = CustomerChat.newCustomer();
		complain(customer);
		say(customer, "1");

		assertThat(say(customer, "16099999999")).contains("belum terdaftar", "Ceritakan");
		Ticket ticket = ticketFrom(say(customer, "sudah tiga minggu belum ada kabar"));

		assertThat(ticket.shipment()).isEqualTo(new ComplainedShipment("16099999999", false, "", ""));
	}

	@Test
	void verificationInTheComplaintFormIsAskedInEnglishToo() {
		String customer = CustomerChat.newCustomer();
		assertThat(tap(customer, "COMPLAINT", "File a complaint")).contains("1 late");
		say(customer, "2");

		String ask = say(customer, BARCODE);
		assertNothingOfTheShipmentIn(ask);
		assertThat(ask).contains("sender's or the receiver's name", BARCODE);
		assertThat(say(customer, "SITI RAHMAWATI 55213")).contains("match", "describe");
	}

	private Ticket ticketFrom(String reply) {
		String id = reply.replaceAll("(?s).*(PI-\\d{4}-\\d{6,9}).*", "$1");
		assertThat(id).matches("PI-\\d{4}-\\d{6,9}");
		return complaints.find(id).block(Duration.ofSeconds(5));
	}

	private String say(String customer, String text) {
		return new CustomerChat(client, sandbox.server(), ACCOUNT).say(customer, text);
	}

	/** Starts a complaint the way most customers do: the quick reply under the greeting. */
	private String complain(String customer) {
		return tap(customer, "COMPLAINT", "Ajukan pengaduan");
	}

	private String tap(String customer, String payload, String title) {
		return new CustomerChat(client, sandbox.server(), ACCOUNT).tap(customer, payload, title);
	}

}
