package id.posindonesia.balas.nlu;

import java.util.List;

/**
 * What the classifier made of one labelled example during evaluation.
 *
 * @param example the example and its expected intent
 * @param ranking the classifier's scores, best first
 */
record Prediction(LabeledText example, List<IntentScore> ranking) {

	IntentScore decided(FallbackPolicy policy) {
		return policy.decide(ranking);
	}

	boolean isCorrect(FallbackPolicy policy) {
		return decided(policy).name() == example.intent();
	}

}
