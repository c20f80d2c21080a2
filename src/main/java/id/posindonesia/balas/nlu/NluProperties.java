package id.posindonesia.balas.nlu;

import java.nio.file.Path;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code balas.nlu}; every key is optional. The defaults are the values that won on
 * cross-validation (see {@code nlu.evaluation.NluEvaluation}); the held-out sets only confirm them.
 *
 * @param intentsDir a folder holding {@code training/}, {@code test/} and {@code lexicon.tsv}
 * to train from instead of the copy of {@code intents/} on the classpath
 * @param confidenceThreshold below this top confidence a message is treated as out of scope (0.25: as
 * good as 0.20 on cross-validation with more out_of_scope recall, and the less regularised model gives
 * gibberish up to ~0.22)
 * @param margin when the best intent leads the second by less than this, the message is treated as
 * out of scope
 * @param maxTextLength the longest message, in characters, that the parse API accepts
 * @param classifier how the intent model is trained
 */
@ConfigurationProperties("balas.nlu")
@Validated
public record NluProperties(@Nullable Path intentsDir, @DecimalMin("0.0") @DecimalMax("1.0") Double confidenceThreshold,
		@DecimalMin("0.0") @DecimalMax("1.0") Double margin, @Min(1) @Max(100_000) Integer maxTextLength,
		@Valid ClassifierSettings classifier) {

	public NluProperties {
		confidenceThreshold = confidenceThreshold != null ? confidenceThreshold : 0.25;
		margin = margin != null ? margin : 0.0;
		maxTextLength = maxTextLength != null ? maxTextLength : 2000;
		classifier = classifier != null ? classifier : ClassifierSettings.DEFAULTS;
	}

	public static NluProperties defaults() {
		return new NluProperties(null, null, null, null, null);
	}

	public NluProperties withIntentsDir(Path intentsDir) {
		return new NluProperties(intentsDir, confidenceThreshold, margin, maxTextLength, classifier);
	}

	public NluProperties withClassifier(ClassifierSettings classifier) {
		return new NluProperties(intentsDir, confidenceThreshold, margin, maxTextLength, classifier);
	}

	public FallbackPolicy fallbackPolicy() {
		return new FallbackPolicy(confidenceThreshold, margin);
	}

	/**
	 * How the intent model is trained.
	 *
	 * @param features which features the classifier sees
	 * @param algorithm the OpenNLP trainer
	 * @param cutoff features seen fewer times than this in training are dropped
	 * @param iterations training iterations (the most for {@code MAXENT_QN}; ignored by naive Bayes)
	 * @param l2Cost the L2 regularisation of {@code MAXENT_QN}, which keeps confidences calibrated (0.01:
	 * cross-validation rose from 0.1 down to it and fell below; the fitted model converges well within the
	 * iterations)
	 * @param requestWins whether a message that reads as a greeting or thanks as a whole is classified
	 * again without its polite opening and closing ("selamat siang min, … terima kasih"), so that the
	 * request inside decides
	 * @param tfIdf whether features are weighted by TF-IDF, each kind scaled to unit length, rather than
	 * counted
	 */
	public record ClassifierSettings(FeatureSet features, TrainingAlgorithm algorithm, @Min(1) Integer cutoff,
			@Min(1) @Max(10_000) Integer iterations, @DecimalMin("0.0") Double l2Cost, Boolean requestWins,
			Boolean tfIdf) {

		public static final ClassifierSettings DEFAULTS = new ClassifierSettings(null, null, null, null, null, null,
				null);

		public ClassifierSettings {
			features = features != null ? features : FeatureSet.WORD_NGRAMS_AND_TEXT_CHAR_NGRAMS;
			algorithm = algorithm != null ? algorithm : TrainingAlgorithm.MAXENT_QN;
			cutoff = cutoff != null ? cutoff : 1;
			iterations = iterations != null ? iterations : 100;
			l2Cost = l2Cost != null ? l2Cost : 0.01;
			requestWins = requestWins != null ? requestWins : false;
			tfIdf = tfIdf != null ? tfIdf : true;
		}

		public ClassifierSettings withFeatures(FeatureSet features) {
			return new ClassifierSettings(features, algorithm, cutoff, iterations, l2Cost, requestWins, tfIdf);
		}

		public ClassifierSettings withAlgorithm(TrainingAlgorithm algorithm) {
			return new ClassifierSettings(features, algorithm, cutoff, iterations, l2Cost, requestWins, tfIdf);
		}

		public ClassifierSettings withCutoff(int cutoff) {
			return new ClassifierSettings(features, algorithm, cutoff, iterations, l2Cost, requestWins, tfIdf);
		}

		public ClassifierSettings withIterations(int iterations) {
			return new ClassifierSettings(features, algorithm, cutoff, iterations, l2Cost, requestWins, tfIdf);
		}

		public ClassifierSettings withL2Cost(double l2Cost) {
			return new ClassifierSettings(features, algorithm, cutoff, iterations, l2Cost, requestWins, tfIdf);
		}

		public ClassifierSettings withRequestWins(boolean requestWins) {
			return new ClassifierSettings(features, algorithm, cutoff, iterations, l2Cost, requestWins, tfIdf);
		}

		public ClassifierSettings withTfIdf(boolean tfIdf) {
			return new ClassifierSettings(features, algorithm, cutoff, iterations, l2Cost, requestWins, tfIdf);
		}

		@Override
		public String toString() {
			String settings = "%s, %s, cutoff %d, %d iterations".formatted(features, algorithm, cutoff, iterations);
			return (algorithm == TrainingAlgorithm.MAXENT_QN ? settings + ", L2 " + l2Cost : settings)
					+ (tfIdf ? ", TF-IDF" : ", counts") + (requestWins ? ", request wins over wrappers" : ", whole message only");
		}

	}

}
