package id.posindonesia.balas.tracking;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import id.posindonesia.balas.tracking.ShipmentStatus.Phase;
import id.posindonesia.balas.tracking.TrackAndTraceAnswer.MalformedAnswer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the track-and-trace API's answers into shipments, and a shipment's status. */
class ShipmentTest {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final String POSTING = "LAYANAN :PKH;PENGIRIM : BUDI SANTOSO;JL. ASIA AFRIKA NO. 1;081234567890;BANDUNG;;;"
			+ "PENERIMA : SITI RAHMAWATI;JL. MALIOBORO NO. 52;085712345678;YOGYAKARTA;55213";

	@Test
	void readsTheServicePartiesAndOriginFromThePostingEventAndSortsEventsByDate() {
		Shipment shipment = found("16012345678", """
				{"rs_tnt": {"r_tnt": [
				  %s,
				  %s,
				  %s
				]}}""".formatted(event("2026-11-23 08:30:00", "PROSES ANTAR", "55213", "KPC MALIOBORO", "Dibawa oleh petugas antaran"),
				event("2026-11-20 09:14:02", "POSTING LOKET", "40000", "KPRK BANDUNG", POSTING),
				event("2026-11-22 06:05:44", "MANIFEST TERIMA", "55000", "MPC YOGYAKARTA", "Diterima di MPC")));

		assertThat(shipment.barcode()).isEqualTo("16012345678");
		assertThat(shipment.service()).isEqualTo("PKH");
		assertThat(shipment.sender()).isEqualTo(new Party("BUDI SANTOSO", "JL. ASIA AFRIKA NO. 1", "081234567890", "BANDUNG", ""));
		assertThat(shipment.receiver())
			.isEqualTo(new Party("SITI RAHMAWATI", "JL. MALIOBORO NO. 52", "085712345678", "YOGYAKARTA", "55213"));
		assertThat(shipment.originOffice()).isEqualTo(new Office("40000", "KPRK BANDUNG"));
		assertThat(shipment.events()).extracting(TrackingEvent::name)
			.containsExactly("POSTING LOKET", "MANIFEST TERIMA", "PROSES ANTAR");
		assertThat(shipment.status()).isEqualTo(new ShipmentStatus(Phase.OUT_FOR_DELIVERY, "PROSES ANTAR",
				new Office("55213", "KPC MALIOBORO"), LocalDateTime.of(2026, 11, 23, 8, 30), ""));
		assertThat(shipment.verifiable()).isTrue();
	}

	@Test
	void aSingleEventMayComeAsAnObject() {
		Shipment shipment = found("16030000022",
				"{\"rs_tnt\": {\"r_tnt\": " + event("2026-12-01 15:48:26", "POSTING LOKET", "20000", "KPRK MEDAN", POSTING) + "}}");

		assertThat(shipment.events()).singleElement().satisfies(event -> assertThat(event.name()).isEqualTo("POSTING LOKET"));
		assertThat(shipment.status().phase()).isEqualTo(Phase.POSTED);
		assertThat(shipment.receiver().postcode()).isEqualTo("55213");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"rs_tnt\": null}", "{\"rs_tnt\": {\"r_tnt\": []}}", "{\"rs_tnt\": {\"r_tnt\": null}}",
			"{\"rs_tnt\": {}}" })
	void anAnswerWithoutEventsMeansTheBarcodeIsUnknown(String answer) {
		assertThat(TrackAndTraceAnswer.read("16099999999", tree(answer)))
			.isEqualTo(new TrackingResult.Unknown("16099999999"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "[]", "{}", "\"ok\"", "{\"rs_tnt\": \"none\"}", "{\"rs_tnt\": {\"r_tnt\": \"x\"}}",
			"{\"rs_tnt\": {\"r_tnt\": [1, 2]}}", "{\"error\": \"maintenance\"}" })
	void anAnswerOfAnotherShapeIsMalformed(String answer) {
		assertThatThrownBy(() -> TrackAndTraceAnswer.read("16099999999", tree(answer))).isInstanceOf(MalformedAnswer.class);
	}

	@Test
	void missingFieldsExtraWhitespaceAndShortDescriptionsAreTolerated() {
		Shipment shipment = found("16011111111", """
				{"rs_tnt": {"r_tnt": [
				  {"eventName": "  selesai   antar ", "eventDate": " 2026-11-25  13:20:33 ", "officeName": " KPC DARMO ",
				   "description": "Diterima oleh :   SRI  LESTARI (ISTRI) "},
				  {"barcode": "16011111111", "eventName": "POSTING LOKET", "officeCode": 50000,
				   "description": "  LAYANAN :   PKH  ;  PENGIRIM :   RINA   WULANDARI  ; JL. PEMUDA"},
				  {"eventName": "MANIFEST SERAH", "eventDate": "sometime"},
				  {"eventName": null, "eventDate": "2026-11-24 19:30", "unexpected": {"nested": true}}
				]}}""");

		assertThat(shipment.service()).isEqualTo("PKH");
		assertThat(shipment.sender()).isEqualTo(new Party("RINA WULANDARI", "JL. PEMUDA", "", "", ""));
		assertThat(shipment.receiver()).isEqualTo(new Party("", "", "", "", ""));
		assertThat(shipment.originOffice()).isEqualTo(new Office("50000", ""));
		// dateless events first, in the order given; then by date
		assertThat(shipment.events()).extracting(TrackingEvent::name)
			.containsExactly("POSTING LOKET", "MANIFEST SERAH", "", "SELESAI ANTAR");
		ShipmentStatus status = shipment.status();
		assertThat(status.phase()).isEqualTo(Phase.DELIVERED);
		assertThat(status.office().name()).isEqualTo("KPC DARMO");
		assertThat(status.at()).isEqualTo(LocalDateTime.of(2026, 11, 25, 13, 20, 33));
		assertThat(status.deliveredTo()).isEqualTo("SRI LESTARI (ISTRI)");
		assertThat(shipment.verifiable()).isFalse();
	}

	@Test
	void thePartyLabelsAnchorTheirFieldsWhenASlotIsMissingOrAdded() {
		Shipment shipment = found("16011111112", "{\"rs_tnt\": {\"r_tnt\": " + event("2026-11-20 09:14:02", "POSTING LOKET",
				"40000", "KPRK BANDUNG", "LAYANAN :PKH;PENGIRIM : BUDI SANTOSO;JL. ASIA AFRIKA NO. 1;081234567890;BANDUNG;"
						+ "PENERIMA : SITI RAHMAWATI;JL. MALIOBORO NO. 52;085712345678;YOGYAKARTA;55213;EXTRA")
				+ "}}");

		assertThat(shipment.receiver())
			.isEqualTo(new Party("SITI RAHMAWATI", "JL. MALIOBORO NO. 52", "085712345678", "YOGYAKARTA", "55213"));
	}

	@Test
	void withoutAPostingEventNobodyCanBeVerified() {
		Shipment shipment = found("RR007321866ID", "{\"rs_tnt\": {\"r_tnt\": "
				+ event("2026-11-18 14:22:31", "SELESAI ANTAR", "10000", "KPRK JAKARTA PUSAT", "Diterima oleh YANG BERSANGKUTAN") + "}}");

		assertThat(shipment.sender().name()).isEmpty();
		assertThat(shipment.verifiable()).isFalse();
		assertThat(shipment.status().deliveredTo()).isEqualTo("YANG BERSANGKUTAN");
	}

	@ParameterizedTest
	@CsvSource({ "Diterima oleh YANG BERSANGKUTAN, YANG BERSANGKUTAN", "'PENERIMA : AGUS (SATPAM);TTD', AGUS (SATPAM)",
			"'received by: Tan Mei Ling', Tan Mei Ling", "'Kiriman sudah sampai', ''", "'', ''" })
	void deliveredToIsWhoeverTheDeliveryEventNames(String description, String deliveredTo) {
		Shipment shipment = found("16011111113", "{\"rs_tnt\": {\"r_tnt\": "
				+ event("2026-11-25 13:20:33", "SELESAI ANTAR", "60264", "KPC DARMO", description) + "}}");

		assertThat(shipment.status().deliveredTo()).isEqualTo(deliveredTo);
	}

	@Test
	void onlyADeliveryNamesWhoReceivedIt() {
		Shipment shipment = found("16011111114", "{\"rs_tnt\": {\"r_tnt\": "
				+ event("2026-11-25 13:20:33", "PROSES ANTAR", "60264", "KPC DARMO", "Penerima : AGUS") + "}}");

		assertThat(shipment.status().deliveredTo()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "POSTING LOKET, POSTED", "MANIFEST SERAH, IN_TRANSIT", "MANIFEST TERIMA, IN_TRANSIT",
			"PROSES TRANSIT, IN_TRANSIT", "PROSES ANTAR, OUT_FOR_DELIVERY", "ANTAR ULANG, OUT_FOR_DELIVERY",
			"SELESAI ANTAR, DELIVERED", "GAGAL ANTAR, FAILED", "RETUR, RETURNED", "PROSES RETUR, RETURNED",
			"SELESAI RETUR, RETURNED", "INQUIRY, UNKNOWN", "'', UNKNOWN" })
	void theLatestEventNameGivesThePhase(String eventName, Phase phase) {
		assertThat(Phase.of(eventName)).isEqualTo(phase);
	}

	@Test
	void aShipmentWithoutEventsHasAnUnknownStatus() {
		assertThat(Shipment.of("16011111115", List.of()).status().phase()).isEqualTo(Phase.UNKNOWN);
	}

	@Test
	void aShipmentSurvivesTheCacheRoundTrip() {
		Shipment shipment = found("16012345678", "{\"rs_tnt\": {\"r_tnt\": ["
				+ event("2026-11-20 09:14:02", "POSTING LOKET", "40000", "KPRK BANDUNG", POSTING) + ","
				+ event(null, "MANIFEST SERAH", "40400", "MPC BANDUNG", "") + "]}}");

		assertThat(JSON.readValue(JSON.writeValueAsString(shipment), Shipment.class)).isEqualTo(shipment);
	}

	@Test
	void logsShowNoPersonalData() {
		Shipment shipment = found("16012345678", "{\"rs_tnt\": {\"r_tnt\": "
				+ event("2026-11-20 09:14:02", "POSTING LOKET", "40000", "KPRK BANDUNG", POSTING) + "}}");

		assertThat(shipment + " " + shipment.sender() + " " + shipment.receiver() + " " + shipment.events())
			.doesNotContain("BUDI", "SITI", "081234567890", "085712345678", "MALIOBORO", "55213", "YOGYAKARTA");
	}

	/** Every sandbox record reads as the README's table of sandbox barcodes says. */
	@Test
	void theSandboxRecordsReadAsDocumented() throws IOException {
		Map<String, TrackingResult> sandbox = sandboxRecords();

		assertThat(status(sandbox, "16012345678")).satisfies(status -> {
			assertThat(status.phase()).isEqualTo(Phase.OUT_FOR_DELIVERY);
			assertThat(status.office().name()).isEqualTo("KPC MALIOBORO");
		});
		assertThat(status(sandbox, "16020000011")).satisfies(status -> {
			assertThat(status.phase()).isEqualTo(Phase.DELIVERED);
			assertThat(status.deliveredTo()).isEqualTo("SRI LESTARI (ISTRI)");
		});
		assertThat(status(sandbox, "RR123456785ID").phase()).isEqualTo(Phase.IN_TRANSIT);
		assertThat(status(sandbox, "16030000022").phase()).isEqualTo(Phase.POSTED);
		assertThat(status(sandbox, "16070000044").phase()).isEqualTo(Phase.FAILED);
		assertThat(status(sandbox, "16060000010").phase()).isEqualTo(Phase.POSTED);
		assertThat(((TrackingResult.Found) sandbox.get("RR007321866ID")).shipment().verifiable()).isFalse();
		assertThat(sandbox.values()).filteredOn(TrackingResult.Found.class::isInstance)
			.extracting(result -> ((TrackingResult.Found) result).shipment().barcode())
			.containsExactlyInAnyOrder("16012345678", "RR007321866ID", "16020000011", "RR123456785ID", "16030000022",
					"16070000044", "16060000010");
		assertThat(sandbox.values()).filteredOn(TrackingResult.Found.class::isInstance)
			.extracting(result -> ((TrackingResult.Found) result).shipment())
			.filteredOn(shipment -> !shipment.barcode().equals("RR007321866ID"))
			.allSatisfy(shipment -> assertThat(shipment.verifiable()).isTrue());
		assertThat(sandbox.get("")).isEqualTo(new TrackingResult.Unknown(""));
	}

	private static ShipmentStatus status(Map<String, TrackingResult> sandbox, String barcode) {
		return ((TrackingResult.Found) sandbox.get(barcode)).shipment().status();
	}

	/** Barcode → what the sandbox answers it ({@code ""} for the catch-all). */
	private static Map<String, TrackingResult> sandboxRecords() throws IOException {
		Map<String, TrackingResult> records = new HashMap<>();
		try (InputStream in = ShipmentTest.class.getResourceAsStream("/sandbox/mappings/tracking-api.json")) {
			for (JsonNode mapping : JSON.readTree(in).path("mappings")) {
				JsonNode body = mapping.path("response").path("jsonBody");
				if (body.isMissingNode()) {
					continue;
				}
				String pattern = mapping.path("request").path("bodyPatterns").path(0).path("matchesJsonPath").asString("");
				String barcode = pattern.isEmpty() ? "" : pattern.replaceAll(".*== '([^']+)'.*", "$1");
				records.put(barcode, TrackAndTraceAnswer.read(barcode, body));
			}
		}
		return records;
	}

	private static Shipment found(String barcode, String answer) {
		TrackingResult result = TrackAndTraceAnswer.read(barcode, tree(answer));
		assertThat(result).isInstanceOf(TrackingResult.Found.class);
		return ((TrackingResult.Found) result).shipment();
	}

	private static String event(String date, String name, String officeCode, String officeName, String description) {
		Map<String, Object> event = new HashMap<>();
		event.put("barcode", "X");
		event.put("eventDate", date);
		event.put("eventName", name);
		event.put("officeCode", officeCode);
		event.put("officeName", officeName);
		event.put("description", description);
		return JSON.writeValueAsString(event);
	}

	private static JsonNode tree(String json) {
		return JSON.readTree(json);
	}

}
