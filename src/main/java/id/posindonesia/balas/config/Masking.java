package id.posindonesia.balas.config;

/**
 * Personal data never reaches the logs whole: customer ids keep only their last digits. Log statements pass such
 * values through here.
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

}
