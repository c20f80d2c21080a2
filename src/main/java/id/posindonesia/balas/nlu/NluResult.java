package id.posindonesia.balas.nlu;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the NLU understood of one message.
 *
 * @param text the message as received
 * @param intent the decision: the best intent, or {@link Intent#OUT_OF_SCOPE} when the classifier
 * is not sure enough (then its confidence is the threshold it did not reach)
 * @param intentRanking the classifier's own scores for every intent, best first
 * @param entities barcodes and phone numbers, in order of appearance
 * @param language the language to answer in
 */
public record NluResult(String text, IntentScore intent,
		@JsonProperty("intent_ranking") List<IntentScore> intentRanking, List<Entity> entities, Language language) {

	public NluResult {
		intentRanking = List.copyOf(intentRanking);
		entities = List.copyOf(entities);
	}

}
