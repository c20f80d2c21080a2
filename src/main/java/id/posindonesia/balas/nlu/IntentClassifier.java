package id.posindonesia.balas.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.jspecify.annotations.Nullable;

import id.posindonesia.balas.nlu.NluProperties.ClassifierSettings;

/**
 * Scores a message's tokens against every intent with an OpenNLP model over the features of the
 * configured generators, weighted by TF-IDF (or counted, when that is switched off). The trained model
 * is immutable and its evaluation allocates per call, so one instance serves every thread.
 * <p>
 * OpenNLP evaluates a model on a String per feature, and building those was most of the cost of a
 * message; the default features and model are therefore scored from the trained parameters by an
 * {@link NGramScorer}, and only the other combinations that the evaluation compares go through OpenNLP.
 */
final class IntentClassifier {

	private static final Map<String, Object> NO_EXTRA_INFORMATION = Map.of();

	private final FeatureGenerator[] featureGenerators;

	private final TfIdfWeights weights;

	private final MaxentModel model;

	private final @Nullable NGramScorer scorer;

	private final Intent[] intentsByOutcome;

	private IntentClassifier(FeatureSet features, FeatureGenerator[] featureGenerators, @Nullable TfIdfWeights weights,
			MaxentModel model) {
		this.featureGenerators = featureGenerators;
		this.weights = weights;
		this.model = model;
		this.scorer = scorer(features, featureGenerators, weights, model);
		this.intentsByOutcome = IntStream.range(0, model.getNumOutcomes())
			.mapToObj(outcome -> Intent.fromLabel(model.getOutcome(outcome)))
			.toArray(Intent[]::new);
	}

	static IntentClassifier train(List<LabeledText> examples, MessageAnalyzer analyzer, ClassifierSettings settings) {
		FeatureGenerator[] featureGenerators = settings.features().createGenerators();
		List<Map<String, Integer>> counts = examples.stream()
			.map(example -> featureCounts(featureGenerators, analyzer.analyze(example.text()).tokens()))
			.toList();
		TfIdfWeights weights = settings.tfIdf() ? TfIdfWeights.fit(counts) : null;
		List<Event> events = new ArrayList<>(examples.size());
		for (int i = 0; i < examples.size(); i++) {
			String label = examples.get(i).intent().label();
			events.add(weights != null ? event(label, weights.weigh(counts.get(i))) : event(label, counts.get(i)));
		}
		TrainingParameters parameters = new TrainingParameters();
		parameters.put(TrainingParameters.ALGORITHM_PARAM, settings.algorithm().openNlpName());
		parameters.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
		parameters.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
		// the default indexers read a feature as present or absent; this one keeps its weight or count
		parameters.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_REAL_VALUE);
		if (settings.algorithm() == TrainingAlgorithm.MAXENT_QN) {
			// L1 drops rare features, and in a small corpus most features are rare
			parameters.put(QNTrainer.L1COST_PARAM, 0.0);
			parameters.put(QNTrainer.L2COST_PARAM, settings.l2Cost());
		}
		try {
			return new IntentClassifier(settings.features(), featureGenerators, weights,
					TrainerFactory.getEventTrainer(parameters, null).train(ObjectStreamUtils.createObjectStream(events)));
		}
		catch (IOException ex) {
			// the events are in memory, so this would be a bug rather than a failed read
			throw new UncheckedIOException("Training the intent model failed", ex);
		}
	}

	private static @Nullable NGramScorer scorer(FeatureSet features, FeatureGenerator[] featureGenerators,
			@Nullable TfIdfWeights weights, MaxentModel model) {
		if (features != FeatureSet.WORD_NGRAMS_AND_TEXT_CHAR_NGRAMS || weights == null
				|| !(model instanceof QNModel qnModel)) {
			return null;
		}
		// the set's word n-grams are OpenNLP's, which the scorer knows; its text n-grams come second
		return new NGramScorer((TextCharNGramFeatureGenerator) featureGenerators[1], weights, qnModel);
	}

	/** Every trained intent with its probability, best first. */
	List<IntentScore> rank(List<String> tokens) {
		double[] probabilities = scorer != null ? scorer.probabilities(tokens) : openNlpProbabilities(tokens);
		List<IntentScore> ranking = new ArrayList<>(probabilities.length);
		for (int outcome = 0; outcome < probabilities.length; outcome++) {
			ranking.add(new IntentScore(intentsByOutcome[outcome], probabilities[outcome]));
		}
		ranking.sort(Comparator.comparingDouble(IntentScore::confidence).reversed());
		return ranking;
	}

	/** Scores the default features and model, or null when OpenNLP does (see the class comment). */
	@Nullable NGramScorer scorer() {
		return scorer;
	}

	/** The probability of each outcome as OpenNLP evaluates the model, in the model's order. */
	double[] openNlpProbabilities(List<String> tokens) {
		Map<String, Integer> counts = featureCounts(featureGenerators, tokens);
		if (weights != null) {
			TfIdfWeights.Vector vector = weights.weigh(counts);
			return model.eval(vector.terms(), vector.values());
		}
		Event event = event("", counts);
		return model.eval(event.getContext(), event.getValues());
	}

	private static Map<String, Integer> featureCounts(FeatureGenerator[] featureGenerators, List<String> tokens) {
		String[] words = tokens.toArray(String[]::new);
		Map<String, Integer> counts = new HashMap<>();
		for (FeatureGenerator generator : featureGenerators) {
			generator.extractFeatures(words, NO_EXTRA_INFORMATION).forEach(feature -> counts.merge(feature, 1, Integer::sum));
		}
		return counts;
	}

	private static Event event(String label, TfIdfWeights.Vector vector) {
		return new Event(label, vector.terms(), vector.values());
	}

	private static Event event(String label, Map<String, Integer> counts) {
		String[] features = counts.keySet().toArray(String[]::new);
		float[] values = new float[features.length];
		for (int i = 0; i < features.length; i++) {
			values[i] = counts.get(features[i]);
		}
		return new Event(label, features, values);
	}

}
