package id.posindonesia.balas.nlu;

import java.util.List;

/**
 * An example message and the intents it was written for: one in the training and hand-written test
 * sets; in the realistic set, every answer that is right, the preferred one first.
 *
 * @param labels the right intents, preferred first
 * @param text the message
 */
public record LabeledText(List<Intent> labels, String text) {

	public LabeledText {
		if (labels.isEmpty()) {
			throw new IllegalArgumentException("An example needs at least one intent: " + text);
		}
		labels = List.copyOf(labels);
	}

	public LabeledText(Intent intent, String text) {
		this(List.of(intent), text);
	}

	/** The preferred intent. */
	public Intent intent() {
		return labels.get(0);
	}

	/** Whether answering with this intent is right. */
	public boolean accepts(Intent intent) {
		return labels.contains(intent);
	}

}
