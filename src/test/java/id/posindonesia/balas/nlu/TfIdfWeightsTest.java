package id.posindonesia.balas.nlu;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TfIdfWeightsTest {

	private final TfIdfWeights weights = TfIdfWeights.fit(List.of(Map.of("w=paket", 1, "w=hilang", 1),
			Map.of("w=paket", 1, "w=sampai", 1), Map.of("w=paket", 2, "cg=pa", 1)));

	@Test
	void weighsRareTermsAboveCommonOnesAndScalesEachBlockToUnitLength() {
		Map<String, Float> vector = asMap(weights.weigh(Map.of("w=paket", 1, "w=hilang", 1, "cg=pa", 3)));

		// idf = ln((1 + 3) / (1 + df)) + 1: "paket" is in all three documents, "hilang" in one
		double paket = 1;
		double hilang = Math.log(4.0 / 2) + 1;
		double norm = Math.sqrt(paket * paket + hilang * hilang);
		assertThat(vector.get("w=paket")).isCloseTo((float) (paket / norm), within(1e-6f));
		assertThat(vector.get("w=hilang")).isCloseTo((float) (hilang / norm), within(1e-6f));
		assertThat(vector.get("cg=pa")).as("alone in its block").isCloseTo(1f, within(1e-6f));
	}

	@Test
	void leavesOutTermsNeverSeenInFitting() {
		assertThat(asMap(weights.weigh(Map.of("w=gojek", 1, "w=paket", 1)))).containsOnlyKeys("w=paket");
		assertThat(weights.weigh(Map.of("w=gojek", 1)).terms()).isEmpty();
	}

	private static Map<String, Float> asMap(TfIdfWeights.Vector vector) {
		Map<String, Float> map = new HashMap<>();
		for (int i = 0; i < vector.terms().length; i++) {
			map.put(vector.terms()[i], vector.values()[i]);
		}
		return map;
	}

}
