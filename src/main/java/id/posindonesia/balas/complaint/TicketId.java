package id.posindonesia.balas.complaint;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ticket ids: {@code PI-}, the year the ticket was opened, {@code -}, and a counter of that year with at least six
 * digits ({@code PI-2026-000123}).
 */
public final class TicketId {

	private static final Pattern WELL_FORMED = Pattern.compile("PI-\\d{4}-\\d{6,9}");

	// as customers type it: any case, with spaces, dots or no separator at all
	private static final Pattern IN_TEXT = Pattern
		.compile("(?<![\\p{L}\\p{N}])PI[\\s.-]?(\\d{4})[\\s.-]?(\\d{6,9})(?!\\p{N})", Pattern.CASE_INSENSITIVE);

	private TicketId() {
	}

	static String of(int year, long counter) {
		return String.format(Locale.ROOT, "PI-%04d-%06d", year, counter);
	}

	public static boolean isWellFormed(String id) {
		return id != null && WELL_FORMED.matcher(id).matches();
	}

	/** The first ticket id in a customer's message, normalised ({@code "pi 2026 000123"} → {@code PI-2026-000123}). */
	public static Optional<String> findIn(String text) {
		Matcher matcher = IN_TEXT.matcher(text);
		return matcher.find() ? Optional.of("PI-" + matcher.group(1) + "-" + matcher.group(2)) : Optional.empty();
	}

}
