package id.posindonesia.balas.nlu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class S10BarcodeTest {

	@Test
	void acceptsAnIdentifierWhoseCheckDigitMatches() {
		assertThat(S10Barcode.checkDigit("00732186")).isEqualTo(6);
		assertThat(S10Barcode.isValid("RR007321866ID")).isTrue();
	}

	@Test
	void rejectsAWrongCheckDigit() {
		assertThat(S10Barcode.isValid("RR007321867ID")).isFalse();
	}

	@Test
	void checkDigitTenBecomesZero() {
		// 8×1 + 9×1 + 7×4 = 45; 45 mod 11 = 1; 11 − 1 = 10
		assertThat(S10Barcode.checkDigit("10000014")).isZero();
		assertThat(S10Barcode.isValid("RR100000140ID")).isTrue();
	}

	@Test
	void checkDigitElevenBecomesFive() {
		// 8×1 + 7×2 = 22; 22 mod 11 = 0; 11 − 0 = 11
		assertThat(S10Barcode.checkDigit("10000002")).isEqualTo(5);
		assertThat(S10Barcode.isValid("RR100000025ID")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "RR007321866XX", "RR00732186ID", "R1007321866ID", "rr007321866id", "RR 007321866ID" })
	void rejectsUnknownCountriesAndMalformedIdentifiers(String identifier) {
		assertThat(S10Barcode.isValid(identifier)).isFalse();
	}

}
