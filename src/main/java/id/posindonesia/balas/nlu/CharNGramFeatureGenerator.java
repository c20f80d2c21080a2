package id.posindonesia.balas.nlu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import opennlp.tools.doccat.FeatureGenerator;

/**
 * Character n-grams inside each word, so that a typo or an unseen inflection ("pengaduannya",
 * "kirimanku") still shares most of its features with the words seen in training. Words are padded
 * with {@code <} and {@code >} so that prefixes and suffixes get features of their own; n-grams never
 * span two words. Placeholders and numbers carry no spelling, so they are left to the word features.
 */
final class CharNGramFeatureGenerator implements FeatureGenerator {

	private final int minLength;

	private final int maxLength;

	CharNGramFeatureGenerator(int minLength, int maxLength) {
		if (minLength < 1 || maxLength < minLength) {
			throw new IllegalArgumentException("Invalid n-gram lengths " + minLength + ".." + maxLength);
		}
		this.minLength = minLength;
		this.maxLength = maxLength;
	}

	@Override
	public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
		List<String> features = new ArrayList<>();
		for (String token : tokens) {
			if (hasSpelling(token)) {
				addNGrams("<" + token + ">", features);
			}
		}
		return features;
	}

	private void addNGrams(String paddedWord, List<String> features) {
		for (int start = 0; start < paddedWord.length(); start++) {
			int longestEnd = Math.min(paddedWord.length(), start + maxLength);
			for (int end = start + minLength; end <= longestEnd; end++) {
				features.add("cg=" + paddedWord.substring(start, end));
			}
		}
	}

	private static boolean hasSpelling(String token) {
		return !TextNormalizer.isPlaceholder(token) && Character.isLetter(token.codePointAt(0));
	}

}
