package id.posindonesia.balas.nlu.evaluation;

import java.util.List;

import id.posindonesia.balas.nlu.IntentScore;
import id.posindonesia.balas.nlu.LabeledText;

/**
 * A trained classifier as the evaluation sees it: every intent with its probability, best first, before
 * any fallback.
 */
@FunctionalInterface
interface IntentRanker {

	List<IntentScore> rank(String text);

	/** Trains a ranker on some examples: all training examples, or all but one fold. */
	@FunctionalInterface
	interface Trainer {

		IntentRanker train(List<LabeledText> examples);

	}

}
