package id.posindonesia.balas.tracking;

/**
 * The sender or the receiver as the {@code POSTING LOKET} record names them. Every field is trimmed and never
 * {@code null}: empty when the record lacks it.
 *
 * @param postcode the receiver's postcode; empty for the sender, whose postcode the record does not hold
 */
public record Party(String name, String address, String phone, String city, String postcode) {

	static final Party NONE = new Party("", "", "", "", "");

	public Party {
		name = orEmpty(name);
		address = orEmpty(address);
		phone = orEmpty(phone);
		city = orEmpty(city);
		postcode = orEmpty(postcode);
	}

	/** The last four digits of the phone number, or empty when it has fewer. */
	public String phoneLastFour() {
		String digits = phone.replaceAll("\\D", "");
		return digits.length() < 4 ? "" : digits.substring(digits.length() - 4);
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value.strip();
	}

	/** Names and numbers are personal data: a logged party shows neither. */
	@Override
	public String toString() {
		return name.isEmpty() ? "Party[unnamed]" : "Party[named]";
	}

}
