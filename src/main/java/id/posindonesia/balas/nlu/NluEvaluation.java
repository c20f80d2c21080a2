package id.posindonesia.balas.nlu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.StandardEnvironment;

import id.posindonesia.balas.nlu.NluProperties.ClassifierSettings;

/**
 * Measures the intent classifier: 10-fold cross-validation on the training examples and a score on
 * the held-out examples, for the configured settings and for the alternatives they were chosen over.
 * Writes {@code report.md}, {@code misclassified.tsv} and {@code confidence-histogram.png}.
 * <p>
 * Arguments: the report folder (default {@code target/nlu-report}). Reads {@code intents/} from the
 * working directory when it exists, otherwise from the classpath; {@code -Dbalas.nlu.*} system
 * properties override the defaults as they would in the application.
 */
public final class NluEvaluation {

	private static final int FOLDS = 10;

	// a fixed shuffle, so that runs compare like with like
	private static final long SEED = 42;

	private static final FallbackPolicy ARGMAX = new FallbackPolicy(0, 0);

	private final NluProperties properties;

	private final List<LabeledText> training;

	private final List<LabeledText> test;

	private final MessageAnalyzer analyzer;

	private NluEvaluation(NluProperties properties) {
		IntentData data = IntentData.from(properties.intentsDir());
		this.properties = properties;
		this.training = data.training();
		this.test = data.test();
		this.analyzer = new MessageAnalyzer(new EntityExtractor(), new TextNormalizer(data.lexicon()));
	}

	public static void main(String[] args) throws IOException {
		System.setProperty("java.awt.headless", "true");
		// the report's numbers use a decimal point whatever the machine's locale
		Locale.setDefault(Locale.ROOT);
		// OpenNLP reports every training pass at INFO
		LoggingSystem.get(NluEvaluation.class.getClassLoader()).setLogLevel("opennlp", LogLevel.WARN);
		NluProperties properties = Binder.get(new StandardEnvironment())
			.bind("balas.nlu", NluProperties.class)
			.orElseGet(NluProperties::defaults);
		Path workingCopy = Path.of("intents");
		if (properties.intentsDir() == null && Files.isDirectory(workingCopy)) {
			properties = properties.withIntentsDir(workingCopy);
		}
		Path reportDir = Path.of(args.length > 0 ? args[0] : "target/nlu-report");
		long started = System.nanoTime();
		new NluEvaluation(properties).writeReport(reportDir);
		System.out.printf("Report written to %s in %d s%n", reportDir.toAbsolutePath(),
				TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
	}

	private void writeReport(Path reportDir) throws IOException {
		Files.createDirectories(reportDir);
		FallbackPolicy policy = properties.fallbackPolicy();
		Map<ClassifierSettings, Run> runs = new LinkedHashMap<>();
		for (ClassifierSettings candidate : candidates(properties.classifier())) {
			Run run = run(candidate);
			runs.put(candidate, run);
			System.out.printf("%-90s CV %.3f  held-out %.3f  (%d ms to train)%n", candidate,
					new EvaluationMetrics(run.crossValidated(), ARGMAX).accuracy(),
					new EvaluationMetrics(run.heldOut(), ARGMAX).accuracy(), run.trainingMillis());
		}
		Run chosen = runs.get(properties.classifier());
		EvaluationMetrics crossValidated = new EvaluationMetrics(chosen.crossValidated(), policy);
		EvaluationMetrics heldOut = new EvaluationMetrics(chosen.heldOut(), policy);

		StringBuilder report = new StringBuilder();
		report.append("# NLU evaluation\n\n");
		report.append("Intents: `%s`. Settings: %s; out of scope below confidence %.2f or margin %.2f.\n\n"
			.formatted(properties.intentsDir() != null ? properties.intentsDir() : "classpath:intents",
					properties.classifier(), policy.confidenceThreshold(), policy.margin()));
		appendSummary(report, crossValidated, heldOut, chosen);
		appendData(report);
		report.append("\n## Held-out set per intent\n\n");
		appendPerIntent(report, heldOut);
		report.append("\n## Cross-validation per intent\n\n");
		appendPerIntent(report, crossValidated);
		report.append("\n## Held-out confusion matrix (rows: expected, columns: predicted)\n\n");
		appendConfusion(report, heldOut);
		report.append("\n## Cross-validation confusion matrix\n\n");
		appendConfusion(report, crossValidated);
		report.append("\n## Feature generators and trainers\n\n");
		appendComparison(report, runs, policy);
		report.append("\n## Fallback thresholds (cross-validation; held-out in brackets)\n\n");
		appendThresholdSweep(report, chosen);
		report.append("\n## Misclassified held-out examples\n\n");
		appendMisclassified(report, chosen.heldOut(), policy);
		report.append("\n## Misclassified in cross-validation\n\n");
		appendMisclassified(report, chosen.crossValidated(), policy);
		report.append("\n![confidence histogram](confidence-histogram.png)\n");
		Files.writeString(reportDir.resolve("report.md"), report);
		writeMisclassifiedTsv(reportDir.resolve("misclassified.tsv"), chosen, policy);
		Map<String, List<Prediction>> panels = new LinkedHashMap<>();
		panels.put("Held-out set", chosen.heldOut());
		panels.put("10-fold cross-validation", chosen.crossValidated());
		ConfidenceHistogram.write(panels, policy, reportDir.resolve("confidence-histogram.png"));
		System.out.printf("Configured: CV accuracy %.3f, held-out accuracy %.3f, held-out out_of_scope recall %.3f%n",
				crossValidated.accuracy(), heldOut.accuracy(), heldOut.recall(Intent.OUT_OF_SCOPE));
	}

	/** The configured settings first, then each alternative that differs from them in one respect. */
	private static List<ClassifierSettings> candidates(ClassifierSettings configured) {
		Set<ClassifierSettings> candidates = new LinkedHashSet<>();
		candidates.add(configured);
		for (FeatureSet features : FeatureSet.values()) {
			candidates.add(new ClassifierSettings(features, configured.algorithm(), configured.cutoff(),
					configured.iterations(), configured.l2Cost()));
		}
		for (TrainingAlgorithm algorithm : TrainingAlgorithm.values()) {
			candidates.add(new ClassifierSettings(configured.features(), algorithm, configured.cutoff(),
					configured.iterations(), configured.l2Cost()));
		}
		for (int cutoff : new int[] { 1, 2, 3 }) {
			candidates.add(new ClassifierSettings(configured.features(), configured.algorithm(), cutoff,
					configured.iterations(), configured.l2Cost()));
		}
		for (int iterations : new int[] { 50, 100, 300 }) {
			candidates.add(new ClassifierSettings(configured.features(), configured.algorithm(), configured.cutoff(),
					iterations, configured.l2Cost()));
		}
		if (configured.algorithm() == TrainingAlgorithm.MAXENT_QN) {
			for (double l2Cost : new double[] { 0.1, 0.25, 0.5, 1, 2 }) {
				candidates.add(new ClassifierSettings(configured.features(), configured.algorithm(), configured.cutoff(),
						configured.iterations(), l2Cost));
			}
		}
		return List.copyOf(candidates);
	}

	private Run run(ClassifierSettings settings) {
		List<List<LabeledText>> folds = stratifiedFolds();
		List<Prediction> crossValidated = IntStream.range(0, FOLDS).parallel().mapToObj(fold -> {
			List<LabeledText> trainingFolds = new ArrayList<>();
			for (int other = 0; other < FOLDS; other++) {
				if (other != fold) {
					trainingFolds.addAll(folds.get(other));
				}
			}
			return predict(IntentClassifier.train(trainingFolds, analyzer, settings), folds.get(fold));
		}).flatMap(List::stream).toList();
		long started = System.nanoTime();
		IntentClassifier classifier = IntentClassifier.train(training, analyzer, settings);
		long trainingMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		return new Run(crossValidated, predict(classifier, test), trainingMillis);
	}

	private List<Prediction> predict(IntentClassifier classifier, List<LabeledText> examples) {
		return examples.stream()
			.map(example -> new Prediction(example, classifier.rank(analyzer.analyze(example.text()).tokens())))
			.toList();
	}

	// each fold gets its share of every intent, so that no fold lacks the smaller intents
	private List<List<LabeledText>> stratifiedFolds() {
		List<List<LabeledText>> folds = new ArrayList<>();
		for (int fold = 0; fold < FOLDS; fold++) {
			folds.add(new ArrayList<>());
		}
		Random random = new Random(SEED);
		int next = 0;
		for (List<LabeledText> examples : training.stream()
			.collect(Collectors.groupingBy(LabeledText::intent, LinkedHashMap::new, Collectors.toList()))
			.values()) {
			List<LabeledText> shuffled = new ArrayList<>(examples);
			Collections.shuffle(shuffled, random);
			for (LabeledText example : shuffled) {
				folds.get(next++ % FOLDS).add(example);
			}
		}
		return folds;
	}

	private void appendSummary(StringBuilder report, EvaluationMetrics crossValidated, EvaluationMetrics heldOut,
			Run chosen) {
		report.append("| | accuracy | macro F1 | out_of_scope recall | out_of_scope precision |\n");
		report.append("|---|---|---|---|---|\n");
		report.append(summaryRow("10-fold cross-validation (%d examples)".formatted(crossValidated.total()), crossValidated));
		report.append(summaryRow("held-out set (%d examples)".formatted(heldOut.total()), heldOut));
		report.append("\nTraining on all %d examples took %d ms.\n".formatted(training.size(), chosen.trainingMillis()));
	}

	private static String summaryRow(String label, EvaluationMetrics metrics) {
		return "| %s | %.3f | %.3f | %.3f | %.3f |\n".formatted(label, metrics.accuracy(), metrics.macroF1(),
				metrics.recall(Intent.OUT_OF_SCOPE), metrics.precision(Intent.OUT_OF_SCOPE));
	}

	private void appendData(StringBuilder report) {
		Set<String> trainingTexts = training.stream()
			.map(example -> String.join(" ", analyzer.analyze(example.text()).tokens()))
			.collect(Collectors.toSet());
		long leaked = test.stream()
			.filter(example -> trainingTexts.contains(String.join(" ", analyzer.analyze(example.text()).tokens())))
			.count();
		report.append("\n## Data\n\n| intent | training | held-out |\n|---|---|---|\n");
		for (Intent intent : Intent.values()) {
			report.append("| %s | %d | %d |\n".formatted(intent.label(), count(training, intent), count(test, intent)));
		}
		report.append("\n%d held-out examples normalise to the same tokens as a training example.\n".formatted(leaked));
	}

	private static long count(List<LabeledText> examples, Intent intent) {
		return examples.stream().filter(example -> example.intent() == intent).count();
	}

	private static void appendPerIntent(StringBuilder report, EvaluationMetrics metrics) {
		report.append("| intent | precision | recall | F1 | support |\n|---|---|---|---|---|\n");
		for (Intent intent : Intent.values()) {
			report.append("| %s | %.3f | %.3f | %.3f | %d |\n".formatted(intent.label(), metrics.precision(intent),
					metrics.recall(intent), metrics.f1(intent), metrics.support(intent)));
		}
	}

	private static void appendConfusion(StringBuilder report, EvaluationMetrics metrics) {
		report.append("| expected \\ predicted |");
		for (Intent predicted : Intent.values()) {
			report.append(' ').append(predicted.label()).append(" |");
		}
		report.append("\n|---|").append("---|".repeat(Intent.values().length)).append('\n');
		for (Intent expected : Intent.values()) {
			report.append("| ").append(expected.label()).append(" |");
			for (Intent predicted : Intent.values()) {
				int count = metrics.count(expected, predicted);
				report.append(' ').append(count == 0 ? "·" : expected == predicted ? "**" + count + "**" : count).append(" |");
			}
			report.append('\n');
		}
	}

	private static void appendComparison(StringBuilder report, Map<ClassifierSettings, Run> runs, FallbackPolicy policy) {
		report.append("Accuracy as the classifier ranks (argmax), and after the fallback policy.\n\n");
		report.append("| features | algorithm | cutoff | iterations | L2 | CV accuracy | CV macro F1 | held-out accuracy "
				+ "| CV accuracy with fallback | held-out accuracy with fallback | training ms |\n");
		report.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
		runs.forEach((settings, run) -> {
			EvaluationMetrics crossValidated = new EvaluationMetrics(run.crossValidated(), ARGMAX);
			report.append("| %s | %s | %d | %d | %s | %.3f | %.3f | %.3f | %.3f | %.3f | %d |\n".formatted(
					settings.features().name().toLowerCase(Locale.ROOT), settings.algorithm().name().toLowerCase(Locale.ROOT),
					settings.cutoff(), settings.iterations(),
					settings.algorithm() == TrainingAlgorithm.MAXENT_QN ? settings.l2Cost() : "–", crossValidated.accuracy(),
					crossValidated.macroF1(),
					new EvaluationMetrics(run.heldOut(), ARGMAX).accuracy(),
					new EvaluationMetrics(run.crossValidated(), policy).accuracy(),
					new EvaluationMetrics(run.heldOut(), policy).accuracy(), run.trainingMillis()));
		});
	}

	private void appendThresholdSweep(StringBuilder report, Run run) {
		double[] margins = { 0, 0.05, 0.1, 0.15, 0.2 };
		report.append("Accuracy; out_of_scope recall after the slash.\n\n| threshold |");
		for (double margin : margins) {
			report.append(" margin %.2f |".formatted(margin));
		}
		report.append("\n|---|").append("---|".repeat(margins.length)).append('\n');
		for (int step = 0; step <= 12; step++) {
			double threshold = step * 0.05;
			report.append("| %.2f |".formatted(threshold));
			for (double margin : margins) {
				FallbackPolicy policy = new FallbackPolicy(threshold, margin);
				EvaluationMetrics crossValidated = new EvaluationMetrics(run.crossValidated(), policy);
				EvaluationMetrics heldOut = new EvaluationMetrics(run.heldOut(), policy);
				report.append(" %.3f / %.3f (%.3f / %.3f) |".formatted(crossValidated.accuracy(),
						crossValidated.recall(Intent.OUT_OF_SCOPE), heldOut.accuracy(), heldOut.recall(Intent.OUT_OF_SCOPE)));
			}
			report.append('\n');
		}
	}

	private static void appendMisclassified(StringBuilder report, List<Prediction> predictions, FallbackPolicy policy) {
		report.append("| text | expected | predicted | confidence | runner-up |\n|---|---|---|---|---|\n");
		misclassified(predictions, policy).forEach(prediction -> {
			IntentScore decided = prediction.decided(policy);
			IntentScore runnerUp = prediction.ranking().get(decided.name() == prediction.ranking().get(0).name() ? 1 : 0);
			report.append("| %s | %s | %s | %.3f | %s %.3f |\n".formatted(
					prediction.example().text().replace("|", "\\|"), prediction.example().intent().label(),
					decided.name().label(), decided.confidence(), runnerUp.name().label(), runnerUp.confidence()));
		});
	}

	private static void writeMisclassifiedTsv(Path file, Run run, FallbackPolicy policy) throws IOException {
		List<String> lines = new ArrayList<>();
		lines.add("set\ttext\texpected\tpredicted\tconfidence");
		Map<String, List<Prediction>> sets = Map.of("held-out", run.heldOut(), "cross-validation", run.crossValidated());
		sets.forEach((set, predictions) -> misclassified(predictions, policy).forEach(prediction -> {
			IntentScore decided = prediction.decided(policy);
			lines.add(String.join("\t", set, prediction.example().text().replace('\t', ' '),
					prediction.example().intent().label(), decided.name().label(),
					String.format(Locale.ROOT, "%.3f", decided.confidence())));
		}));
		Files.write(file, lines);
	}

	private static List<Prediction> misclassified(List<Prediction> predictions, FallbackPolicy policy) {
		return predictions.stream()
			.filter(prediction -> !prediction.isCorrect(policy))
			.sorted(Comparator.comparing((Prediction prediction) -> prediction.example().intent())
				.thenComparing(prediction -> prediction.decided(policy).name()))
			.toList();
	}

	/**
	 * The predictions for one choice of settings.
	 *
	 * @param crossValidated each training example predicted by a model trained without its fold
	 * @param heldOut each held-out example predicted by a model trained on all training examples
	 * @param trainingMillis how long training on all examples took
	 */
	private record Run(List<Prediction> crossValidated, List<Prediction> heldOut, long trainingMillis) {
	}

}
