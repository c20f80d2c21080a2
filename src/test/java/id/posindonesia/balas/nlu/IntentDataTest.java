package id.posindonesia.balas.nlu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class IntentDataTest {

	@Test
	void findsEveryIntentAndTheLexiconOnTheClasspath() {
		IntentData data = IntentData.from(null);

		assertThat(data.training()).extracting(LabeledText::intent).containsOnly(Intent.values());
		assertThat(data.test()).extracting(LabeledText::intent).containsOnly(Intent.values());
		assertThat(data.training()).extracting(LabeledText::text)
			.allSatisfy(text -> assertThat(text).isNotBlank().doesNotStartWith("#").isEqualTo(text.strip()));
		assertThat(data.lexicon().size()).isGreaterThan(100);
	}

	@Test
	void noHeldOutLineIsAlsoATrainingLine() {
		IntentData data = IntentData.from(null);
		Set<String> trainingLines = data.training().stream().map(IntentDataTest::comparable).collect(Collectors.toSet());

		assertThat(data.test()).extracting(LabeledText::text)
			.filteredOn(text -> trainingLines.contains(comparable(text)))
			.as("intents/test/ lines that are also training lines")
			.isEmpty();
		assertThat(data.realistic()).extracting(LabeledText::text)
			.filteredOn(text -> trainingLines.contains(comparable(text)))
			.as("intents/test-realistic/ lines that are also training lines")
			.isEmpty();
	}

	@Test
	void readsTheRealisticSetWithEveryRightIntentPreferredFirst(@TempDir Path intents) throws IOException {
		write(intents.resolve("test-realistic/messages.tsv"), "labels\ttext", "# a comment",
				"complaint | track_parcel\tstatus diterima tapi barang belum ada , mohon dicek",
				"out_of_scope\tsiang min, sinyal hilang dari pagi");

		List<LabeledText> realistic = IntentData.from(intents).realistic();

		assertThat(realistic).containsExactly(
				new LabeledText(List.of(Intent.COMPLAINT, Intent.TRACK_PARCEL),
						"status diterima tapi barang belum ada , mohon dicek"),
				new LabeledText(Intent.OUT_OF_SCOPE, "siang min, sinyal hilang dari pagi"));
		assertThat(realistic.get(0).intent()).isEqualTo(Intent.COMPLAINT);
		assertThat(realistic.get(0).accepts(Intent.TRACK_PARCEL)).isTrue();
		assertThat(realistic.get(1).accepts(Intent.GREETING)).isFalse();
	}

	@Test
	void readsASetInTheRealisticFormatFromAnyFile(@TempDir Path folder) throws IOException {
		Path probe = folder.resolve("probe.tsv");
		write(probe, "labels\ttext", "track_parcel|complaint\tpaket blm smpe min", "", "thanks\tmakasih");

		assertThat(IntentData.labeledMessages(probe)).containsExactly(
				new LabeledText(List.of(Intent.TRACK_PARCEL, Intent.COMPLAINT), "paket blm smpe min"),
				new LabeledText(Intent.THANKS, "makasih"));
		write(probe, "labels\ttext", "thanks\tmakasih", "makasih juga");
		assertThatIllegalArgumentException().isThrownBy(() -> IntentData.labeledMessages(probe))
			.withMessageContaining("probe.tsv line 3");
	}

	@Test
	void hasNoRealisticSetWhenTheFolderHasNone(@TempDir Path intents) throws IOException {
		write(intents.resolve("training/greeting.txt"), "halo");

		assertThat(IntentData.from(intents).realistic()).isEmpty();
	}

	@Test
	void refusesARealisticLineWithoutLabels(@TempDir Path intents) throws IOException {
		write(intents.resolve("test-realistic/messages.tsv"), "labels\ttext", "halo min");

		assertThatIllegalArgumentException().isThrownBy(() -> IntentData.from(intents).realistic())
			.withMessageContaining("line 2");
	}

	@Test
	void readsADirectoryInsteadWhenOneIsConfigured(@TempDir Path intents) throws IOException {
		write(intents.resolve("training/greeting.txt"), "# greetings", "halo", "", "  hai min  ");
		write(intents.resolve("training/thanks.txt"), "makasih");
		write(intents.resolve("test/thanks.txt"), "trims");
		write(intents.resolve("lexicon.tsv"), "# slang", "trims\tterima kasih");

		IntentData data = IntentData.from(intents);

		assertThat(data.training()).containsExactly(new LabeledText(Intent.GREETING, "halo"),
				new LabeledText(Intent.GREETING, "hai min"), new LabeledText(Intent.THANKS, "makasih"));
		assertThat(data.test()).containsExactly(new LabeledText(Intent.THANKS, "trims"));
		assertThat(data.lexicon().standardFormOf("trims")).isEqualTo("terima kasih");
	}

	@Test
	void carriesOnWithoutALexicon(@TempDir Path intents) throws IOException {
		write(intents.resolve("training/greeting.txt"), "halo");

		assertThat(IntentData.from(intents).lexicon().size()).isZero();
	}

	@Test
	void refusesAFileNamedAfterNoIntent(@TempDir Path intents) throws IOException {
		write(intents.resolve("training/complain.txt"), "paket rusak");

		assertThatIllegalArgumentException().isThrownBy(() -> IntentData.from(intents).training())
			.withMessageContaining("complain");
	}

	@Test
	void refusesToTrainOnNothing(@TempDir Path intents) {
		assertThatIllegalStateException().isThrownBy(() -> IntentData.from(intents).training())
			.withMessageContaining("training");
	}

	private static String comparable(LabeledText example) {
		return comparable(example.text());
	}

	private static String comparable(String line) {
		return line.strip().toLowerCase(Locale.ROOT);
	}

	private static void write(Path file, String... lines) throws IOException {
		Files.createDirectories(file.getParent());
		Files.write(file, List.of(lines));
	}

}
