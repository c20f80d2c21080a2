package id.posindonesia.balas.nlu;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A barcode or phone number found in a message.
 *
 * @param type the kind of entity
 * @param value the normalised value: a barcode in upper case without separators, a phone number as
 * {@code 62…} digits
 * @param start offset of the first character in the original text (a Java {@code String} index)
 * @param end offset just past the last character in the original text
 */
public record Entity(@JsonProperty("entity") EntityType type, String value, int start, int end) {

	boolean overlaps(Entity other) {
		return start < other.end && other.start < end;
	}

}
