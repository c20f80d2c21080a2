package id.posindonesia.balas.config;

import java.util.Collection;
import java.util.List;

/**
 * Personal data never reaches the logs whole: customer ids keep only their last digits, and text a customer wrote
 * (or an answer echoing it) has its phone numbers and names masked. Log statements pass such values through here,
 * and so do the masked views of a conversation.
 */
public final class Masking {

	private Masking() {
	}

	/** {@code 1784145269160} → {@code …9160}. */
	public static String id(String id) {
		if (id == null || id.length() <= 4) {
			return "…";
		}
		return "…" + id.substring(id.length() - 4);
	}

	/** {@link #text(String, Collection)} when no names are known. */
	public static String text(String text) {
		return text(text, List.of());
	}

	/**
	 * Free text with its personal data masked: Indonesian mobile numbers keep their last two digits
	 * ({@code 0812-3456-7890} → {@code ••••90}); one to four capitalised words after a name marker ({@code a/n},
	 * {@code a.n.}, {@code atas nama}, {@code nama}, {@code penerima}, {@code pengirim}, or a title such as
	 * {@code Bpk}, {@code Ibu}, {@code Sdr}, {@code Kak}, {@code Mr}) become {@code •••}, unless the first of them
	 * names no person ({@code Pak Pos}, {@code Kak Admin}); and every word of {@code knownNames} (those on the
	 * conversation's shipment records, say) of three letters or more is masked wherever it appears, in any case.
	 * Names written in lower case without a known record, or without a marker, are not found.
	 */
	public static String text(String text, Collection<String> knownNames) {
		return FreeTextMasking.mask(text, knownNames);
	}

}
