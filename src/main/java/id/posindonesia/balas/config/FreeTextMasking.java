package id.posindonesia.balas.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Masks the personal data a customer writes in free text: phone numbers, names introduced by the usual markers, and
 * names known to belong to the conversation. See {@link Masking#text(String, Collection)} for the rule.
 */
final class FreeTextMasking {

	static final String MASK = "•••";

	// Indonesian mobile numbers however written: 0812-3456-7890, +62 812 3456 7890, 6281234567890
	private static final Pattern PHONE = Pattern.compile("(?:\\+?62[\\s-]?|0)8[\\d\\s-]{7,14}\\d");

	// words that introduce a name: a/n (atas nama, "in the name of"), nama, penerima, pengirim, and titles;
	// full-word titles take no dot, so that "Kak. Data kiriman …" is no name
	private static final String MARKER = "(?i:a\\s?/\\s?n\\.?|a\\.\\s?n\\.?|atas\\s+nama"
			+ "|(?:nama(?:nya)?|penerima(?:nya)?|pengirim(?:nya)?)(?:\\s+(?:saya|aku|sy|lengkap|adalah|yaitu|yakni))?"
			+ "|(?:bpk|bp|sdri|sdr|mrs|mr|ms)\\.?|bapak|ibu|bu|pak|mas|mbak|kak)";

	private static final String TITLE = "(?i:(?:bpk|bp|sdri|sdr|mrs|mr|ms)\\.?|bapak|ibu|bu|pak|mas|mbak|kak)";

	// a capitalised word, or an initial with its dot ("M. Rizky")
	private static final String NAME_WORD = "(?:\\p{Lu}[\\p{L}'’-]+|\\p{Lu}\\.)";

	private static final int MAX_NAME_WORDS = 4;

	private static final Pattern INTRODUCED_NAME = Pattern.compile("(?<![\\p{L}\\p{N}])" + MARKER
			+ "(?:\\s*[:=-]\\s*|\\s+)(?:" + TITLE + "\\s+)?(" + NAME_WORD + "(?:[ \\t]+" + NAME_WORD + "){0,"
			+ (MAX_NAME_WORDS - 1) + "})(?![\\p{L}\\p{N}])");

	// capitalised words after a marker that name no person: "Pak Pos" (the postman), "Kak Admin", "Ibu Kota"
	private static final Set<String> NOT_NAMES = Set.of("pos", "indonesia", "admin", "min", "kurir", "petugas",
			"kantor", "kota", "halo", "balas", "cs", "customer", "satpam", "rt", "rw");

	// a record's name words that mask nothing: titles, initials
	private static final Set<String> NOT_NAME_TOKENS = Set.of("bpk", "bapak", "ibu", "sdr", "sdri", "pak", "mas",
			"mbak", "kak", "mr", "mrs", "ms", "tn", "ny", "nn");

	private static final int MIN_NAME_TOKEN = 3;

	private FreeTextMasking() {
	}

	static String mask(String text, Collection<String> knownNames) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String masked = PHONE.matcher(text).replaceAll(phone -> {
			String digits = phone.group().replaceAll("\\D", "");
			return "••••" + digits.substring(digits.length() - 2);
		});
		masked = maskIntroducedNames(masked);
		return maskKnownNames(masked, knownNames);
	}

	private static String maskIntroducedNames(String text) {
		Matcher name = INTRODUCED_NAME.matcher(text);
		StringBuilder masked = new StringBuilder();
		while (name.find()) {
			String first = name.group(1).split("[ \\t]+")[0].replaceAll("\\.$", "").toLowerCase(Locale.ROOT);
			String replacement = NOT_NAMES.contains(first) ? name.group()
					: text.substring(name.start(), name.start(1)) + MASK;
			name.appendReplacement(masked, Matcher.quoteReplacement(replacement));
		}
		name.appendTail(masked);
		return masked.toString();
	}

	/** Every word of the names, in any case, as a whole word; longest first so that no word is cut. */
	private static String maskKnownNames(String text, Collection<String> knownNames) {
		String words = knownNames.stream()
			.flatMap(name -> Set.of(name.split("[^\\p{L}]+")).stream())
			.filter(word -> word.codePointCount(0, word.length()) >= MIN_NAME_TOKEN)
			.map(word -> word.toLowerCase(Locale.ROOT))
			.filter(word -> !NOT_NAME_TOKENS.contains(word))
			.distinct()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.map(Pattern::quote)
			.collect(Collectors.joining("|"));
		if (words.isEmpty()) {
			return text;
		}
		return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + words + ")(?![\\p{L}\\p{N}])",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).replaceAll(MASK);
	}

}
