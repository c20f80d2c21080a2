package id.posindonesia.balas.complaint;

import java.util.regex.Pattern;

/** Removes Indonesian mobile numbers from free text that is stored for, or sent to, other people. */
public final class PhoneNumbers {

	static final String REPLACEMENT = "[nomor disembunyikan]";

	// 08…, 62 8… or +62 8…, then eight to eleven digits, optionally grouped by spaces, dots or dashes
	private static final Pattern MOBILE = Pattern
		.compile("(?<![\\p{L}\\p{N}+])(?:\\+62[\\s.-]?|62[\\s.-]?|0)8(?:[\\s.-]?\\d){8,11}(?!\\d)");

	private PhoneNumbers() {
	}

	public static String redact(String text) {
		return MOBILE.matcher(text).replaceAll(REPLACEMENT);
	}

}
