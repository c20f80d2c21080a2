package id.posindonesia.balas.nlu;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CharNGramFeatureGeneratorTest {

	@Test
	void producesNGramsOfEachPaddedWord() {
		CharNGramFeatureGenerator generator = new CharNGramFeatureGenerator(2, 3);

		assertThat(generator.extractFeatures(new String[] { "kak" }, Map.of())).containsExactly("cg=<k", "cg=<ka",
				"cg=ka", "cg=kak", "cg=ak", "cg=ak>", "cg=k>");
	}

	@Test
	void neverSpansTwoWordsAndSkipsNumbersAndPlaceholders() {
		CharNGramFeatureGenerator generator = new CharNGramFeatureGenerator(2, 5);

		assertThat(generator.extractFeatures(new String[] { "ya", "__barcode__", "20", "ok" }, Map.of()))
			.containsExactlyInAnyOrder("cg=<y", "cg=<ya", "cg=<ya>", "cg=ya", "cg=ya>", "cg=a>", "cg=<o", "cg=<ok",
					"cg=<ok>", "cg=ok", "cg=ok>", "cg=k>");
	}

	@Test
	void rejectsAnEmptyRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CharNGramFeatureGenerator(4, 3));
	}

}
