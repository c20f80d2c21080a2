package id.posindonesia.balas.nlu.evaluation;

import java.util.List;

import org.junit.jupiter.api.Test;

import id.posindonesia.balas.nlu.Intent;
import id.posindonesia.balas.nlu.IntentScore;
import id.posindonesia.balas.nlu.LabeledText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TfidfBaselineTest {

	private final TfidfBaseline baseline = TfidfBaseline.train(List.of(new LabeledText(Intent.GREETING, "halo min"),
			new LabeledText(Intent.GREETING, "selamat pagi kak"), new LabeledText(Intent.TRACK_PARCEL, "paket saya sampai mana"),
			new LabeledText(Intent.TRACK_PARCEL, "cek resi paket dong"), new LabeledText(Intent.OUT_OF_SCOPE, "akun gojek diblokir"),
			new LabeledText(Intent.OUT_OF_SCOPE, "sinyal telkomsel hilang")));

	@Test
	void ranksEveryTrainedIntentWithProbabilities() {
		List<IntentScore> ranking = baseline.rank("paket saya kok belum sampai");

		assertThat(ranking.get(0).name()).isEqualTo(Intent.TRACK_PARCEL);
		assertThat(ranking).extracting(IntentScore::name)
			.containsExactlyInAnyOrder(Intent.GREETING, Intent.TRACK_PARCEL, Intent.OUT_OF_SCOPE);
		assertThat(ranking.stream().mapToDouble(IntentScore::confidence).sum()).isCloseTo(1, within(1e-9));
	}

	@Test
	void readsCharacterNGramsOfMisspeltWords() {
		assertThat(baseline.rank("sinyalnya ilang").get(0).name()).isEqualTo(Intent.OUT_OF_SCOPE);
	}

}
