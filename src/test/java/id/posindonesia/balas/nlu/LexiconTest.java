package id.posindonesia.balas.nlu;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LexiconTest {

	@Test
	void readsTabSeparatedVariantsAndSkipsCommentsAndBlankLines() {
		Lexicon lexicon = Lexicon.parse(List.of("# header", "", "Gk\tTidak", "mantul\tmantap  betul", "   "), "test");

		assertThat(lexicon.entries()).containsOnly(entry("gk", "tidak"), entry("mantul", "mantap betul"));
		assertThat(lexicon.standardFormOf("gk")).isEqualTo("tidak");
		assertThat(lexicon.standardFormOf("tidak")).isNull();
	}

	@Test
	void skipsMalformedLinesInsteadOfFailing() {
		Lexicon lexicon = Lexicon.parse(List.of("no tab here", "two words\tone", "a\tb\tc", "\tempty", "ok\toke"), "test");

		assertThat(lexicon.entries()).containsOnly(entry("ok", "oke"));
	}

	@Test
	void keepsTheFirstStandardFormOfARepeatedVariant() {
		Lexicon lexicon = Lexicon.parse(List.of("tq\tthanks", "tq\tterima kasih"), "test");

		assertThat(lexicon.standardFormOf("tq")).isEqualTo("thanks");
		assertThat(lexicon.size()).isOne();
	}

	private static java.util.Map.Entry<String, String> entry(String variant, String standardForm) {
		return java.util.Map.entry(variant, standardForm);
	}

}
