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

}
