package id.posindonesia.balas.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import opennlp.tools.ml.ArrayMath;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.Context;
import org.junit.jupiter.api.Test;

import id.posindonesia.balas.nlu.MessageAnalyzer.AnalyzedMessage;
import id.posindonesia.balas.nlu.NluProperties.ClassifierSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NGramScorerTest {

	private static final double TOLERANCE = 1e-9;

	@Test
	void scoresEveryMessageOfEverySetAsOpenNlpEvaluatesTheModel() {
		IntentData data = IntentData.from(null);
		MessageAnalyzer analyzer = new MessageAnalyzer(new EntityExtractor(), new TextNormalizer(data.lexicon()),
				PoliteWrappers.STANDARD);
		IntentClassifier classifier = IntentClassifier.train(data.training(), analyzer, ClassifierSettings.DEFAULTS);
		NGramScorer scorer = classifier.scorer();
		assertThat(scorer).as("the default settings are scored without OpenNLP").isNotNull();

		List<List<String>> inputs = new ArrayList<>();
		inputs.add(List.of());
		Stream.of(data.training(), data.test(), data.realistic()).flatMap(List::stream).forEach(example -> {
			AnalyzedMessage message = analyzer.analyze(example.text());
			inputs.add(message.tokens());
			// what NluService classifies again when the request inside polite wrappers wins
			inputs.add(message.request());
		});
		assertThat(inputs).hasSizeGreaterThan(6000);

		for (List<String> tokens : inputs) {
			double[] expected = classifier.openNlpProbabilities(tokens);
			double[] actual = scorer.probabilities(tokens);
			assertThat(actual).as("%s", tokens).containsExactly(expected, within(TOLERANCE));
			assertThat(ArrayMath.argmax(actual)).as("%s", tokens).isEqualTo(ArrayMath.argmax(expected));
		}
	}

	@Test
	void neverTakesAnNGramForAnotherThatSharesItsHash() {
		assertThat(hash("Aa")).isEqualTo(hash("BB"));
		assertThat(hash(":Aa")).isEqualTo(hash(":BB"));
		TfIdfWeights weights = TfIdfWeights.fit(List.of(Map.of("ng=:Aa", 1, "tc=Aa", 1)));
		QNModel model = new QNModel(
				new Context[] { new Context(new int[] { 0, 1 }, new double[] { 2.0, -2.0 }),
						new Context(new int[] { 0, 1 }, new double[] { 1.0, -1.0 }) },
				new String[] { "ng=:Aa", "tc=Aa" }, new String[] { "first", "second" });
		NGramScorer scorer = new NGramScorer(new TextCharNGramFeatureGenerator(2, 5), weights, model);

		assertThat(scorer.probabilities(List.of("BB"))).containsExactly(new double[] { 0.5, 0.5 }, within(TOLERANCE));
		// each term is alone in its block, so it weighs 1
		double[] known = scorer.probabilities(List.of("Aa"));
		assertThat(known).containsExactly(model.eval(new String[] { "ng=:Aa", "tc=Aa" }, new float[] { 1, 1 }),
				within(TOLERANCE));
		assertThat(known[0]).isGreaterThan(0.99);
	}

	private static int hash(String name) {
		return NGramScorer.hash(name.toCharArray(), 0, name.length());
	}

}
