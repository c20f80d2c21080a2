package id.posindonesia.balas.nlu.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import id.posindonesia.balas.nlu.Intent;
import id.posindonesia.balas.nlu.IntentScore;
import id.posindonesia.balas.nlu.LabeledText;
import id.posindonesia.balas.nlu.TfIdfWeights;

/**
 * The textbook baseline the model has to beat: TF-IDF over word 1–2-grams and over character 2–5-grams
 * of the lower-cased raw text, as scikit-learn's {@code TfidfVectorizer} computes them by default (words
 * of two or more word characters, raw counts, smoothed idf, each block L2-normalised), and multinomial
 * logistic regression with L2 regularisation (C = 1) on those real-valued features. No lexicon, no
 * entity placeholders, no polite-wrapper view and no fallback.
 */
final class TfidfBaseline implements IntentRanker {

	private static final Pattern WORD = Pattern.compile("(?U)\\b\\w\\w+\\b");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final int MIN_CHARS = 2;

	private static final int MAX_CHARS = 5;

	// scikit-learn minimises ½‖w‖² + C·loss; OpenNLP minimises loss + l2·‖w‖², so C = 1 is l2 = ½
	private static final double L2_COST = 0.5;

	private static final int ITERATIONS = 100;

	private final TfIdfWeights weights;

	private final MaxentModel model;

	private final Intent[] intentsByOutcome;

	private TfidfBaseline(TfIdfWeights weights, MaxentModel model) {
		this.weights = weights;
		this.model = model;
		this.intentsByOutcome = IntStream.range(0, model.getNumOutcomes())
			.mapToObj(outcome -> Intent.valueOf(model.getOutcome(outcome).toUpperCase(Locale.ROOT)))
			.toArray(Intent[]::new);
	}

	static TfidfBaseline train(List<LabeledText> examples) {
		List<Map<String, Integer>> counts = examples.stream().map(example -> termCounts(example.text())).toList();
		TfIdfWeights weights = TfIdfWeights.fit(counts);
		List<Event> events = new ArrayList<>(examples.size());
		for (int i = 0; i < examples.size(); i++) {
			TfIdfWeights.Vector vector = weights.weigh(counts.get(i));
			events.add(new Event(examples.get(i).intent().label(), vector.terms(), vector.values()));
		}
		TrainingParameters parameters = new TrainingParameters();
		parameters.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
		parameters.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
		parameters.put(TrainingParameters.CUTOFF_PARAM, 1);
		parameters.put(QNTrainer.L1COST_PARAM, 0.0);
		parameters.put(QNTrainer.L2COST_PARAM, L2_COST);
		// the default indexers read features as present or absent; this one keeps their weights
		parameters.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_REAL_VALUE);
		try {
			return new TfidfBaseline(weights,
					TrainerFactory.getEventTrainer(parameters, null).train(ObjectStreamUtils.createObjectStream(events)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Training the baseline failed", ex);
		}
	}

	@Override
	public List<IntentScore> rank(String text) {
		TfIdfWeights.Vector vector = weights.weigh(termCounts(text));
		double[] probabilities = model.eval(vector.terms(), vector.values());
		List<IntentScore> ranking = new ArrayList<>(probabilities.length);
		for (int outcome = 0; outcome < probabilities.length; outcome++) {
			ranking.add(new IntentScore(intentsByOutcome[outcome], probabilities[outcome]));
		}
		ranking.sort(Comparator.comparingDouble(IntentScore::confidence).reversed());
		return ranking;
	}

	// word n-grams and character n-grams are separate blocks, told apart by their prefix
	private static Map<String, Integer> termCounts(String text) {
		String lowerCase = text.toLowerCase(Locale.ROOT);
		Map<String, Integer> counts = new HashMap<>();
		List<String> words = new ArrayList<>();
		for (Matcher word = WORD.matcher(lowerCase); word.find();) {
			words.add(word.group());
		}
		for (int i = 0; i < words.size(); i++) {
			counts.merge("w=" + words.get(i), 1, Integer::sum);
			if (i > 0) {
				counts.merge("w=" + words.get(i - 1) + " " + words.get(i), 1, Integer::sum);
			}
		}
		String characters = WHITESPACE.matcher(lowerCase).replaceAll(" ");
		for (int length = MIN_CHARS; length <= MAX_CHARS; length++) {
			for (int start = 0; start + length <= characters.length(); start++) {
				counts.merge("c=" + characters.substring(start, start + length), 1, Integer::sum);
			}
		}
		return counts;
	}

}
