package id.posindonesia.balas.nlu;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TF-IDF weights learned from a set of documents, as scikit-learn's {@code TfidfTransformer} computes
 * them by default: raw term counts times the smoothed inverse document frequency
 * {@code ln((1 + n) / (1 + df)) + 1}, each block of features scaled to unit length. A block is the
 * features that share a prefix before {@code =} ("cg=" for character n-grams, "w=" for words…), so that
 * a long message's hundreds of character n-grams do not drown its few words, and so that a long message
 * is not more certain than a short one merely for having more features.
 */
public final class TfIdfWeights {

	private final Map<String, Double> inverseDocumentFrequency;

	private TfIdfWeights(Map<String, Double> inverseDocumentFrequency) {
		this.inverseDocumentFrequency = inverseDocumentFrequency;
	}

	/** Learns the inverse document frequencies of the terms of some documents, given as term counts. */
	public static TfIdfWeights fit(List<Map<String, Integer>> documents) {
		Map<String, Integer> documentFrequency = new HashMap<>();
		documents.forEach(document -> document.keySet().forEach(term -> documentFrequency.merge(term, 1, Integer::sum)));
		Map<String, Double> idf = new HashMap<>();
		documentFrequency.forEach((term, frequency) -> idf.put(term,
				Math.log((1.0 + documents.size()) / (1.0 + frequency)) + 1));
		return new TfIdfWeights(Map.copyOf(idf));
	}

	/** The weighted vector of a document; terms never seen in fitting are left out. */
	public Vector weigh(Map<String, Integer> counts) {
		Map<String, Double> weights = new HashMap<>();
		Map<String, Double> squaresByBlock = new HashMap<>();
		counts.forEach((term, count) -> {
			Double idf = inverseDocumentFrequency.get(term);
			if (idf != null) {
				double weight = count * idf;
				weights.put(term, weight);
				squaresByBlock.merge(block(term), weight * weight, Double::sum);
			}
		});
		String[] terms = new String[weights.size()];
		float[] values = new float[weights.size()];
		int next = 0;
		for (Map.Entry<String, Double> weight : weights.entrySet()) {
			terms[next] = weight.getKey();
			values[next++] = (float) (weight.getValue() / Math.sqrt(squaresByBlock.get(block(weight.getKey()))));
		}
		return new Vector(terms, values);
	}

	/** The inverse document frequency of each term seen in fitting. */
	Map<String, Double> inverseDocumentFrequencies() {
		return inverseDocumentFrequency;
	}

	private static String block(String term) {
		int separator = term.indexOf('=');
		return separator < 0 ? "" : term.substring(0, separator);
	}

	/**
	 * A weighted document, in the form OpenNLP's maximum-entropy models take it.
	 *
	 * @param terms the features
	 * @param values their weights, in the same order
	 */
	public record Vector(String[] terms, float[] values) {
	}

}
