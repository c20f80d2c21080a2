package id.posindonesia.balas.nlu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds tracking numbers and Indonesian mobile numbers in a message, with their offsets in the
 * original text. A tracking number is Pos Indonesia's (a {@link EntityType#BARCODE barcode}) when it is
 * a valid UPU S10 code or has the form of a Pos domestic number; other codes of letters and digits, and
 * any number that follows another courier's name, are {@link EntityType#OTHER_WAYBILL other couriers'
 * waybills}.
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
	private static final Pattern CUED_CODE = Pattern.compile("(?iu)" + NOT_AFTER_WORD
			+ "(?:resi|barcode|tracking|awb|kiriman|pengiriman|waybill)\\p{L}*(?:[\\s:#.,?!=&-]+\\p{L}{1,12}){0,3}?"
			+ "[\\s:#.,?!=-]+((?=[A-Za-z0-9]*\\d)[A-Za-z0-9]+(?:[\\s-]\\d{3,})*)" + NOT_BEFORE_WORD);

	// a code written without a cue: optional letters, at least eight digits, optional letters
	private static final Pattern BARE_CODE = Pattern
		.compile(NOT_AFTER_WORD + "[A-Za-z]{0,6}\\d{8,16}[A-Za-z]{0,3}" + NOT_BEFORE_WORD);

	// Pos Indonesia's domestic numbers: 11 to 14 digits (a leading 0 is a phone or landline number),
	// or P and 10 to 13 digits
	private static final Pattern POS_DOMESTIC = Pattern.compile("[1-9]\\d{10,13}|P\\d{10,13}");

	private static final Pattern DIGITS = Pattern.compile("\\d+");

	// the couriers whose waybills customers paste into our DMs, as they write their names
	private static final Pattern OTHER_COURIER_BEFORE = Pattern.compile("(?iu)" + NOT_AFTER_WORD
			+ "(?:jne|j\\s?&\\s?t|jnt|sicepat|si\\s?cepat|anteraja|ninja|spx|shopee\\s?express|lion\\s?parcel|tiki"
			+ "|wahana|id\\s?express|idexpress|sap\\s?express|lex|gosend|grab\\s?express|paxel|rpx|dhl|fedex|tnt)"
			+ NOT_BEFORE_WORD + "(?:[\\s:#.,?!=()-]+\\p{L}{1,12}){0,3}[\\s:#.,?!=()-]*$");

	// a number introduced as a bank account, payment code or identity number is not a parcel's
	private static final Pattern NON_PARCEL_CUE_BEFORE = Pattern.compile("(?iu)" + NOT_AFTER_WORD
			+ "(?:rekening|rek|norek|va|virtual\\s+account|nik|ktp|npwp|id\\s?pel|pelanggan)[\\s:#.,=-]*$");

	private static final int LOOK_BEHIND = 48;

	private static final Pattern SEPARATORS = Pattern.compile("[^A-Za-z0-9]");

	private static final int MIN_CUED_CODE_LENGTH = 10;

	private static final int MAX_CUED_CODE_LENGTH = 20;

	/**
	 * Scans a message. Phone numbers are found first so that they are never also taken for a barcode.
	 */
	EntityScan scan(String text) {
		// every pattern needs a digit, and most messages have none: four regex scans saved
		if (!hasDigit(text)) {
			return new EntityScan(List.of(), List.of());
		}
		List<Entity> entities = new ArrayList<>();
		List<Entity> lookalikes = new ArrayList<>();
		for (Matcher phone = PHONE.matcher(text); phone.find();) {
			entities.add(new Entity(EntityType.PHONE, normalisePhone(phone.group()), phone.start(), phone.end()));
		}
		for (Matcher s10 = S10_SHAPE.matcher(text); s10.find();) {
			Entity barcode = code(EntityType.BARCODE, text, s10.start(), s10.end());
			if (!overlapsAny(barcode, entities)) {
				(S10Barcode.isValid(barcode.value()) ? entities : lookalikes).add(barcode);
			}
		}
		for (Matcher cued = CUED_CODE.matcher(text); cued.find();) {
			String value = compact(text, cued.start(1), cued.end(1));
			if (isPlausibleCuedCode(value)) {
				addUnlessTaken(code(cuedType(text, cued.start(1), value), text, cued.start(1), cued.end(1)), entities,
						lookalikes);
			}
		}
		for (Matcher bare = BARE_CODE.matcher(text); bare.find();) {
			EntityType type = bareType(text, bare.start(), compact(text, bare.start(), bare.end()));
			if (type != null) {
				addUnlessTaken(code(type, text, bare.start(), bare.end()), entities, lookalikes);
			}
		}
		entities.sort(Comparator.comparingInt(Entity::start));
		return new EntityScan(entities, lookalikes);
	}

	private static boolean hasDigit(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= '0' && text.charAt(i) <= '9') {
				return true;
			}
		}
		return false;
	}

	/** An Indonesian mobile number as international digits: 0812-3456-7890 becomes 6281234567890. */
	static String normalisePhone(String phone) {
		String digits = phone.replaceAll("\\D", "");
		return digits.startsWith("0") ? "62" + digits.substring(1) : digits;
	}

	// a code the customer introduced as a receipt number is a tracking number of some courier
	private static EntityType cuedType(String text, int start, String code) {
		if (followsOtherCourier(text, start)) {
			return EntityType.OTHER_WAYBILL;
		}
		return POS_DOMESTIC.matcher(code).matches() || DIGITS.matcher(code).matches() ? EntityType.BARCODE
				: EntityType.OTHER_WAYBILL;
	}

	// without a cue, a plain number must have the length of ours, and letters with digits are someone's waybill
	private static EntityType bareType(String text, int start, String code) {
		if (code.length() >= MIN_CUED_CODE_LENGTH && followsOtherCourier(text, start)) {
			return EntityType.OTHER_WAYBILL;
		}
		if (POS_DOMESTIC.matcher(code).matches()) {
			return DIGITS.matcher(code).matches() && followsNonParcelCue(text, start) ? null : EntityType.BARCODE;
		}
		return !DIGITS.matcher(code).matches() && code.length() >= MIN_CUED_CODE_LENGTH ? EntityType.OTHER_WAYBILL
				: null;
	}

	private static boolean followsOtherCourier(String text, int start) {
		return OTHER_COURIER_BEFORE.matcher(before(text, start)).find();
	}

	private static boolean followsNonParcelCue(String text, int start) {
		return NON_PARCEL_CUE_BEFORE.matcher(before(text, start)).find();
	}

	private static String before(String text, int start) {
		return text.substring(Math.max(0, start - LOOK_BEHIND), start);
	}

	private static String compact(String text, int start, int end) {
		return SEPARATORS.matcher(text.substring(start, end)).replaceAll("").toUpperCase(Locale.ROOT);
	}

	private static Entity code(EntityType type, String text, int start, int end) {
		return new Entity(type, compact(text, start, end), start, end);
	}

	// after a cue, a code's only checks are on its form: long enough, and mostly digits so that a word
	// after the cue is not taken for a code
	private static boolean isPlausibleCuedCode(String code) {
		long digits = code.chars().filter(Character::isDigit).count();
		return code.length() >= MIN_CUED_CODE_LENGTH && code.length() <= MAX_CUED_CODE_LENGTH
				&& digits > code.length() - digits;
	}

	private static void addUnlessTaken(Entity candidate, List<Entity> entities, List<Entity> lookalikes) {
		if (!overlapsAny(candidate, entities) && !overlapsAny(candidate, lookalikes)) {
			entities.add(candidate);
		}
	}

	private static boolean overlapsAny(Entity candidate, List<Entity> found) {
		return found.stream().anyMatch(candidate::overlaps);
	}

	/**
	 * What a scan found.
	 *
	 * @param entities phone numbers, barcodes and other couriers' waybills to report, in order of
	 * appearance
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
