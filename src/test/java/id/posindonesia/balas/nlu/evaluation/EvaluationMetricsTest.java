package id.posindonesia.balas.nlu.evaluation;

import java.util.List;

import org.junit.jupiter.api.Test;

import id.posindonesia.balas.nlu.FallbackPolicy;
import id.posindonesia.balas.nlu.Intent;
import id.posindonesia.balas.nlu.IntentScore;
import id.posindonesia.balas.nlu.LabeledText;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationMetricsTest {

	private static final FallbackPolicy ARGMAX = new FallbackPolicy(0, 0);

	private static final LabeledText DELIVERED_BUT_MISSING = new LabeledText(
			List.of(Intent.COMPLAINT, Intent.TRACK_PARCEL), "status diterima tapi barang belum ada");

	@Test
	void anyRightIntentOfAnExampleCountsAsRight() {
		EvaluationMetrics metrics = new EvaluationMetrics(
				List.of(predicted(DELIVERED_BUT_MISSING, Intent.TRACK_PARCEL), predicted(DELIVERED_BUT_MISSING, Intent.COMPLAINT),
						predicted(DELIVERED_BUT_MISSING, Intent.OUT_OF_SCOPE)),
				ARGMAX);

		assertThat(metrics.accuracy()).isEqualTo(2.0 / 3);
		assertThat(metrics.count(Intent.TRACK_PARCEL, Intent.TRACK_PARCEL)).isOne();
		assertThat(metrics.count(Intent.COMPLAINT, Intent.COMPLAINT)).isOne();
		assertThat(metrics.count(Intent.COMPLAINT, Intent.OUT_OF_SCOPE)).as("a miss counts against the preferred intent")
			.isOne();
	}

	@Test
	void theFallbackDecidesBeforeTheScore() {
		LabeledText gojek = new LabeledText(Intent.OUT_OF_SCOPE, "akun gojek saya diblokir");
		Prediction unsure = new Prediction(gojek,
				List.of(new IntentScore(Intent.COMPLAINT, 0.3), new IntentScore(Intent.OUT_OF_SCOPE, 0.25)));

		assertThat(new EvaluationMetrics(List.of(unsure), ARGMAX).accuracy()).isZero();
		assertThat(new EvaluationMetrics(List.of(unsure), new FallbackPolicy(0.4, 0)).accuracy()).isOne();
	}

	private static Prediction predicted(LabeledText example, Intent intent) {
		return new Prediction(example, List.of(new IntentScore(intent, 0.9), new IntentScore(Intent.GREETING, 0.1)));
	}

}
