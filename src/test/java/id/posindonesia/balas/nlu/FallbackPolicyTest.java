package id.posindonesia.balas.nlu;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FallbackPolicyTest {

	private final FallbackPolicy policy = new FallbackPolicy(0.4, 0.1);

	@Test
	void trustsAConfidentClearWinner() {
		List<IntentScore> ranking = ranking(Intent.TRACK_PARCEL, 0.7, Intent.COMPLAINT, 0.2);

		assertThat(policy.decide(ranking)).isEqualTo(new IntentScore(Intent.TRACK_PARCEL, 0.7));
	}

	@Test
	void fallsBackBelowTheConfidenceThreshold() {
		List<IntentScore> ranking = ranking(Intent.GREETING, 0.35, Intent.THANKS, 0.1);

		assertThat(policy.decide(ranking)).isEqualTo(new IntentScore(Intent.OUT_OF_SCOPE, 0.4));
	}

	@Test
	void fallsBackWhenTheWinnerBarelyLeadsTheRunnerUp() {
		List<IntentScore> ranking = ranking(Intent.COMPLAINT, 0.48, Intent.TRACK_PARCEL, 0.45);

		assertThat(policy.decide(ranking)).isEqualTo(new IntentScore(Intent.OUT_OF_SCOPE, 0.4));
	}

	@Test
	void keepsOutOfScopeWithTheClassifiersOwnConfidence() {
		List<IntentScore> ranking = ranking(Intent.OUT_OF_SCOPE, 0.3, Intent.COMPLAINT, 0.28);

		assertThat(policy.decide(ranking)).isEqualTo(new IntentScore(Intent.OUT_OF_SCOPE, 0.3));
	}

	private static List<IntentScore> ranking(Intent best, double bestConfidence, Intent second, double secondConfidence) {
		return List.of(new IntentScore(best, bestConfidence), new IntentScore(second, secondConfidence));
	}

}
