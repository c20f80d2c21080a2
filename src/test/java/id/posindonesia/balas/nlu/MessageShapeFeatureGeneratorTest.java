package id.posindonesia.balas.nlu;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageShapeFeatureGeneratorTest {

	private final MessageShapeFeatureGenerator generator = new MessageShapeFeatureGenerator();

	@Test
	void describesLengthAndFirstAndLastTokens() {
		assertThat(generator.extractFeatures(new String[] { "halo", "pos" }, Map.of())).containsExactly("len=2",
				"first=halo", "last=pos");
		assertThat(generator.extractFeatures("halo pos nomor call center nya berapa ya".split(" "), Map.of()))
			.containsExactly("len=7-12", "first=halo", "last=ya");
	}

	@Test
	void describesAnEmptyMessage() {
		assertThat(generator.extractFeatures(new String[0], Map.of())).containsExactly("len=0");
	}

}
