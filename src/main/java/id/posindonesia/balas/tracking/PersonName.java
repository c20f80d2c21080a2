package id.posindonesia.balas.tracking;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Compares a name a customer wrote with a name in the record, ignoring case, accents, spacing, punctuation and
 * titles, and forgiving one typo.
 *
 * <p>A claimed name matches when either
 * <ul>
 * <li>the whole of it, spaces removed, is at most one edit away from the whole record name, spaces removed
 * ({@code "sitirahmawati"}, {@code "siti rahmawti"} and {@code "siti rahma wati"} all match SITI RAHMAWATI), or</li>
 * <li>every token written matches a different token of the record, the record's first name among them, with at most
 * one edit in all ({@code "siti"} and {@code "rahmawati siti"} match; {@code "rahmawati"} alone does not: a family
 * name is shared by too many people). Words written apart may make one word of the record ({@code "nur aini"} for
 * NUR'AINI). A one-letter token of either side stands for any token with that initial
 * ({@code "siti r"} matches, and so does {@code "siti rahmawati"} against a record of SITI R.), except for the
 * first name, which must be written out (the first token of the record that is more than an initial: RIZKY in
 * M. RIZKY).</li>
 * </ul>
 * An edit is a letter added, removed, replaced, or two adjacent letters swapped; names shorter than
 * {@value #MIN_LETTERS_FOR_TYPO} letters must be exact, as one edit would turn them into too many other names.
 */
final class PersonName {

	static final int MIN_LETTERS_FOR_TYPO = 4;

	static final Set<String> TITLES = Set.of("bpk", "bp", "bapak", "pak", "ibu", "bu", "sdr", "sdri", "saudara",
			"saudari", "mr", "mrs", "ms", "miss", "kak", "kakak", "mbak", "mas", "tn", "tuan", "ny", "nyonya", "nn",
			"nona");

	private PersonName() {
	}

	/** Lower-case letter tokens of a name, accents, punctuation and titles removed: {@code "Bpk. José-Luis"} → [jose, luis]. */
	static List<String> tokens(String name) {
		return Arrays.stream(letters(name).split(" "))
			.filter(token -> !token.isEmpty() && !TITLES.contains(token))
			.toList();
	}

	/** Lower case without accents, apostrophes dropped ({@code Nur'aini} → {@code nuraini}), anything else not a letter or digit a space. */
	static String letters(String text) {
		String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("(?<=\\p{L})['’`](?=\\p{L})", "");
		return plain.replaceAll("[^\\p{L}\\d]+", " ").strip();
	}

	static boolean matches(List<String> claimed, List<String> record) {
		if (claimed.isEmpty() || record.isEmpty()) {
			return false;
		}
		return withinOneEdit(String.join("", claimed), String.join("", record))
				|| assign(claimed, 0, record, firstName(record), new boolean[record.size()], 1);
	}

	/**
	 * Whether the claimed tokens from {@code next} on can each take an unused record token, within {@code typos}
	 * edits. Adjacent claimed tokens may together make one record token ({@code "nur aini"} for NURAINI).
	 */
	private static boolean assign(List<String> claimed, int next, List<String> record, int firstName, boolean[] used,
			int typos) {
		if (next == claimed.size()) {
			return used[firstName];
		}
		for (int end = next + 1; end <= claimed.size(); end++) {
			String piece = String.join("", claimed.subList(next, end));
			for (int i = 0; i < record.size(); i++) {
				if (used[i]) {
					continue;
				}
				int cost = cost(piece, record.get(i), i == firstName);
				if (cost <= typos) {
					used[i] = true;
					if (assign(claimed, end, record, firstName, used, typos - cost)) {
						return true;
					}
					used[i] = false;
				}
			}
		}
		return false;
	}

	/** The record's first name: its first token that is more than an initial ("M. RIZKY" → RIZKY). */
	private static int firstName(List<String> record) {
		for (int i = 0; i < record.size(); i++) {
			if (record.get(i).length() > 1) {
				return i;
			}
		}
		return 0;
	}

	/** 0 for the same token (or an initial of it), 1 for one typo, more for anything else. */
	private static int cost(String claimed, String record, boolean firstName) {
		if (claimed.equals(record)) {
			return 0;
		}
		boolean initial = (claimed.length() == 1 || record.length() == 1) && claimed.charAt(0) == record.charAt(0);
		if (initial) {
			return firstName ? Integer.MAX_VALUE : 0;
		}
		return withinOneEdit(claimed, record) ? 1 : Integer.MAX_VALUE;
	}

	private static boolean withinOneEdit(String claimed, String record) {
		if (claimed.equals(record)) {
			return true;
		}
		return record.length() >= MIN_LETTERS_FOR_TYPO && distance(claimed, record) <= 1;
	}

	/** Optimal string alignment distance: Levenshtein plus the swap of two adjacent letters as one edit. */
	static int distance(String a, String b) {
		if (Math.abs(a.length() - b.length()) > 1) {
			return 2;
		}
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int substitution = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + substitution);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

}
