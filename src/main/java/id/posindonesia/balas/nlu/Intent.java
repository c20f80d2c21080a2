package id.posindonesia.balas.nlu;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a customer wants from a message. Each constant has a training file named after its
 * {@link #label() label} under {@code intents/training/}.
 */
public enum Intent {

	TRACK_PARCEL, CONTACT_CENTER, COMPLAINT_WEBSITE, COMPLAINT, HUMAN_AGENT, GREETING, THANKS, SUGGESTION,
	OUT_OF_SCOPE;

	@JsonValue
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Intent fromLabel(String label) {
		return Arrays.stream(values())
			.filter(intent -> intent.label().equals(label))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown intent '" + label + "'"));
	}

}
