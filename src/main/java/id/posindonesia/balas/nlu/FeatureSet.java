package id.posindonesia.balas.nlu;

import java.util.function.Supplier;

import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.InvalidFormatException;

/**
 * The feature generator combinations compared by the evaluation.
 */
public enum FeatureSet {

	BAG_OF_WORDS(BagOfWordsFeatureGenerator::new),

	WORD_NGRAMS(FeatureSet::wordUnigramsAndBigrams),

	CHAR_NGRAMS(FeatureSet::charNGrams),

	BAG_OF_WORDS_AND_CHAR_NGRAMS(BagOfWordsFeatureGenerator::new, FeatureSet::charNGrams),

	WORD_NGRAMS_AND_CHAR_NGRAMS(FeatureSet::wordUnigramsAndBigrams, FeatureSet::charNGrams),

	WORD_NGRAMS_CHAR_NGRAMS_AND_SHAPE(FeatureSet::wordUnigramsAndBigrams, FeatureSet::charNGrams,
			MessageShapeFeatureGenerator::new),

	WORD_NGRAMS_AND_TEXT_CHAR_NGRAMS(FeatureSet::wordUnigramsAndBigrams, FeatureSet::textCharNGrams),

	WORD_NGRAMS_TEXT_CHAR_NGRAMS_AND_SHAPE(FeatureSet::wordUnigramsAndBigrams, FeatureSet::textCharNGrams,
			MessageShapeFeatureGenerator::new);

	private final Supplier<FeatureGenerator>[] generators;

	@SafeVarargs
	FeatureSet(Supplier<FeatureGenerator>... generators) {
		this.generators = generators;
	}

	FeatureGenerator[] createGenerators() {
		FeatureGenerator[] created = new FeatureGenerator[generators.length];
		for (int i = 0; i < generators.length; i++) {
			created[i] = generators[i].get();
		}
		return created;
	}

	private static FeatureGenerator wordUnigramsAndBigrams() {
		try {
			return new NGramFeatureGenerator(1, 2);
		}
		catch (InvalidFormatException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static FeatureGenerator charNGrams() {
		return new CharNGramFeatureGenerator(2, 5);
	}

	private static FeatureGenerator textCharNGrams() {
		return new TextCharNGramFeatureGenerator(2, 5);
	}

}
