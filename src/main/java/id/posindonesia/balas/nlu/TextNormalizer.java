package id.posindonesia.balas.nlu;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Turns a customer's message into the tokens the classifier sees, so that the many ways of writing
 * the same thing in a DM ("MAKASIIII 🙏", "makasih", "mksh") look alike.
 */
final class TextNormalizer {

	private static final Pattern LATIN_DIACRITICS = Pattern.compile("(?<=\\p{IsLatin})\\p{M}+");

	private static final Pattern FANCY_APOSTROPHES = Pattern.compile("[\u2018\u2019\u201B\u02BC\u0060\u00B4]");

	// "assalamu'alaikum" and "assalamualaikum" are the same word; so are "don't" and "dont"
	private static final Pattern APOSTROPHE_INSIDE_WORD = Pattern.compile("(?<=\\p{L})'(?=\\p{L})");

	// customers write the courier J&T as "j&t", "j & t" and "jnt"; split at the ampersand it would be two
	// stray letters that say nothing about another courier
	private static final Pattern J_AND_T = Pattern.compile("(?<![\\p{L}\\p{N}])j\\s?&\\s?t(?![\\p{L}\\p{N}])");

	// three or more of the same letter are stretched for emphasis ("halooo", "tolongggg")
	private static final Pattern ELONGATION = Pattern.compile("(\\p{L})\\1{2,}");

	private final Map<String, List<String>> lexiconTokens;

	TextNormalizer(Lexicon lexicon) {
		Map<String, List<String>> tokens = new HashMap<>();
		lexicon.entries()
			.forEach((variant, standardForm) -> tokens.put(variant, tokenize(clean(standardForm), Map.of()).tokens()));
		this.lexiconTokens = Map.copyOf(tokens);
	}

	NormalizedText normalize(String text) {
		return tokenize(clean(text), lexiconTokens);
	}

	static boolean isPlaceholder(String token) {
		return token.length() > 4 && token.startsWith("__") && token.endsWith("__");
	}

	private static String clean(String text) {
		String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		String withoutDiacritics = Normalizer.normalize(
				LATIN_DIACRITICS.matcher(Normalizer.normalize(compatible, Normalizer.Form.NFD)).replaceAll(""),
				Normalizer.Form.NFC);
		String joined = J_AND_T.matcher(withoutDiacritics).replaceAll("jnt");
		return APOSTROPHE_INSIDE_WORD.matcher(FANCY_APOSTROPHES.matcher(joined).replaceAll("'")).replaceAll("");
	}

	private static NormalizedText tokenize(String text, Map<String, List<String>> lexicon) {
		List<String> words = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		int position = 0;
		while (position < text.length()) {
			int codePoint = text.codePointAt(position);
			if (Character.isLetter(codePoint)) {
				int end = endOfWord(text, position);
				String word = text.substring(position, end);
				addWord(word, lexicon, words, tokens);
				if (isReduplicationMark(text, end)) {
					// informal Indonesian writes "kata-kata" as "kata2"
					addWord(word, lexicon, words, tokens);
					end++;
				}
				position = end;
			}
			else if (Character.isDigit(codePoint)) {
				int end = position;
				while (end < text.length() && Character.isDigit(text.charAt(end))) {
					end++;
				}
				tokens.add(text.substring(position, end));
				position = end;
			}
			else {
				String symbolToken = symbolToken(codePoint);
				if (symbolToken != null && (tokens.isEmpty() || !tokens.get(tokens.size() - 1).equals(symbolToken))) {
					tokens.add(symbolToken);
				}
				position += Character.charCount(codePoint);
			}
		}
		return new NormalizedText(words, tokens);
	}

	private static @Nullable String symbolToken(int codePoint) {
		for (EntityType type : EntityType.values()) {
			if (codePoint == type.placeholder()) {
				return type.placeholderToken();
			}
		}
		EmojiMood mood = EmojiMood.of(codePoint);
		return mood != null ? mood.token() : null;
	}

	private static int endOfWord(String text, int start) {
		int end = start;
		while (end < text.length()) {
			int codePoint = text.codePointAt(end);
			if (!Character.isLetter(codePoint) && Character.getType(codePoint) != Character.NON_SPACING_MARK
					&& Character.getType(codePoint) != Character.COMBINING_SPACING_MARK) {
				break;
			}
			end += Character.charCount(codePoint);
		}
		return end;
	}

	private static boolean isReduplicationMark(String text, int position) {
		return position < text.length() && text.charAt(position) == '2'
				&& (position + 1 == text.length() || !Character.isLetterOrDigit(text.codePointAt(position + 1)));
	}

	private static void addWord(String word, Map<String, List<String>> lexicon, List<String> words,
			List<String> tokens) {
		String squeezed = ELONGATION.matcher(word).replaceAll("$1");
		words.add(squeezed);
		List<String> standardForm = lexicon.get(word);
		if (standardForm == null) {
			standardForm = lexicon.get(squeezed);
		}
		if (standardForm != null) {
			tokens.addAll(standardForm);
		}
		else {
			tokens.add(squeezed);
		}
	}

	/**
	 * A normalised message.
	 *
	 * @param words the message's words as the customer spelled them, in lower case and without
	 * stretched letters, but before the lexicon
	 * @param tokens what the classifier sees: words in their standard form, numbers, and placeholder
	 * tokens for entities and emoji
	 */
	record NormalizedText(List<String> words, List<String> tokens) {

		NormalizedText {
			words = List.copyOf(words);
			tokens = List.copyOf(tokens);
		}

	}

}
