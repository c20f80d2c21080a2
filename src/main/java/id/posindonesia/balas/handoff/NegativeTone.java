package id.posindonesia.balas.handoff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * A simple, documented signal of an unhappy customer until a sentiment model exists: a word or phrase of
 * {@code intents/negative-tone.txt}, three exclamation marks in a row, or a message shouted in capitals.
 */
@Component
class NegativeTone {

	private static final Pattern EXCLAMATIONS = Pattern.compile("!{3,}|[!?]{4,}");

	private static final int SHOUTING_MIN_LETTERS = 12;

	private final Pattern words;

	NegativeTone() {
		this(load("intents/negative-tone.txt"));
	}

	NegativeTone(List<String> phrases) {
		this.words = Pattern.compile("\\b(?:" + String.join("|", phrases.stream().map(Pattern::quote).toList()) + ")\\b");
	}

	boolean in(String text) {
		if (text == null || text.isBlank()) {
			return false;
		}
		return words.matcher(text.toLowerCase(Locale.ROOT)).find() || EXCLAMATIONS.matcher(text).find() || shouted(text);
	}

	private static boolean shouted(String text) {
		long letters = text.chars().filter(Character::isLetter).count();
		long capitals = text.chars().filter(Character::isUpperCase).count();
		// names and barcodes are written in capitals too: only a long message all in capitals is shouting
		return letters >= SHOUTING_MIN_LETTERS && capitals * 10 >= letters * 9 && text.strip().split("\\s+").length >= 4;
	}

	private static List<String> load(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8)
				.lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + path, ex);
		}
	}

}
