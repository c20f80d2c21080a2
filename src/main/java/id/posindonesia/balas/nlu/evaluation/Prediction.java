package id.posindonesia.balas.nlu.evaluation;

import java.util.List;

import id.posindonesia.balas.nlu.FallbackPolicy;
import id.posindonesia.balas.nlu.Intent;
import id.posindonesia.balas.nlu.IntentScore;
import id.posindonesia.balas.nlu.LabeledText;

/**
 * What a classifier made of one labelled example during evaluation.
 *
 * @param example the example and its right intents
 * @param ranking the classifier's scores, best first
 */
record Prediction(LabeledText example, List<IntentScore> ranking) {

	IntentScore decided(FallbackPolicy policy) {
		return policy.decide(ranking);
	}

	boolean isCorrect(FallbackPolicy policy) {
		return example.accepts(decided(policy).name());
	}

	/** The right intent this prediction is measured against: the decided one when it is right. */
	Intent expected(FallbackPolicy policy) {
		Intent decided = decided(policy).name();
		return example.accepts(decided) ? decided : example.intent();
	}

}
