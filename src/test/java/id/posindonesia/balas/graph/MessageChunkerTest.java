package id.posindonesia.balas.graph;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageChunkerTest {

	@Test
	void shortTextIsOneMessage() {
		assertThat(MessageChunker.split("  Halo Kak!  ")).containsExactly("Halo Kak!");
	}

	@Test
	void longTextIsSplitBetweenWordsWithinTheByteLimit() {
		String text = "kiriman ".repeat(300).strip();

		List<String> chunks = MessageChunker.split(text);

		assertThat(chunks).hasSizeGreaterThan(2)
			.allSatisfy(chunk -> assertThat(bytes(chunk)).isLessThanOrEqualTo(MessageChunker.MAX_BYTES))
			.allSatisfy(chunk -> assertThat(chunk.split(" ")).containsOnly("kiriman"));
		assertThat(String.join(" ", chunks)).isEqualTo(text);
	}

	@Test
	void multiByteCharactersCountInBytesAndAreNeverCut() {
		String text = "🙏 terima kasih ".repeat(120).strip();

		List<String> chunks = MessageChunker.split(text);

		assertThat(chunks).allSatisfy(chunk -> {
			assertThat(bytes(chunk)).isLessThanOrEqualTo(MessageChunker.MAX_BYTES);
			assertThat(chunk).doesNotContain("\uFFFD");
		});
		assertThat(String.join(" ", chunks)).isEqualTo(text);
	}

	@Test
	void aWordLongerThanTheLimitIsCutBetweenCharacters() {
		String word = "é".repeat(700);

		List<String> chunks = MessageChunker.split(word);

		assertThat(chunks).hasSize(2);
		assertThat(bytes(chunks.get(0))).isEqualTo(1000);
		assertThat(String.join("", chunks)).isEqualTo(word);
	}

	@Test
	void exactlyOneThousandBytesIsOneMessage() {
		assertThat(MessageChunker.split("a".repeat(1000))).hasSize(1);
		assertThat(MessageChunker.split("a".repeat(1001))).hasSize(2);
	}

	private static int bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
