package id.posindonesia.balas.nlu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import id.posindonesia.balas.nlu.EntityExtractor.EntityScan;
import id.posindonesia.balas.nlu.TextNormalizer.NormalizedText;

/**
 * Prepares a message for the classifier, the same way for training examples and live messages:
 * entities are found in the original text, then replaced by placeholders so that the model learns
 * "contains a tracking number" rather than particular digits, then the text is normalised, and the
 * request inside the message's polite opening and closing is set apart.
 */
final class MessageAnalyzer {

	private final EntityExtractor entityExtractor;

	private final TextNormalizer normalizer;

	private final PoliteWrappers wrappers;

	MessageAnalyzer(EntityExtractor entityExtractor, TextNormalizer normalizer, PoliteWrappers wrappers) {
		this.entityExtractor = entityExtractor;
		this.normalizer = normalizer;
		this.wrappers = wrappers;
	}

	AnalyzedMessage analyze(String text) {
		EntityScan scan = entityExtractor.scan(text);
		NormalizedText normalized = normalizer.normalize(withPlaceholders(text, scan));
		return new AnalyzedMessage(scan.entities(), normalized.words(), normalized.tokens(),
				wrappers.request(normalized.tokens()));
	}

	private static String withPlaceholders(String text, EntityScan scan) {
		List<Entity> spans = new ArrayList<>(scan.entities());
		spans.addAll(scan.lookalikes());
		spans.sort(Comparator.comparingInt(Entity::start));
		StringBuilder masked = new StringBuilder(text.length());
		int copiedUpTo = 0;
		for (Entity span : spans) {
			masked.append(text, copiedUpTo, span.start()).append(' ').append(span.type().placeholder()).append(' ');
			copiedUpTo = span.end();
		}
		return masked.append(text, copiedUpTo, text.length()).toString();
	}

	/**
	 * A message ready for classification.
	 *
	 * @param entities the entities to report
	 * @param words the customer's own words, for language detection
	 * @param tokens the classifier's input
	 * @param request the tokens between the polite opening and closing; all tokens when the message is
	 * nothing but those
	 */
	record AnalyzedMessage(List<Entity> entities, List<String> words, List<String> tokens, List<String> request) {

		boolean hasWrapper() {
			return request.size() < tokens.size();
		}

	}

}
