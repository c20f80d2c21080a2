package id.posindonesia.balas.nlu;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TextCharNGramFeatureGeneratorTest {

	@Test
	void spansTheSpaceBetweenWords() {
		TextCharNGramFeatureGenerator generator = new TextCharNGramFeatureGenerator(2, 3);

		assertThat(generator.extractFeatures(new String[] { "ya", "ok" }, Map.of())).containsExactly("tc=ya", "tc=a ",
				"tc= o", "tc=ok", "tc=ya ", "tc=a o", "tc= ok");
	}

	@Test
	void takesAPlaceholderForOneCharacter() {
		TextCharNGramFeatureGenerator generator = new TextCharNGramFeatureGenerator(3, 3);

		assertThat(generator.extractFeatures(new String[] { "cek", "__barcode__" }, Map.of())).containsExactly("tc=cek",
				"tc=ek ", "tc=k #");
	}

	@Test
	void rejectsAnEmptyRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TextCharNGramFeatureGenerator(4, 3));
	}

}
