package id.posindonesia.balas.nlu;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails the build when the model gets worse on the held-out sets: the hand-written {@code intents/test/}
 * and the realistic {@code intents/test-realistic/}, where an answer is right when it is any of a
 * message's intents. The bars sit a little under what the default settings measure (held-out accuracy
 * 0.983 and out_of_scope recall 0.975; realistic accuracy 0.941 and out_of_scope recall 0.896; see
 * {@code nlu.evaluation.NluEvaluation}), so a regression of a few examples is caught.
 */
class NluAccuracyTest {

	private static final double MIN_ACCURACY = 0.97;

	private static final double MIN_OUT_OF_SCOPE_RECALL = 0.92;

	private static final double MIN_REALISTIC_ACCURACY = 0.92;

	private static final double MIN_REALISTIC_OUT_OF_SCOPE_RECALL = 0.875;

	private static List<Outcome> heldOut;

	private static List<Outcome> realistic;

	@BeforeAll
	static void classifyTheHeldOutSets() {
		IntentData data = IntentData.from(null);
		heldOut = classify(data.test());
		realistic = classify(data.realistic());
	}

	@Test
	void heldOutAccuracyStaysAboveTheBar() {
		assertThat(accuracy(heldOut)).isGreaterThanOrEqualTo(MIN_ACCURACY);
	}

	@Test
	void outOfScopeRecallStaysAboveTheBar() {
		assertThat(outOfScopeRecall(heldOut)).isGreaterThanOrEqualTo(MIN_OUT_OF_SCOPE_RECALL);
	}

	@Test
	void realisticAccuracyStaysAboveTheBar() {
		assertThat(realistic).hasSizeGreaterThanOrEqualTo(150);
		assertThat(accuracy(realistic)).isGreaterThanOrEqualTo(MIN_REALISTIC_ACCURACY);
	}

	@Test
	void realisticOutOfScopeRecallStaysAboveTheBar() {
		assertThat(outOfScopeRecall(realistic)).isGreaterThanOrEqualTo(MIN_REALISTIC_OUT_OF_SCOPE_RECALL);
	}

	private static List<Outcome> classify(List<LabeledText> examples) {
		return examples.stream()
			.map(example -> new Outcome(example, TrainedNlu.SERVICE.parse(example.text()).intent().name()))
			.toList();
	}

	private static double accuracy(List<Outcome> outcomes) {
		return (double) outcomes.stream().filter(Outcome::isRight).count() / outcomes.size();
	}

	// out of scope is the preferred answer, and the answer given is one of the right ones
	private static double outOfScopeRecall(List<Outcome> outcomes) {
		List<Outcome> outOfScope = outcomes.stream()
			.filter(outcome -> outcome.example().intent() == Intent.OUT_OF_SCOPE)
			.toList();
		assertThat(outOfScope).isNotEmpty();
		return accuracy(outOfScope);
	}

	private record Outcome(LabeledText example, Intent predicted) {

		boolean isRight() {
			return example.accepts(predicted);
		}

	}

}
