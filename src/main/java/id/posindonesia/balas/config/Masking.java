package id.posindonesia.balas.config;

/**
 * Personal data never reaches the logs whole: ids and phone numbers keep only their last digits, names their
 * initials. Log statements pass such values through here.
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

	/** {@code 081234567890} → {@code 08******7890}. */
	public static String phone(String phone) {
		if (phone == null) {
			return "";
		}
		String digits = phone.replaceAll("\\D", "");
		if (digits.length() <= 6) {
			return "*".repeat(digits.length());
		}
		return digits.substring(0, 2) + "*".repeat(digits.length() - 6) + digits.substring(digits.length() - 4);
	}

	/** {@code Siti Rahmawati} → {@code S. R.}. */
	public static String name(String name) {
		if (name == null || name.isBlank()) {
			return "";
		}
		StringBuilder initials = new StringBuilder();
		for (String part : name.trim().split("\\s+")) {
			initials.append(initials.isEmpty() ? "" : " ").append(part.charAt(0)).append('.');
		}
		return initials.toString();
	}

}
