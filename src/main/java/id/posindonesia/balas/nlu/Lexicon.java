package id.posindonesia.balas.nlu;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Informal spellings and their standard forms ("gk" → "tidak"), read from {@code lexicon.tsv}: one
 * {@code variant<TAB>standard form} a line, {@code #} starts a comment. A variant is a single word;
 * its standard form may be several.
 */
final class Lexicon {

	static final Lexicon EMPTY = new Lexicon(Map.of());

	private static final Logger log = LoggerFactory.getLogger(Lexicon.class);

	private final Map<String, String> standardForms;

	private Lexicon(Map<String, String> standardForms) {
		this.standardForms = Map.copyOf(standardForms);
	}

	/**
	 * Reads lexicon lines; a malformed line is skipped with a warning so that one bad edit to the data
	 * does not stop the application from starting.
	 */
	static Lexicon parse(List<String> lines, String source) {
		Map<String, String> standardForms = new LinkedHashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] columns = line.split("\t");
			String variant = columns.length == 2 ? normalise(columns[0]) : "";
			String standardForm = columns.length == 2 ? normalise(columns[1]) : "";
			if (variant.isEmpty() || standardForm.isEmpty() || variant.contains(" ")) {
				log.warn("Skipping line {} of {}: expected 'variant<TAB>standard form' with a one-word variant", i + 1,
						source);
				continue;
			}
			String previous = standardForms.putIfAbsent(variant, standardForm);
			if (previous != null && !previous.equals(standardForm)) {
				log.warn("Line {} of {} maps '{}' again; keeping the first standard form '{}'", i + 1, source, variant,
						previous);
			}
		}
		return new Lexicon(standardForms);
	}

	private static String normalise(String column) {
		return Normalizer.normalize(column.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
	}

	/** Every variant with its standard form, both in lower case. */
	Map<String, String> entries() {
		return standardForms;
	}

	/** The standard form of a variant, or {@code null} when the word is not a variant. */
	@Nullable String standardFormOf(String word) {
		return standardForms.get(word);
	}

	int size() {
		return standardForms.size();
	}

}
