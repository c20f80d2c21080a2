package id.posindonesia.balas.nlu;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PoliteWrappersTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			selamat siang admin paket saya belum sampai terima kasih       | paket saya belum sampai
			halo kakak permisi mau tanya resi __barcode__ sampai mana ya   | resi __barcode__ sampai mana
			siang admin jaringan telkomsel gangguan ya                     | jaringan telkomsel gangguan
			akun gojek saya diblokir mohon bantuannya terima kasih __emo_pray__ | akun gojek saya diblokir
			assalamualaikum admin tolong dibantu kiriman saya hilang       | kiriman saya hilang
			""")
	void showsTheRequestInsideTheOpeningAndClosing(String message, String request) {
		assertThat(PoliteWrappers.STANDARD.request(tokens(message))).isEqualTo(tokens(request));
	}

	@ParameterizedTest
	@ValueSource(strings = { "selamat siang admin permisi mau tanya", "halo kakak", "terima kasih banyak admin",
			"thank you so much", "__emo_pray__" })
	void keepsAMessageThatIsOnlyAGreetingOrOnlyThanksWhole(String message) {
		assertThat(PoliteWrappers.STANDARD.request(tokens(message))).isEqualTo(tokens(message));
	}

	@ParameterizedTest
	@ValueSource(strings = { "cek resi terima kasih paket", "paket ya belum sampai" })
	void leavesPoliteWordsInsideTheRequestAlone(String message) {
		assertThat(PoliteWrappers.STANDARD.request(tokens(message))).isEqualTo(tokens(message));
	}

	private static List<String> tokens(String text) {
		return Arrays.asList(text.strip().split(" +"));
	}

}
