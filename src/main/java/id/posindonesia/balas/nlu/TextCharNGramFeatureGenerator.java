package id.posindonesia.balas.nlu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import opennlp.tools.doccat.FeatureGenerator;

/**
 * Character n-grams of the whole normalised message, spaces included, as a textbook character
 * analyser takes them: besides sharing most features between a typo and its word, the n-grams that
 * span a space link neighbouring words ("a d" of "sudah diterima"), which single-word n-grams cannot.
 * Placeholders count as one character each, so that a barcode is not spelled out.
 */
final class TextCharNGramFeatureGenerator implements FeatureGenerator {

	static final String PREFIX = "tc=";

	private final int minLength;

	private final int maxLength;

	TextCharNGramFeatureGenerator(int minLength, int maxLength) {
		if (minLength < 1 || maxLength < minLength) {
			throw new IllegalArgumentException("Invalid n-gram lengths " + minLength + ".." + maxLength);
		}
		this.minLength = minLength;
		this.maxLength = maxLength;
	}

	@Override
	public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
		String text = text(Arrays.asList(tokens));
		List<String> features = new ArrayList<>();
		forEachNGram(text.length(), (start, end) -> features.add(PREFIX + text.substring(start, end)));
		return features;
	}

	/** The text that the n-grams are taken from. */
	static String text(List<String> tokens) {
		StringBuilder text = new StringBuilder();
		for (String token : tokens) {
			if (!text.isEmpty()) {
				text.append(' ');
			}
			text.append(TextNormalizer.isPlaceholder(token) ? "#" : token);
		}
		return text.toString();
	}

	/** Hands over the bounds of each n-gram of a text, for callers that need no String of it. */
	void forEachNGram(int textLength, NGramBounds action) {
		for (int length = minLength; length <= maxLength; length++) {
			for (int start = 0; start + length <= textLength; start++) {
				action.accept(start, start + length);
			}
		}
	}

	@FunctionalInterface
	interface NGramBounds {

		void accept(int start, int end);

	}

}
