package id.posindonesia.balas.nlu;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

	private final TextNormalizer normalizer = new TextNormalizer(
			Lexicon.parse(List.of("makasih\tterima kasih", "gk\ttidak", "min\tadmin", "sy\tsaya"), "test lexicon"));

	private List<String> tokens(String text) {
		return normalizer.normalize(text).tokens();
	}

	@Test
	void lowerCasesAndFoldsCompatibilityCharacters() {
		assertThat(tokens("ＨＡＬＯ Pos")).containsExactly("halo", "pos");
		assertThat(tokens("𝐜𝐞𝐤 resi")).containsExactly("cek", "resi");
	}

	@Test
	void stripsLatinDiacriticsButKeepsLetters() {
		assertThat(tokens("Café rusák")).containsExactly("cafe", "rusak");
	}

	@Test
	void joinsWordsAroundStraightAndCurlyApostrophes() {
		assertThat(tokens("Assalamu’alaikum")).containsExactly("assalamualaikum");
		assertThat(tokens("I'd like, don`t")).containsExactly("id", "like", "dont");
	}

	@Test
	void squeezesLettersStretchedForEmphasisButNotDoubledLettersOrDigits() {
		assertThat(tokens("halooo tolongggg")).containsExactly("halo", "tolong");
		assertThat(tokens("maaf 1000000")).containsExactly("maaf", "1000000");
	}

	@Test
	void splitsLettersFromDigitsAndDropsPunctuation() {
		assertThat(tokens("kurir minta 20rb!!! (katanya)")).containsExactly("kurir", "minta", "20", "rb", "katanya");
		assertThat(tokens("udah 2minggu...")).containsExactly("udah", "2", "minggu");
	}

	@Test
	void writesTheCourierJAndTAsOneWordHoweverItIsSpelled() {
		assertThat(tokens("resi J&T sy, j & t, JnT")).containsExactly("resi", "jnt", "saya", "jnt", "jnt");
		assertThat(tokens("R&D aj&tb")).as("other ampersands stay separators").containsExactly("r", "d", "aj", "tb");
	}

	@Test
	void expandsReduplicationWrittenWithTwo() {
		assertThat(tokens("gk gerak2, dibales2 dong")).containsExactly("tidak", "gerak", "gerak", "dibales", "dibales",
				"dong");
		assertThat(tokens("gerak-gerak")).containsExactly("gerak", "gerak");
	}

	@Test
	void appliesTheLexiconPerWordIncludingStretchedSpellings() {
		assertThat(tokens("makasih min")).containsExactly("terima", "kasih", "admin");
		assertThat(tokens("MAKASIHHH gk")).containsExactly("terima", "kasih", "tidak");
		assertThat(tokens("admin minggu")).as("only whole words are replaced").containsExactly("admin", "minggu");
	}

	@Test
	void keepsTheCustomersOwnWordsApartFromTheLexicon() {
		TextNormalizer.NormalizedText normalized = normalizer.normalize("Makasiii min");

		assertThat(normalized.words()).containsExactly("makasi", "min");
		assertThat(normalized.tokens()).containsExactly("makasi", "admin");
	}

	@Test
	void mapsEmojiToOneMarkerPerMood() {
		assertThat(tokens("kecewa 😡😡😤")).containsExactly("kecewa", "__emo_angry__");
		assertThat(tokens("makasih 🙏🏽")).as("a skin tone only modifies the emoji before it")
			.containsExactly("terima", "kasih", "__emo_pray__");
		assertThat(tokens("😂 ok 🚀")).containsExactly("__emo_laugh__", "ok", "__emo_other__");
		assertThat(tokens("mantap ❤️")).containsExactly("mantap", "__emo_happy__");
	}

	@Test
	void turnsEntityPlaceholdersIntoPlaceholderTokens() {
		String text = "cek " + EntityType.BARCODE.placeholder() + " dan " + EntityType.PHONE.placeholder();

		assertThat(tokens(text)).containsExactly("cek", "__barcode__", "dan", "__phone__");
		assertThat(TextNormalizer.isPlaceholder("__barcode__")).isTrue();
		assertThat(TextNormalizer.isPlaceholder("barcode")).isFalse();
	}

	@Test
	void leavesNothingOfSymbolsAlone() {
		assertThat(tokens(" ... ?!")).isEmpty();
	}

}
