package id.posindonesia.balas.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The console's canned responses, kept as data in {@value #PATH} (key, title and text per line, in the order the
 * console lists them) so that the contact center changes a wording without a code change. A malformed file stops
 * the start-up rather than leaving agents with a partial list.
 */
@Component
class CannedResponses {

	static final String PATH = "intents/canned-responses.tsv";

	/** Instagram refuses longer text messages. */
	static final int MAX_TEXT_LENGTH = 1000;

	private final List<CannedResponse> responses;

	CannedResponses() {
		try (Reader reader = new InputStreamReader(new ClassPathResource(PATH).getInputStream(), StandardCharsets.UTF_8)) {
			this.responses = parse(reader, PATH);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the canned responses in " + PATH, ex);
		}
	}

	List<CannedResponse> list() {
		return responses;
	}

	static List<CannedResponse> parse(Reader tsv, String source) throws IOException {
		List<CannedResponse> responses = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		BufferedReader lines = new BufferedReader(tsv);
		int number = 0;
		for (String line = lines.readLine(); line != null; line = lines.readLine()) {
			number++;
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] fields = line.split("\t", -1);
			String where = source + ":" + number;
			if (fields.length != 3 || fields[0].isBlank() || fields[1].isBlank() || fields[2].isBlank()) {
				throw new IllegalStateException(where + ": expected key, title and text separated by tabs");
			}
			String key = fields[0].strip();
			if (!keys.add(key)) {
				throw new IllegalStateException(where + ": the key '" + key + "' is used twice");
			}
			String text = fields[2].strip().replace("\\n", "\n");
			if (text.length() > MAX_TEXT_LENGTH) {
				throw new IllegalStateException(where + ": the text is longer than Instagram's " + MAX_TEXT_LENGTH
						+ " characters");
			}
			responses.add(new CannedResponse(key, fields[1].strip(), text));
		}
		return List.copyOf(responses);
	}

}
