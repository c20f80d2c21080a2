package id.posindonesia.balas.nlu;

import java.util.List;

import org.junit.jupiter.api.Test;

import id.posindonesia.balas.nlu.NluProperties.ClassifierSettings;

import static org.assertj.core.api.Assertions.assertThat;

class IntentClassifierTest {

	private final MessageAnalyzer analyzer = new MessageAnalyzer(new EntityExtractor(), new TextNormalizer(Lexicon.EMPTY),
			PoliteWrappers.STANDARD);

	private final List<LabeledText> examples = List.of(new LabeledText(Intent.GREETING, "halo"),
			new LabeledText(Intent.GREETING, "halo kak"), new LabeledText(Intent.GREETING, "hai"),
			new LabeledText(Intent.THANKS, "makasih"), new LabeledText(Intent.THANKS, "makasih kak"),
			new LabeledText(Intent.THANKS, "trims"));

	@Test
	void classifiesWithTheFeatureGeneratorsItWasTrainedWith() {
		// classifying with other generators than training would leave a one-word message without a
		// known feature, and then every intent would score alike
		IntentClassifier classifier = IntentClassifier.train(examples, analyzer,
				new ClassifierSettings(FeatureSet.WORD_NGRAMS, TrainingAlgorithm.MAXENT, 1, 100, null, null, null));

		List<IntentScore> ranking = classifier.rank(List.of("makasih"));

		assertThat(ranking.get(0).name()).isEqualTo(Intent.THANKS);
		assertThat(ranking.get(0).confidence()).isGreaterThan(0.8);
	}

	@Test
	void ranksEveryTrainedIntentBestFirstWithProbabilities() {
		IntentClassifier classifier = IntentClassifier.train(examples, analyzer, ClassifierSettings.DEFAULTS);

		List<IntentScore> ranking = classifier.rank(List.of("halo", "kak"));

		assertThat(ranking).extracting(IntentScore::name).containsExactly(Intent.GREETING, Intent.THANKS);
		assertThat(ranking.get(0).confidence()).isGreaterThan(ranking.get(1).confidence());
		assertThat(ranking.stream().mapToDouble(IntentScore::confidence).sum()).isCloseTo(1.0,
				org.assertj.core.data.Offset.offset(1e-9));
	}

}
