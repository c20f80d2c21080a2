package id.posindonesia.balas.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

	@Test
	void idsKeepTheirLastFourCharacters() {
		assertThat(Masking.id("6100000000004321")).isEqualTo("…4321");
		assertThat(Masking.id("123")).isEqualTo("…");
		assertThat(Masking.id(null)).isEqualTo("…");
	}

	@Test
	void phoneNumbersKeepTheirPrefixAndLastFourDigits() {
		assertThat(Masking.phone("0812-3456-7890")).isEqualTo("08******7890");
		assertThat(Masking.phone("+62 812 3456 7890")).isEqualTo("62*******7890");
		assertThat(Masking.phone("12345")).isEqualTo("*****");
	}

	@Test
	void namesKeepTheirInitials() {
		assertThat(Masking.name("Siti  Rahmawati")).isEqualTo("S. R.");
		assertThat(Masking.name(" ")).isEmpty();
	}

}
