package id.posindonesia.balas.conversation;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox record of {@value #BARCODE}, and the check that a reply tells nothing of it. */
final class UnverifiedShipment {

	static final String BARCODE = "16012345678";

	// what the sandbox record holds (offices, cities, names, status); none of it may be told before verification
	private static final List<String> DETAILS = List.of("MALIOBORO", "BANDUNG", "YOGYAKARTA", "BUDI", "SITI", "PKH",
			"PROSES ANTAR", "diantar", "out for delivery");

	private UnverifiedShipment() {
	}

	static void assertNothingOfTheShipmentIn(String reply) {
		assertThat(reply).as("a reply before verification").isNotEmpty();
		for (String detail : DETAILS) {
			assertThat(reply).as("a reply before verification").doesNotContainIgnoringCase(detail);
		}
	}

}
