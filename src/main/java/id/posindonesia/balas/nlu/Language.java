package id.posindonesia.balas.nlu;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The language a message is written in, as far as replies are concerned.
 */
public enum Language {

	ID, EN;

	@JsonValue
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
