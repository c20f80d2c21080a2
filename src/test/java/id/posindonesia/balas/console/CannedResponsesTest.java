package id.posindonesia.balas.console;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CannedResponsesTest {

	@Test
	void theContactCentersResponsesAreReadInTheirOrder() {
		List<CannedResponse> responses = new CannedResponses().list();

		assertThat(responses).hasSizeGreaterThanOrEqualTo(10);
		assertThat(responses).extracting(CannedResponse::key).startsWith("salam").endsWith("penutup")
			.allMatch(key -> key.matches("[a-z_]+"));
		assertThat(responses).allSatisfy(response -> {
			assertThat(response.title()).hasSizeLessThanOrEqualTo(40);
			assertThat(response.text()).doesNotContain("\t").hasSizeLessThanOrEqualTo(CannedResponses.MAX_TEXT_LENGTH);
		});
		assertThat(responses).extracting(CannedResponse::text)
			.anyMatch(text -> text.contains("1500161") && text.contains("halopos@posindonesia.co.id"))
			.anyMatch(text -> text.contains("{agen}"));
	}

	@Test
	void escapedNewLinesBecomeNewLines() throws IOException {
		assertThat(CannedResponses.parse(new StringReader("# comment\n\nk\tTitle\tone\\ntwo\n"), "test.tsv"))
			.containsExactly(new CannedResponse("k", "Title", "one\ntwo"));
	}

	@Test
	void aMalformedFileIsRefusedWithItsLine() {
		assertThatThrownBy(() -> CannedResponses.parse(new StringReader("a\tA\ttext\nb\tno text\n"), "x.tsv"))
			.hasMessageStartingWith("x.tsv:2: expected key, title and text");
		assertThatThrownBy(() -> CannedResponses.parse(new StringReader("a\tA\t \n"), "x.tsv"))
			.hasMessageStartingWith("x.tsv:1: expected key, title and text");
		assertThatThrownBy(() -> CannedResponses.parse(new StringReader("a\tA\ttext\na\tB\tother\n"), "x.tsv"))
			.hasMessage("x.tsv:2: the key 'a' is used twice");
		assertThatThrownBy(() -> CannedResponses.parse(new StringReader("a\tA\t" + "x".repeat(1001) + "\n"), "x.tsv"))
			.hasMessageContaining("longer than Instagram's 1000 characters");
	}

}
