package id.posindonesia.balas.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import id.posindonesia.balas.nlu.NluProperties.ClassifierSettings;

/**
 * Scores a message's tokens against every intent with an OpenNLP document categorizer. The trained
 * model is immutable and shared; {@link DocumentCategorizerME} is not documented as thread-safe, so
 * each thread gets its own categorizer over that model.
 */
final class IntentClassifier {

	private static final String LANGUAGE = "id";

	private final ThreadLocal<DocumentCategorizerME> categorizers;

	private final Intent[] intentsByOutcome;

	private IntentClassifier(DoccatModel model, FeatureGenerator[] featureGenerators) {
		// the model rebuilds its factory from the class names in its manifest, which would instantiate
		// NGramFeatureGenerator with its default range (bigrams only) and cannot instantiate
		// package-private generators; categorizers must see the very generators the model was trained with
		model.getFactory().setFeatureGenerators(featureGenerators);
		this.categorizers = ThreadLocal.withInitial(() -> new DocumentCategorizerME(model));
		MaxentModel scores = model.getMaxentModel();
		this.intentsByOutcome = IntStream.range(0, scores.getNumOutcomes())
			.mapToObj(outcome -> Intent.fromLabel(scores.getOutcome(outcome)))
			.toArray(Intent[]::new);
	}

	static IntentClassifier train(List<LabeledText> examples, MessageAnalyzer analyzer, ClassifierSettings settings) {
		List<DocumentSample> samples = examples.stream()
			.map(example -> new DocumentSample(example.intent().label(),
					analyzer.analyze(example.text()).tokens().toArray(String[]::new)))
			.toList();
		TrainingParameters parameters = new TrainingParameters();
		parameters.put(TrainingParameters.ALGORITHM_PARAM, settings.algorithm().openNlpName());
		parameters.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
		parameters.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
		if (settings.algorithm() == TrainingAlgorithm.MAXENT_QN) {
			// L1 drops rare features, and in a small corpus most features are rare
			parameters.put(QNTrainer.L1COST_PARAM, 0.0);
			parameters.put(QNTrainer.L2COST_PARAM, settings.l2Cost());
		}
		FeatureGenerator[] featureGenerators = settings.features().createGenerators();
		try {
			return new IntentClassifier(DocumentCategorizerME.train(LANGUAGE, ObjectStreamUtils.createObjectStream(samples),
					parameters, new DoccatFactory(featureGenerators)), featureGenerators);
		}
		catch (IOException ex) {
			// the samples are in memory, so this would be a bug rather than a failed read
			throw new UncheckedIOException("Training the intent model failed", ex);
		}
	}

	/** Every trained intent with its probability, best first. */
	List<IntentScore> rank(List<String> tokens) {
		double[] probabilities = categorizers.get().categorize(tokens.toArray(String[]::new));
		List<IntentScore> ranking = new ArrayList<>(probabilities.length);
		for (int outcome = 0; outcome < probabilities.length; outcome++) {
			ranking.add(new IntentScore(intentsByOutcome[outcome], probabilities[outcome]));
		}
		ranking.sort(Comparator.comparingDouble(IntentScore::confidence).reversed());
		return ranking;
	}

}
