package id.posindonesia.balas.nlu.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import java.util.stream.Stream;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.StandardEnvironment;

import id.posindonesia.balas.nlu.FallbackPolicy;
import id.posindonesia.balas.nlu.FeatureSet;
import id.posindonesia.balas.nlu.Intent;
import id.posindonesia.balas.nlu.IntentData;
import id.posindonesia.balas.nlu.IntentScore;
import id.posindonesia.balas.nlu.LabeledText;
import id.posindonesia.balas.nlu.NluProperties;
import id.posindonesia.balas.nlu.NluProperties.ClassifierSettings;
import id.posindonesia.balas.nlu.NluService;
import id.posindonesia.balas.nlu.TrainingAlgorithm;

/**
 * Measures the intent model beside a textbook baseline ({@link TfidfBaseline}): 10-fold
 * cross-validation on the training examples, then a model trained on all of them scored on the
 * hand-written held-out set {@code intents/test/} and on the realistic set {@code intents/test-realistic/},
 * where an answer is right when it is any of a message's intents. Shows what each model change adds
 * by switching it off, and (unless quick) the feature generators and trainers the settings were chosen
 * over. Writes {@code report.md}, {@code misclassified.tsv} and {@code confidence-histogram.png}.
 * <p>
 * Arguments: the report folder (default {@code target/nlu-report}), then {@code quick} to skip the
 * comparison of features and trainers. Reads {@code intents/} from the working directory when it
 * exists, otherwise from the classpath; {@code -Dbalas.nlu.*} system properties override the defaults
 * as they would in the application. {@code -Dnlu.evaluation.sets=a.tsv,b.tsv} (through
 * {@code JAVA_TOOL_OPTIONS} under Maven) scores further sets in the realistic set's format, such as a
 * probe written outside the repository, beside the others; their misses go to
 * {@code misclassified-<file>.tsv} only, so that a held-out half can be scored without being read.
 */
public final class NluEvaluation {

	private static final int FOLDS = 10;

	// a fixed shuffle, so that runs compare like with like
	private static final long SEED = 42;

	private static final FallbackPolicy ARGMAX = new FallbackPolicy(0, 0);

	// the fallback before it was calibrated on cross-validation
	private static final FallbackPolicy UNCALIBRATED_FALLBACK = new FallbackPolicy(0.40, 0.05);

	private final NluProperties properties;

	private final List<LabeledText> training;

	private final List<LabeledText> test;

	private final List<LabeledText> realistic;

	private final Map<String, List<LabeledText>> extraSets;

	private final List<List<LabeledText>> folds;

	private NluEvaluation(NluProperties properties, Map<String, List<LabeledText>> extraSets) {
		IntentData data = IntentData.from(properties.intentsDir());
		this.properties = properties;
		this.training = data.training();
		this.test = data.test();
		this.realistic = data.realistic();
		this.extraSets = extraSets;
		this.folds = folds(training);
	}

	public static void main(String[] args) throws IOException {
		System.setProperty("java.awt.headless", "true");
		// the report's numbers use a decimal point whatever the machine's locale
		Locale.setDefault(Locale.ROOT);
		// OpenNLP reports every training pass at INFO, and the service every model it trains
		LoggingSystem logging = LoggingSystem.get(NluEvaluation.class.getClassLoader());
		logging.setLogLevel("opennlp", LogLevel.WARN);
		logging.setLogLevel("id.posindonesia.balas.nlu", LogLevel.WARN);
		NluProperties properties = Binder.get(new StandardEnvironment())
			.bind("balas.nlu", NluProperties.class)
			.orElseGet(NluProperties::defaults);
		Path workingCopy = Path.of("intents");
		if (properties.intentsDir() == null && Files.isDirectory(workingCopy)) {
			properties = properties.withIntentsDir(workingCopy);
		}
		Path reportDir = Path.of(args.length > 0 ? args[0] : "target/nlu-report");
		boolean quick = args.length > 1 && args[1].equals("quick");
		long started = System.nanoTime();
		new NluEvaluation(properties, extraSets(System.getProperty("nlu.evaluation.sets", ""))).writeReport(reportDir,
				quick);
		System.out.printf("Report written to %s in %d s%n", reportDir.toAbsolutePath(),
				TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
	}

	// keyed by file name, in the order given
	private static Map<String, List<LabeledText>> extraSets(String paths) {
		Map<String, List<LabeledText>> sets = new LinkedHashMap<>();
		for (String path : paths.split(",")) {
			if (!path.isBlank()) {
				Path file = Path.of(path.strip());
				// a set's name names its misses file: two sets of one name would mix their misses
				if (sets.putIfAbsent(file.getFileName().toString(), IntentData.labeledMessages(file)) != null) {
					throw new IllegalArgumentException("Two sets are named " + file.getFileName()
							+ " in nlu.evaluation.sets; rename one of them");
				}
			}
		}
		return sets;
	}

	private void writeReport(Path reportDir, boolean quick) throws IOException {
		Files.createDirectories(reportDir);
		FallbackPolicy policy = properties.fallbackPolicy();
		Run model = run(model(properties.classifier()));
		Run baseline = run(TfidfBaseline::train);
		Run requestWins = run(model(properties.classifier().withRequestWins(!properties.classifier().requestWins())));
		Run counted = run(model(properties.classifier().withTfIdf(false)));

		StringBuilder report = new StringBuilder();
		report.append("# NLU evaluation\n\n");
		report.append("Intents: `%s`. Settings: %s; out of scope below confidence %.2f or margin %.2f.\n\n"
			.formatted(properties.intentsDir() != null ? properties.intentsDir() : "classpath:intents",
					properties.classifier(), policy.confidenceThreshold(), policy.margin()));
		report.append("## Model and textbook baseline\n\n");
		report.append("The baseline is TF-IDF over word 1–2-grams and character 2–5-grams of the raw text with "
				+ "L2-regularised logistic regression (C = 1), trained on the same folds and sets, without "
				+ "normalisation or fallback. On the realistic set an answer is right when it is any of the "
				+ "message's intents.\n\n");
		appendSummary(report, model, policy, baseline);
		if (!extraSets.isEmpty()) {
			appendExtraSets(report, model, policy, baseline);
		}
		report.append("\n## What each model change adds\n\n");
		appendChanges(report, model, requestWins, counted, baseline, policy);
		appendData(report);
		appendSet(report, "Realistic set", model.realistic(), policy);
		appendSet(report, "Held-out set", model.heldOut(), policy);
		appendSet(report, "Cross-validation", model.crossValidated(), policy);
		if (!quick) {
			report.append("\n## Feature generators and trainers\n\n");
			appendComparison(report, policy);
		}
		report.append("\n## Fallback thresholds\n\n");
		appendThresholdSweep(report, model);
		// the realistic set's misses stay unlisted: it must not be tuned on line by line
		// (intents/test-realistic/README.md)
		report.append("\nThe realistic set's misses are not listed: it must not be tuned on line by line.\n");
		report.append("\n## Misclassified held-out examples\n\n");
		appendMisclassified(report, model.heldOut(), policy);
		report.append("\n## Misclassified in cross-validation\n\n");
		appendMisclassified(report, model.crossValidated(), policy);
		report.append("\n![confidence histogram](confidence-histogram.png)\n");
		Files.writeString(reportDir.resolve("report.md"), report);
		writeMisclassifiedTsv(reportDir.resolve("misclassified.tsv"), model, policy);
		for (Map.Entry<String, List<Prediction>> set : model.extra().entrySet()) {
			writeMisclassifiedTsv(reportDir.resolve("misclassified-" + set.getKey()), Map.of(set.getKey(), set.getValue()),
					policy);
		}
		Map<String, List<Prediction>> panels = new LinkedHashMap<>();
		panels.put("Realistic set", model.realistic());
		panels.put("Held-out set", model.heldOut());
		panels.put("10-fold cross-validation", model.crossValidated());
		ConfidenceHistogram.write(panels, policy, reportDir.resolve("confidence-histogram.png"));
		System.out.printf("%-9s CV %.3f  test %.3f  realistic %.3f  realistic out_of_scope recall %.3f%n", "model",
				accuracy(model.crossValidated(), policy), accuracy(model.heldOut(), policy),
				accuracy(model.realistic(), policy), new EvaluationMetrics(model.realistic(), policy).recall(Intent.OUT_OF_SCOPE));
		System.out.printf("%-9s CV %.3f  test %.3f  realistic %.3f  realistic out_of_scope recall %.3f%n", "baseline",
				accuracy(baseline.crossValidated(), ARGMAX), accuracy(baseline.heldOut(), ARGMAX),
				accuracy(baseline.realistic(), ARGMAX),
				new EvaluationMetrics(baseline.realistic(), ARGMAX).recall(Intent.OUT_OF_SCOPE));
		extraSets.keySet().forEach(set -> System.out.printf("%-9s %s %.3f  out_of_scope recall %.3f%n%-9s %s %.3f  "
				+ "out_of_scope recall %.3f%n", "model", set, accuracy(model.extra().get(set), policy),
				new EvaluationMetrics(model.extra().get(set), policy).recall(Intent.OUT_OF_SCOPE), "baseline", set,
				accuracy(baseline.extra().get(set), ARGMAX),
				new EvaluationMetrics(baseline.extra().get(set), ARGMAX).recall(Intent.OUT_OF_SCOPE)));
	}

	private IntentRanker.Trainer model(ClassifierSettings settings) {
		NluProperties variant = properties.withClassifier(settings);
		return examples -> {
			NluService service = NluService.train(variant, examples);
			return text -> service.parse(text).intentRanking();
		};
	}

	private Run run(IntentRanker.Trainer trainer) {
		List<Prediction> crossValidated = IntStream.range(0, FOLDS).parallel().mapToObj(fold -> {
			List<LabeledText> trainingFolds = new ArrayList<>();
			for (int other = 0; other < FOLDS; other++) {
				if (other != fold) {
					trainingFolds.addAll(folds.get(other));
				}
			}
			return predict(trainer.train(trainingFolds), folds.get(fold));
		}).flatMap(List::stream).toList();
		long started = System.nanoTime();
		IntentRanker ranker = trainer.train(training);
		long trainingMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		Map<String, List<Prediction>> extra = new LinkedHashMap<>();
		extraSets.forEach((set, examples) -> extra.put(set, predict(ranker, examples)));
		return new Run(crossValidated, predict(ranker, test), predict(ranker, realistic), extra, trainingMillis);
	}

	private static List<Prediction> predict(IntentRanker ranker, List<LabeledText> examples) {
		return examples.stream().map(example -> new Prediction(example, ranker.rank(example.text()))).toList();
	}

	// each example's fold follows from its text alone, so that adding training lines leaves every other
	// line in its fold and two versions of the data compare line by line (a shuffle reassigned them all,
	// which moved cross-validation by a few examples either way); each intent still spreads over the
	// folds at random
	private static List<List<LabeledText>> folds(List<LabeledText> training) {
		List<List<LabeledText>> folds = new ArrayList<>();
		for (int fold = 0; fold < FOLDS; fold++) {
			folds.add(new ArrayList<>());
		}
		for (LabeledText example : training) {
			folds.get(new Random(SEED ^ example.text().hashCode()).nextInt(FOLDS)).add(example);
		}
		return folds;
	}

	private void appendSummary(StringBuilder report, Run model, FallbackPolicy policy, Run baseline) {
		report.append("| classifier | set | accuracy | macro F1 | out_of_scope recall | out_of_scope precision |\n");
		report.append("|---|---|---|---|---|---|\n");
		appendRows(report, "model", model, policy);
		appendRows(report, "baseline", baseline, ARGMAX);
		report.append("\nTraining the model on all %d examples took %d ms, the baseline %d ms.\n"
			.formatted(training.size(), model.trainingMillis(), baseline.trainingMillis()));
	}

	private void appendExtraSets(StringBuilder report, Run model, FallbackPolicy policy, Run baseline) {
		report.append("\n## Further sets\n\nScored by the model and the baseline trained on all training examples; "
				+ "recall per preferred intent. Their misses are in `misclassified-<set>`, not here.\n\n");
		report.append("| classifier | set | accuracy | macro F1 | out_of_scope recall |");
		for (Intent intent : Intent.values()) {
			report.append(' ').append(intent.label()).append(" recall |");
		}
		report.append("\n|---|---|---|---|---|").append("---|".repeat(Intent.values().length)).append('\n');
		extraSets.forEach((set, examples) -> {
			report.append(extraSetRow("model", "%s (%d)".formatted(set, examples.size()),
					new EvaluationMetrics(model.extra().get(set), policy)));
			report.append(extraSetRow("baseline", "%s (%d)".formatted(set, examples.size()),
					new EvaluationMetrics(baseline.extra().get(set), ARGMAX)));
		});
	}

	private static String extraSetRow(String classifier, String set, EvaluationMetrics metrics) {
		StringBuilder row = new StringBuilder("| %s | %s | %.3f | %.3f | %.3f |".formatted(classifier, set,
				metrics.accuracy(), metrics.macroF1(), metrics.recall(Intent.OUT_OF_SCOPE)));
		for (Intent intent : Intent.values()) {
			row.append(" %.3f |".formatted(metrics.recall(intent)));
		}
		return row.append('\n').toString();
	}

	private void appendRows(StringBuilder report, String classifier, Run run, FallbackPolicy policy) {
		report.append(summaryRow(classifier, "10-fold cross-validation (%d)".formatted(training.size()),
				new EvaluationMetrics(run.crossValidated(), policy)));
		report.append(summaryRow(classifier, "`intents/test/` (%d)".formatted(test.size()),
				new EvaluationMetrics(run.heldOut(), policy)));
		report.append(summaryRow(classifier, "`intents/test-realistic/` (%d)".formatted(realistic.size()),
				new EvaluationMetrics(run.realistic(), policy)));
	}

	private static String summaryRow(String classifier, String set, EvaluationMetrics metrics) {
		return "| %s | %s | %.3f | %.3f | %.3f | %.3f |\n".formatted(classifier, set, metrics.accuracy(),
				metrics.macroF1(), metrics.recall(Intent.OUT_OF_SCOPE), metrics.precision(Intent.OUT_OF_SCOPE));
	}

	private void appendChanges(StringBuilder report, Run model, Run requestWins, Run counted, Run baseline,
			FallbackPolicy policy) {
		report.append("Accuracy on each set; out_of_scope recall on the realistic set last. Each row changes one "
				+ "setting of the model.\n\n| variant | CV | test | realistic | realistic out_of_scope recall |\n|---|---|---|---|---|\n");
		report.append(changeRow("textbook baseline", baseline, ARGMAX));
		report.append(changeRow("model with counted features instead of TF-IDF", counted, policy));
		report.append(changeRow("model with the request-wins rule " + (properties.classifier().requestWins() ? "off" : "on"),
				requestWins, policy));
		report.append(changeRow("model without fallback (argmax)", model, ARGMAX));
		if (!UNCALIBRATED_FALLBACK.equals(policy)) {
			report.append(changeRow("model with the uncalibrated fallback (%.2f, margin %.2f)"
				.formatted(UNCALIBRATED_FALLBACK.confidenceThreshold(), UNCALIBRATED_FALLBACK.margin()), model,
					UNCALIBRATED_FALLBACK));
		}
		report.append(changeRow("**model**", model, policy));
	}

	private static String changeRow(String variant, Run run, FallbackPolicy policy) {
		return "| %s | %.3f | %.3f | %.3f | %.3f |\n".formatted(variant, accuracy(run.crossValidated(), policy),
				accuracy(run.heldOut(), policy), accuracy(run.realistic(), policy),
				new EvaluationMetrics(run.realistic(), policy).recall(Intent.OUT_OF_SCOPE));
	}

	private static double accuracy(List<Prediction> predictions, FallbackPolicy policy) {
		return new EvaluationMetrics(predictions, policy).accuracy();
	}

	private void appendData(StringBuilder report) {
		Set<String> trainingLines = training.stream().map(NluEvaluation::comparable).collect(Collectors.toSet());
		report.append("\n## Data\n\n| intent | training | held-out | realistic (preferred intent) |\n|---|---|---|---|\n");
		for (Intent intent : Intent.values()) {
			report.append("| %s | %d | %d | %d |\n".formatted(intent.label(), count(training, intent),
					count(test, intent), count(realistic, intent)));
		}
		report.append(("\n%d realistic examples have more than one right intent. Held-out or realistic lines that are "
				+ "also training lines: %d.\n").formatted(realistic.stream().filter(example -> example.labels().size() > 1).count(),
						Stream.concat(test.stream(), realistic.stream())
							.filter(example -> trainingLines.contains(comparable(example)))
							.count()));
	}

	private static String comparable(LabeledText example) {
		return example.text().strip().toLowerCase(Locale.ROOT);
	}

	private static long count(List<LabeledText> examples, Intent intent) {
		return examples.stream().filter(example -> example.intent() == intent).count();
	}

	private static void appendSet(StringBuilder report, String title, List<Prediction> predictions,
			FallbackPolicy policy) {
		EvaluationMetrics metrics = new EvaluationMetrics(predictions, policy);
		report.append("\n## ").append(title).append(" per intent\n\n");
		report.append("| intent | precision | recall | F1 | support |\n|---|---|---|---|---|\n");
		for (Intent intent : Intent.values()) {
			report.append("| %s | %.3f | %.3f | %.3f | %d |\n".formatted(intent.label(), metrics.precision(intent),
					metrics.recall(intent), metrics.f1(intent), metrics.support(intent)));
		}
		report.append("\n").append(title).append(" confusion matrix (rows: expected, columns: predicted)\n\n");
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

	private void appendComparison(StringBuilder report, FallbackPolicy policy) {
		report.append("Accuracy as the classifier ranks (argmax), and after the fallback policy.\n\n");
		report.append("| features | algorithm | cutoff | iterations | L2 | CV accuracy | CV macro F1 | test accuracy "
				+ "| realistic accuracy | CV with fallback | test with fallback | realistic with fallback | training ms |\n");
		report.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (ClassifierSettings settings : candidates(properties.classifier())) {
			Run run = run(model(settings));
			System.out.printf("%-110s CV %.3f  test %.3f  realistic %.3f%n", settings,
					accuracy(run.crossValidated(), policy), accuracy(run.heldOut(), policy),
					accuracy(run.realistic(), policy));
			report.append("| %s | %s | %d | %d | %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %d |\n".formatted(
					settings.features().name().toLowerCase(Locale.ROOT),
					settings.algorithm().name().toLowerCase(Locale.ROOT), settings.cutoff(), settings.iterations(),
					settings.algorithm() == TrainingAlgorithm.MAXENT_QN ? settings.l2Cost() : "–",
					accuracy(run.crossValidated(), ARGMAX), new EvaluationMetrics(run.crossValidated(), ARGMAX).macroF1(),
					accuracy(run.heldOut(), ARGMAX), accuracy(run.realistic(), ARGMAX),
					accuracy(run.crossValidated(), policy), accuracy(run.heldOut(), policy),
					accuracy(run.realistic(), policy), run.trainingMillis()));
		}
	}

	/** The configured settings first, then each alternative that differs from them in one respect. */
	private static List<ClassifierSettings> candidates(ClassifierSettings configured) {
		Set<ClassifierSettings> candidates = new LinkedHashSet<>();
		candidates.add(configured);
		for (FeatureSet features : FeatureSet.values()) {
			candidates.add(configured.withFeatures(features));
		}
		for (TrainingAlgorithm algorithm : TrainingAlgorithm.values()) {
			candidates.add(configured.withAlgorithm(algorithm));
		}
		for (int cutoff : new int[] { 1, 2, 3 }) {
			candidates.add(configured.withCutoff(cutoff));
		}
		for (int iterations : new int[] { 50, 100, 300 }) {
			candidates.add(configured.withIterations(iterations));
		}
		if (configured.algorithm() == TrainingAlgorithm.MAXENT_QN) {
			for (double l2Cost : new double[] { 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1 }) {
				candidates.add(configured.withL2Cost(l2Cost));
			}
		}
		return List.copyOf(candidates);
	}

	private static void appendThresholdSweep(StringBuilder report, Run run) {
		report.append("Accuracy / out_of_scope recall on each set, for each lowest trusted confidence and margin.\n\n");
		report.append("| threshold | margin | CV | test | realistic |\n|---|---|---|---|---|\n");
		for (double margin : new double[] { 0, 0.05, 0.1 }) {
			for (int step = 0; step <= 12; step++) {
				FallbackPolicy policy = new FallbackPolicy(step * 0.05, margin);
				report.append("| %.2f | %.2f | %s | %s | %s |\n".formatted(policy.confidenceThreshold(), margin,
						sweepCell(run.crossValidated(), policy), sweepCell(run.heldOut(), policy),
						sweepCell(run.realistic(), policy)));
			}
		}
	}

	private static String sweepCell(List<Prediction> predictions, FallbackPolicy policy) {
		EvaluationMetrics metrics = new EvaluationMetrics(predictions, policy);
		return "%.3f / %.3f".formatted(metrics.accuracy(), metrics.recall(Intent.OUT_OF_SCOPE));
	}

	private static void appendMisclassified(StringBuilder report, List<Prediction> predictions, FallbackPolicy policy) {
		report.append("| text | expected | predicted | confidence | runner-up |\n|---|---|---|---|---|\n");
		misclassified(predictions, policy).forEach(prediction -> {
			IntentScore decided = prediction.decided(policy);
			IntentScore runnerUp = prediction.ranking().get(decided.name() == prediction.ranking().get(0).name() ? 1 : 0);
			report.append("| %s | %s | %s | %.3f | %s %.3f |\n".formatted(
					prediction.example().text().replace("|", "\\|"), labels(prediction.example()).replace("|", "\\|"),
					decided.name().label(), decided.confidence(), runnerUp.name().label(), runnerUp.confidence()));
		});
	}

	private static void writeMisclassifiedTsv(Path file, Run run, FallbackPolicy policy) throws IOException {
		Map<String, List<Prediction>> sets = new LinkedHashMap<>();
		sets.put("held-out", run.heldOut());
		sets.put("cross-validation", run.crossValidated());
		writeMisclassifiedTsv(file, sets, policy);
	}

	private static void writeMisclassifiedTsv(Path file, Map<String, List<Prediction>> sets, FallbackPolicy policy)
			throws IOException {
		List<String> lines = new ArrayList<>();
		lines.add("set\ttext\texpected\tpredicted\tconfidence");
		sets.forEach((set, predictions) -> misclassified(predictions, policy).forEach(prediction -> {
			IntentScore decided = prediction.decided(policy);
			lines.add(String.join("\t", set, prediction.example().text().replace('\t', ' '), labels(prediction.example()),
					decided.name().label(), String.format(Locale.ROOT, "%.3f", decided.confidence())));
		}));
		Files.write(file, lines);
	}

	private static String labels(LabeledText example) {
		return example.labels().stream().map(Intent::label).collect(Collectors.joining("|"));
	}

	private static List<Prediction> misclassified(List<Prediction> predictions, FallbackPolicy policy) {
		return predictions.stream()
			.filter(prediction -> !prediction.isCorrect(policy))
			.sorted(Comparator.comparing((Prediction prediction) -> prediction.example().intent())
				.thenComparing(prediction -> prediction.decided(policy).name()))
			.toList();
	}

	/**
	 * The predictions of one classifier.
	 *
	 * @param crossValidated each training example predicted by a model trained without its fold
	 * @param heldOut each held-out example predicted by a model trained on all training examples
	 * @param realistic each realistic example predicted by that model
	 * @param extra each example of the further sets predicted by that model, by set
	 * @param trainingMillis how long training on all examples took
	 */
	private record Run(List<Prediction> crossValidated, List<Prediction> heldOut, List<Prediction> realistic,
			Map<String, List<Prediction>> extra, long trainingMillis) {
	}

}
