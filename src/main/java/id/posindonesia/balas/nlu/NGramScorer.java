package id.posindonesia.balas.nlu;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import opennlp.tools.ml.ArrayMath;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.Context;

/**
 * Computes what OpenNLP's {@link QNModel#eval(String[], float[])} computes for the TF-IDF weighted
 * features of {@link FeatureSet#WORD_NGRAMS_AND_TEXT_CHAR_NGRAMS}, from the trained parameters
 * directly, without building a String for each of a message's hundreds of n-grams: building and
 * looking up those Strings was most of the cost of classifying a message. Each n-gram is looked up in a
 * hash table of the training vocabulary straight from the message's characters; since different
 * n-grams can share a hash, a hit is confirmed character by character.
 */
final class NGramScorer {

	// the feature names of OpenNLP's NGramFeatureGenerator: "ng=:paket" and "ng=:paket:hilang"
	private static final String WORD_PREFIX = "ng=";

	private static final char WORD_SEPARATOR = ':';

	private static final int NOT_IN_VOCABULARY = -1;

	private final TextCharNGramFeatureGenerator textNGrams;

	private final int outcomeCount;

	private final Block wordNGrams;

	private final Block textCharNGrams;

	NGramScorer(TextCharNGramFeatureGenerator textNGrams, TfIdfWeights weights, QNModel model) {
		this.textNGrams = textNGrams;
		this.outcomeCount = model.getNumOutcomes();
		@SuppressWarnings("unchecked")
		Map<String, Context> parametersByPredicate = (Map<String, Context>) model.getDataStructures()[1];
		Map<String, Double> idf = weights.inverseDocumentFrequencies();
		this.wordNGrams = new Block(WORD_PREFIX, idf, parametersByPredicate, outcomeCount);
		this.textCharNGrams = new Block(TextCharNGramFeatureGenerator.PREFIX, idf, parametersByPredicate, outcomeCount);
		if (wordNGrams.size() + textCharNGrams.size() != idf.size()) {
			throw new IllegalArgumentException("The vocabulary has features other than word and text n-grams");
		}
	}

	/** The probability of each outcome of the model, in the model's order. */
	double[] probabilities(List<String> tokens) {
		// ":paket:hilang", so that a word n-gram is the characters between two word starts
		StringBuilder joinedWords = new StringBuilder();
		int[] wordStarts = new int[tokens.size() + 1];
		for (int i = 0; i < tokens.size(); i++) {
			wordStarts[i] = joinedWords.length();
			joinedWords.append(WORD_SEPARATOR).append(tokens.get(i));
		}
		wordStarts[tokens.size()] = joinedWords.length();
		char[] words = joinedWords.toString().toCharArray();
		TermList foundWordNGrams = new TermList(2 * tokens.size());
		for (int i = 0; i < tokens.size(); i++) {
			foundWordNGrams.add(wordNGrams.termOf(words, wordStarts[i], wordStarts[i + 1]));
			if (i + 2 <= tokens.size()) {
				foundWordNGrams.add(wordNGrams.termOf(words, wordStarts[i], wordStarts[i + 2]));
			}
		}

		char[] text = TextCharNGramFeatureGenerator.text(tokens).toCharArray();
		// four lengths of n-gram, from 2 to 5 characters
		TermList foundTextCharNGrams = new TermList(4 * text.length);
		textNGrams.forEachNGram(text.length,
				(start, end) -> foundTextCharNGrams.add(textCharNGrams.termOf(text, start, end)));

		double[] scores = new double[outcomeCount];
		wordNGrams.addScores(foundWordNGrams, scores);
		textCharNGrams.addScores(foundTextCharNGrams, scores);
		double logSumExp = ArrayMath.logSumOfExps(scores);
		for (int outcome = 0; outcome < outcomeCount; outcome++) {
			scores[outcome] = StrictMath.exp(scores[outcome] - logSumExp);
		}
		return scores;
	}

	// String.hashCode() of chars[start, end)
	static int hash(char[] chars, int start, int end) {
		int hash = 0;
		for (int i = start; i < end; i++) {
			hash = 31 * hash + chars[i];
		}
		return hash;
	}

	/**
	 * The vocabulary of one TF-IDF block (the features named with one prefix, scaled to unit length
	 * together) with the model's parameters, laid out in a few flat arrays: scoring a message reads a
	 * few hundred terms, and once the Strings were gone, reading them from objects all over the heap
	 * cost more than the arithmetic.
	 */
	private static final class Block {

		private final int outcomeCount;

		// each term's name without the prefix, one after the other
		private final char[] names;

		private final int[] nameStarts;

		// per term, its inverse document frequency and then its parameter for each outcome
		private final double[] rows;

		// open addressing with linear probing: a term's hash in the high half, its index plus one in
		// the low half, 0 where the slot is free
		private final long[] slots;

		private final int slotShift;

		Block(String prefix, Map<String, Double> idf, Map<String, Context> parametersByPredicate, int outcomeCount) {
			this.outcomeCount = outcomeCount;
			// the most frequent terms first, so that what most messages read is close together; then by
			// name, so that the sums are made in the same order on every start
			List<String> terms = idf.keySet()
				.stream()
				.filter(term -> term.startsWith(prefix))
				.sorted(Comparator.<String, Double>comparing(idf::get).thenComparing(Comparator.naturalOrder()))
				.toList();
			StringBuilder allNames = new StringBuilder();
			this.nameStarts = new int[terms.size() + 1];
			this.rows = new double[terms.size() * (1 + outcomeCount)];
			this.slots = new long[Integer.highestOneBit(Math.max(1, terms.size())) * 4];
			this.slotShift = Integer.SIZE - Integer.numberOfTrailingZeros(slots.length);
			for (int term = 0; term < terms.size(); term++) {
				String name = terms.get(term).substring(prefix.length());
				nameStarts[term] = allNames.length();
				allNames.append(name);
				int row = term * (1 + outcomeCount);
				rows[row] = idf.get(terms.get(term));
				// a term that the model dropped keeps parameters of 0
				Context context = parametersByPredicate.get(terms.get(term));
				if (context != null) {
					for (int i = 0; i < context.getOutcomes().length; i++) {
						rows[row + 1 + context.getOutcomes()[i]] = context.getParameters()[i];
					}
				}
				int hash = hash(name.toCharArray(), 0, name.length());
				int slot = firstSlot(hash);
				while (slots[slot] != 0) {
					slot = nextSlot(slot);
				}
				slots[slot] = (long) hash << Integer.SIZE | (term + 1);
			}
			nameStarts[terms.size()] = allNames.length();
			this.names = allNames.toString().toCharArray();
		}

		int size() {
			return nameStarts.length - 1;
		}

		// the term named chars[start, end), or NOT_IN_VOCABULARY
		int termOf(char[] chars, int start, int end) {
			int hash = hash(chars, start, end);
			for (int slot = firstSlot(hash); slots[slot] != 0; slot = nextSlot(slot)) {
				int term = (int) slots[slot] - 1;
				if ((int) (slots[slot] >>> Integer.SIZE) == hash
						&& Arrays.equals(names, nameStarts[term], nameStarts[term + 1], chars, start, end)) {
					return term;
				}
			}
			return NOT_IN_VOCABULARY;
		}

		// the terms weighted as TfIdfWeights.weigh weighs them, then summed as QNModel.eval sums them
		void addScores(TermList found, double[] scores) {
			found.count();
			double sumOfSquares = 0;
			for (int i = 0; i < found.size; i++) {
				double weight = found.counts[i] * rows[found.terms[i] * (1 + outcomeCount)];
				sumOfSquares += weight * weight;
			}
			double length = Math.sqrt(sumOfSquares);
			for (int i = 0; i < found.size; i++) {
				int row = found.terms[i] * (1 + outcomeCount);
				// the model was trained on, and OpenNLP evaluates, weights rounded to float
				double value = (float) (found.counts[i] * rows[row] / length);
				for (int outcome = 0; outcome < outcomeCount; outcome++) {
					scores[outcome] += value * rows[row + 1 + outcome];
				}
			}
		}

		private int firstSlot(int hash) {
			// similar names have close hashes, which Fibonacci hashing spreads over the table
			return (hash * 0x9E3779B9) >>> slotShift;
		}

		private int nextSlot(int slot) {
			return (slot + 1) & (slots.length - 1);
		}

	}

	/**
	 * The terms of one block found in a message, as often as they occur; once counted, each term once
	 * with the number of its occurrences.
	 */
	private static final class TermList {

		private int[] terms;

		private int[] counts;

		private int size;

		TermList(int expectedSize) {
			this.terms = new int[Math.max(1, expectedSize)];
		}

		void add(int term) {
			if (term == NOT_IN_VOCABULARY) {
				return;
			}
			if (size == terms.length) {
				terms = Arrays.copyOf(terms, 2 * size);
			}
			terms[size++] = term;
		}

		void count() {
			Arrays.sort(terms, 0, size);
			counts = new int[size];
			int distinct = 0;
			for (int i = 0; i < size; i++) {
				if (distinct > 0 && terms[distinct - 1] == terms[i]) {
					counts[distinct - 1]++;
				}
				else {
					terms[distinct] = terms[i];
					counts[distinct++] = 1;
				}
			}
			size = distinct;
		}

	}

}
