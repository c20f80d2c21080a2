package id.posindonesia.balas.nlu.evaluation;

import java.util.List;

import id.posindonesia.balas.nlu.FallbackPolicy;
import id.posindonesia.balas.nlu.Intent;

/**
 * Accuracy, per-intent precision, recall and F1, and the confusion matrix of a set of predictions
 * after the fallback policy. An example with several right intents counts as expecting the one
 * predicted when that is among them, otherwise its preferred one.
 */
final class EvaluationMetrics {

	private static final Intent[] INTENTS = Intent.values();

	// [expected][predicted]
	private final int[][] confusion = new int[INTENTS.length][INTENTS.length];

	private final int total;

	EvaluationMetrics(List<Prediction> predictions, FallbackPolicy policy) {
		for (Prediction prediction : predictions) {
			confusion[prediction.expected(policy).ordinal()][prediction.decided(policy).name().ordinal()]++;
		}
		this.total = predictions.size();
	}

	int total() {
		return total;
	}

	int count(Intent expected, Intent predicted) {
		return confusion[expected.ordinal()][predicted.ordinal()];
	}

	double accuracy() {
		int correct = 0;
		for (Intent intent : INTENTS) {
			correct += count(intent, intent);
		}
		return ratio(correct, total);
	}

	int support(Intent intent) {
		int support = 0;
		for (Intent predicted : INTENTS) {
			support += count(intent, predicted);
		}
		return support;
	}

	double precision(Intent intent) {
		int predictedAsIntent = 0;
		for (Intent expected : INTENTS) {
			predictedAsIntent += count(expected, intent);
		}
		return ratio(count(intent, intent), predictedAsIntent);
	}

	double recall(Intent intent) {
		return ratio(count(intent, intent), support(intent));
	}

	double f1(Intent intent) {
		double precision = precision(intent);
		double recall = recall(intent);
		return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
	}

	/** The unweighted mean F1 of the intents that have examples. */
	double macroF1() {
		double sum = 0;
		int intents = 0;
		for (Intent intent : INTENTS) {
			if (support(intent) > 0) {
				sum += f1(intent);
				intents++;
			}
		}
		return ratio(sum, intents);
	}

	private static double ratio(double part, double whole) {
		return whole == 0 ? 0 : part / whole;
	}

}
