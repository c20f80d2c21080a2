package id.posindonesia.balas.complaint;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "hubungi 081234567890 ya|hubungi [nomor disembunyikan] ya",
			"wa +62 812-3456-7890.|wa [nomor disembunyikan].", "62812.3456.789|[nomor disembunyikan]",
			"resi 16012345678 rusak|resi 16012345678 rusak", "kode pos 55213|kode pos 55213" })
	void mobileNumbersAreRemovedAndOtherNumbersKept(String text, String redacted) {
		assertThat(PhoneNumbers.redact(text)).isEqualTo(redacted);
	}

}
