package id.posindonesia.balas.nlu;

import java.util.List;

/**
 * Decides when the classifier does not know: like Rasa's FallbackClassifier, a message is out of
 * scope when the best intent's confidence is below a threshold, or when it barely leads the second
 * best, since then the model is torn between two answers.
 *
 * @param confidenceThreshold the lowest top confidence that is trusted
 * @param margin the smallest lead over the second intent that is trusted
 */
public record FallbackPolicy(double confidenceThreshold, double margin) {

	/**
	 * The intent to act on, given the classifier's ranking (best first). A fallback to out of scope
	 * carries the threshold as its confidence.
	 */
	public IntentScore decide(List<IntentScore> ranking) {
		IntentScore best = ranking.get(0);
		double second = ranking.size() > 1 ? ranking.get(1).confidence() : 0;
		boolean unsure = best.confidence() < confidenceThreshold || best.confidence() - second < margin;
		return unsure && best.name() != Intent.OUT_OF_SCOPE ? new IntentScore(Intent.OUT_OF_SCOPE, confidenceThreshold)
				: best;
	}

}
