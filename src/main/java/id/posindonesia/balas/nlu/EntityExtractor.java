package id.posindonesia.balas.nlu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds tracking numbers and Indonesian mobile numbers in a message, with their offsets in the
 * original text.
 */
final class EntityExtractor {

	private static final String NOT_AFTER_WORD = "(?<![\\p{L}\\p{N}])";

	private static final String NOT_BEFORE_WORD = "(?![\\p{L}\\p{N}])";

	// 08…, 62 8… or +62 8…, then eight to eleven more digits, optionally grouped by spaces, dots or dashes
	private static final Pattern PHONE = Pattern
		.compile("(?<![\\p{L}\\p{N}+])(?:\\+62[\\s.-]?|62[\\s.-]?|0)8(?:[\\s.-]?\\d){8,11}(?!\\d)");

	// spaces or dashes are tolerated anywhere inside: "rr 0073 2186 6id", "RR-007321866-ID"
	private static final Pattern S10_SHAPE = Pattern
		.compile(NOT_AFTER_WORD + "[A-Za-z]{2}[\\s-]?(?:\\d[\\s-]?){8}\\d[\\s-]?[A-Za-z]{2}" + NOT_BEFORE_WORD);

	// a cue word, up to three short words ("resi aku", "tracking number"), then a code with a digit in it
	private static final Pattern CUED_DOMESTIC_BARCODE = Pattern.compile("(?iu)" + NOT_AFTER_WORD
			+ "(?:resi|barcode|tracking|awb|kiriman|pengiriman)\\p{L}*(?:[\\s:#.,?!=-]+\\p{L}{1,12}){0,3}?[\\s:#.,?!=-]+"
			+ "((?=[A-Za-z0-9]*\\d)[A-Za-z0-9]+(?:[\\s-]\\d{3,})*)" + NOT_BEFORE_WORD);

	// Pos Indonesia's domestic barcodes are 11 digits so far; a leading 0 is a phone or landline number
	private static final Pattern BARE_DOMESTIC_BARCODE = Pattern
		.compile(NOT_AFTER_WORD + "[1-9]\\d{10,12}" + NOT_BEFORE_WORD);

	private static final Pattern SEPARATORS = Pattern.compile("[^A-Za-z0-9]");

	private static final int MIN_CUED_BARCODE_LENGTH = 10;

	private static final int MAX_CUED_BARCODE_LENGTH = 20;

	/**
	 * Scans a message. Phone numbers are found first so that they are never also taken for a barcode.
	 */
	EntityScan scan(String text) {
		List<Entity> entities = new ArrayList<>();
		List<Entity> lookalikes = new ArrayList<>();
		for (Matcher phone = PHONE.matcher(text); phone.find();) {
			entities.add(new Entity(EntityType.PHONE, normalisePhone(phone.group()), phone.start(), phone.end()));
		}
		for (Matcher s10 = S10_SHAPE.matcher(text); s10.find();) {
			Entity barcode = barcode(text, s10.start(), s10.end());
			if (!overlapsAny(barcode, entities)) {
				(S10Barcode.isValid(barcode.value()) ? entities : lookalikes).add(barcode);
			}
		}
		for (Matcher cued = CUED_DOMESTIC_BARCODE.matcher(text); cued.find();) {
			Entity barcode = barcode(text, cued.start(1), cued.end(1));
			if (isPlausibleDomesticBarcode(barcode.value()) && !overlapsAny(barcode, entities)
					&& !overlapsAny(barcode, lookalikes)) {
				entities.add(barcode);
			}
		}
		for (Matcher bare = BARE_DOMESTIC_BARCODE.matcher(text); bare.find();) {
			Entity barcode = barcode(text, bare.start(), bare.end());
			if (!overlapsAny(barcode, entities) && !overlapsAny(barcode, lookalikes)) {
				entities.add(barcode);
			}
		}
		entities.sort(Comparator.comparingInt(Entity::start));
		return new EntityScan(entities, lookalikes);
	}

	/** An Indonesian mobile number as international digits: 0812-3456-7890 becomes 6281234567890. */
	static String normalisePhone(String phone) {
		String digits = phone.replaceAll("\\D", "");
		return digits.startsWith("0") ? "62" + digits.substring(1) : digits;
	}

	private static Entity barcode(String text, int start, int end) {
		String value = SEPARATORS.matcher(text.substring(start, end)).replaceAll("").toUpperCase(Locale.ROOT);
		return new Entity(EntityType.BARCODE, value, start, end);
	}

	// a code the customer introduced as a receipt number is theirs to know, so its only checks are on
	// its form: long enough, and mostly digits so that a word after the cue is not taken for a code
	private static boolean isPlausibleDomesticBarcode(String code) {
		long digits = code.chars().filter(Character::isDigit).count();
		return code.length() >= MIN_CUED_BARCODE_LENGTH && code.length() <= MAX_CUED_BARCODE_LENGTH
				&& digits > code.length() - digits;
	}

	private static boolean overlapsAny(Entity candidate, List<Entity> found) {
		return found.stream().anyMatch(candidate::overlaps);
	}

	/**
	 * What a scan found.
	 *
	 * @param entities phone numbers and barcodes to report, in order of appearance
	 * @param lookalikes codes shaped like S10 identifiers whose check digit or country is wrong: not
	 * reported, but still a tracking number as far as the intent is concerned
	 */
	record EntityScan(List<Entity> entities, List<Entity> lookalikes) {

		EntityScan {
			entities = List.copyOf(entities);
			lookalikes = List.copyOf(lookalikes);
		}

	}

}
