package id.posindonesia.balas.nlu;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kinds of entity found in a message: a Pos Indonesia barcode, a mobile number, or another
 * courier's waybill number, which Balas must not treat as one of ours.
 */
public enum EntityType {

	BARCODE('\uE000'), PHONE('\uE001'), OTHER_WAYBILL('\uE002');

	// a private-use character cannot be typed by a customer, so it cannot collide with their text
	private final char placeholder;

	EntityType(char placeholder) {
		this.placeholder = placeholder;
	}

	@JsonValue
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Stands in for the entity in the text handed to the classifier. */
	char placeholder() {
		return placeholder;
	}

	/** The token the classifier sees instead of the entity's value. */
	String placeholderToken() {
		return "__" + label() + "__";
	}

}
