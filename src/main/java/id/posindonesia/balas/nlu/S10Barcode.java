package id.posindonesia.balas.nlu;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * UPU S10 item identifiers such as {@code RR007321866ID}: a two-letter service indicator, an eight
 * digit serial number, a check digit and the ISO country code of the posting country.
 */
final class S10Barcode {

	private static final int[] WEIGHTS = { 8, 6, 4, 2, 3, 5, 9, 7 };

	private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}\\d{9}[A-Z]{2}");

	private static final Set<String> COUNTRY_CODES = Set.of(Locale.getISOCountries());

	private S10Barcode() {
	}

	/**
	 * Whether a compact, upper-case identifier is a genuine S10 code: its check digit matches its
	 * serial number and it ends in a real country code.
	 */
	static boolean isValid(String identifier) {
		return SHAPE.matcher(identifier).matches() && COUNTRY_CODES.contains(identifier.substring(11))
				&& checkDigit(identifier.substring(2, 10)) == identifier.charAt(10) - '0';
	}

	/** The check digit of an eight-digit serial number. */
	static int checkDigit(String serialNumber) {
		int sum = 0;
		for (int i = 0; i < WEIGHTS.length; i++) {
			sum += WEIGHTS[i] * (serialNumber.charAt(i) - '0');
		}
		int check = 11 - sum % 11;
		return switch (check) {
			case 10 -> 0;
			case 11 -> 5;
			default -> check;
		};
	}

}
