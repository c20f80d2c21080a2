package id.posindonesia.balas.nlu;

import java.nio.file.Path;
import java.util.*;
import java.util.stream.*;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import id.posindonesia.balas.nlu.NluProperties.ClassifierSettings;

public class Scratch {
	public static void main(String[] args) {
		LoggingSystem.get(Scratch.class.getClassLoader()).setLogLevel("opennlp", LogLevel.WARN);
		LoggingSystem.get(Scratch.class.getClassLoader()).setLogLevel("ROOT", LogLevel.WARN);
		IntentData data = IntentData.from(Path.of("intents"));
		List<LabeledText> training = data.training(), test = data.test();
		for (String variant : args) {
			String[] kv = variant.split(",");
			TextNormalizer.EMOJI = !variant.contains("noemoji");
			TextNormalizer.PUNCT = variant.contains("punct");
			ShapeFeatureGenerator.MODE = variant;
			TextNormalizer.NUMS = variant.contains("nums");
			FeatureSet features = FeatureSet.valueOf(kv[0]);
			TrainingAlgorithm algo = TrainingAlgorithm.valueOf(kv[1]);
			int iters = Integer.parseInt(kv[2]);
			for (String p : kv) { if (p.startsWith("cg")) { FeatureSet.CG_MIN = p.charAt(2)-'0'; FeatureSet.CG_MAX = p.charAt(3)-'0'; } }
			IntentClassifier.EXTRA.clear();
			for (String p : kv) { if (p.contains("=")) { String[] a = p.split("="); IntentClassifier.EXTRA.put(a[0], a[1]); } }
			ClassifierSettings settings = new ClassifierSettings(features, algo, 1, iters);
			MessageAnalyzer analyzer = new MessageAnalyzer(new EntityExtractor(), new TextNormalizer(variant.contains("nolex") ? Lexicon.EMPTY : data.lexicon()));
			List<List<LabeledText>> folds = new ArrayList<>();
			for (int i = 0; i < 10; i++) folds.add(new ArrayList<>());
			Random random = new Random(Long.getLong("seed", 42)); int next = 0;
			for (List<LabeledText> ex : training.stream().collect(Collectors.groupingBy(LabeledText::intent, LinkedHashMap::new, Collectors.toList())).values()) {
				List<LabeledText> sh = new ArrayList<>(ex); Collections.shuffle(sh, random);
				for (LabeledText e : sh) folds.get(next++ % 10).add(e);
			}
			long t0 = System.nanoTime();
			List<Prediction> cv = IntStream.range(0, 10).parallel().mapToObj(f -> {
				List<LabeledText> tr = new ArrayList<>();
				for (int o = 0; o < 10; o++) if (o != f) tr.addAll(folds.get(o));
				IntentClassifier c = IntentClassifier.train(tr, analyzer, settings);
				return folds.get(f).stream().map(e -> new Prediction(e, c.rank(analyzer.analyze(e.text()).tokens()))).toList();
			}).flatMap(List::stream).toList();
			IntentClassifier c = IntentClassifier.train(training, analyzer, settings);
			List<Prediction> ho = test.stream().map(e -> new Prediction(e, c.rank(analyzer.analyze(e.text()).tokens()))).toList();
			double bestAcc = 0; String best = "";
			for (int t = 0; t <= 16; t++) for (int m = 0; m <= 6; m++) {
				FallbackPolicy p = new FallbackPolicy(t * 0.05, m * 0.05);
				EvaluationMetrics e = new EvaluationMetrics(cv, p);
				if (e.accuracy() > bestAcc + 1e-9) { bestAcc = e.accuracy(); EvaluationMetrics h = new EvaluationMetrics(ho, p);
					best = String.format("t=%.2f m=%.2f cvOOS=%.3f ho=%.3f hoOOS=%.3f", p.confidenceThreshold(), p.margin(), e.recall(Intent.OUT_OF_SCOPE), h.accuracy(), h.recall(Intent.OUT_OF_SCOPE)); }
			}
			StringBuilder grid = new StringBuilder();
			for (double[] tm : new double[][] {{0.2,0.05},{0.3,0.05},{0.2,0.1},{0.3,0.1},{0.4,0.1}}) {
				FallbackPolicy p = new FallbackPolicy(tm[0], tm[1]);
				EvaluationMetrics e = new EvaluationMetrics(cv, p), h = new EvaluationMetrics(ho, p);
				grid.append(String.format("   [%.2f/%.2f cv %.3f/%.3f ho %.3f/%.3f]", tm[0], tm[1], e.accuracy(), e.recall(Intent.OUT_OF_SCOPE), h.accuracy(), h.recall(Intent.OUT_OF_SCOPE)));
			}
			System.out.println(grid);
			FallbackPolicy argmax = new FallbackPolicy(0, 0);
			System.out.printf("%-60s cv=%.3f ho=%.3f | best fallback cv=%.3f %s (%ds)%n", variant,
				new EvaluationMetrics(cv, argmax).accuracy(), new EvaluationMetrics(ho, argmax).accuracy(), bestAcc, best, (System.nanoTime()-t0)/1000000000);
		}
	}
}
