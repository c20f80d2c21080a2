package id.posindonesia.balas.nlu;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectorTest {

	private static final Lexicon LEXICON = Lexicon
		.parse(List.of("thx\tthanks", "pls\tplease", "bgt\tbanget", "wkwk\thaha", "app\taplikasi"), "test lexicon");

	private final TextNormalizer normalizer = new TextNormalizer(LEXICON);

	private final LanguageDetector detector = new LanguageDetector(LEXICON);

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			where is my parcel                                      | EN
			Thank you so much for your help                         | EN
			thx                                                     | EN
			hi min, where can i complain online? the parcel never arrived | EN
			the app is so slow                                      | EN
			paket saya sudah sampai mana                            | ID
			makasih min                                             | ID
			paketnya kok blm nyampe                                 | ID
			mantap bgt wkwk                                         | ID
			tolong cek resi saya please                             | ID
			thanks kak                                              | ID
			""")
	void tellsEnglishFromIndonesian(String text, Language expected) {
		assertThat(detector.detect(normalizer.normalize(text).words())).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			ok
			RR007321866ID
			😂😂😂
			p
			""")
	void defaultsToIndonesianWithoutEvidence(String text) {
		assertThat(detector.detect(normalizer.normalize(text).words())).isEqualTo(Language.ID);
	}

}
