package id.posindonesia.balas.complaint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TicketIdTest {

	@Test
	void idsCarryTheYearAndASixDigitCounter() {
		assertThat(TicketId.of(2026, 123)).isEqualTo("PI-2026-000123");
		assertThat(TicketId.of(2027, 1_234_567)).isEqualTo("PI-2027-1234567");
		assertThat(TicketId.isWellFormed(TicketId.of(2027, 1_234_567))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "PI-2026-00012", "pi-2026-000123", "PI-26-000123", "PI-2026-000123 ", "X-2026-000123",
			"PI-2026-0001234567", "PI-2026-00012a" })
	void malformedIdsAreRecognised(String id) {
		assertThat(TicketId.isWellFormed(id)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "status tiket PI-2026-000123 gimana?", "pi 2026 000123", "cek PI2026000123 min",
			"tiket saya: Pi-2026.000123" })
	void customersMayWriteTicketIdsLoosely(String message) {
		assertThat(TicketId.findIn(message)).contains("PI-2026-000123");
	}

	@ParameterizedTest
	@ValueSource(strings = { "resi 16012345678", "API-2026-000123", "PI-2026-000123456789", "halo" })
	void otherNumbersAreNotTicketIds(String message) {
		assertThat(TicketId.findIn(message)).isEmpty();
	}

}
