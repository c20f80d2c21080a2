package id.posindonesia.balas.tracking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a customer has written so far to prove they may see a shipment: the names and the numbers found in their
 * messages, gathered across several of them ({@code "BUDI SANTOSO 3344"}, or {@code "nama penerima siti
 * rahmawati"} then {@code "kode pos 55213"}). Immutable; {@link #with} gives a new claim.
 *
 * <p>Names are the runs of words left once titles and filler words ({@code nama}, {@code penerima}, {@code hp},
 * {@code kode pos}, {@code kak}, …) are taken out. Numbers are 4-digit groups (a phone's last digits), 5-digit groups
 * (a postcode) and whole Indonesian phone numbers, written with or without spaces, dashes or dots. Only the latest
 * {@value #MAX_NAMES} names and {@value #MAX_NUMBERS} numbers are kept, so that a customer cannot try a whole list of
 * guesses in one attempt.
 *
 * <p>{@link #asString()} and {@link #fromString} keep a claim in Redis between messages. It holds personal data:
 * {@link #toString()} shows only counts.
 */
public record VerificationClaim(List<String> names, List<String> numbers) {

	static final int MAX_NAMES = 3;

	static final int MAX_NUMBERS = 4;

	// a name longer than this is a sentence; its first words are enough to match
	private static final int MAX_NAME_TOKENS = 5;

	private static final VerificationClaim EMPTY = new VerificationClaim(List.of(), List.of());

	private static final Set<String> FILLERS = Set.of(
			// Indonesian
			"nama", "namanya", "atas", "an", "penerima", "penerimanya", "pengirim", "pengirimnya", "menerima",
			"mengirim", "kirim", "dikirim", "terima", "diterima", "kasih", "makasih", "trims", "saya", "aku", "gue",
			"gua", "sy", "punya", "dan", "atau", "dengan", "dgn", "ini", "itu", "adalah", "yaitu", "yakni", "ya", "iya",
			"yg", "yang", "untuk", "utk", "buat", "dari", "ke", "di", "nomor", "nomer", "no", "nmr", "hp", "handphone",
			"telp", "tlp", "telepon", "telpon", "wa", "whatsapp", "nohp", "akhiran", "berakhiran", "akhirnya", "akhir",
			"belakang", "terakhir", "digit", "angka", "empat", "kode", "kodepos", "pos", "kota", "alamat", "paket",
			"kiriman", "resi", "barcode", "min", "admin", "mimin", "gan", "sis", "bro", "tolong", "mohon", "cek",
			"dong", "deh", "nih", "sih", "kok", "ok", "oke", "okay", "baik", "halo", "hallo", "hai", "hi", "hello",
			"sudah", "udah", "sdh", "belum", "blm", "juga", "jg", "tapi", "tp", "nya", "aja", "saja", "data",
			"verifikasi", "mau", "ingin", "lagi", "orangnya", "orang",
			// English
			"name", "is", "my", "the", "sender", "senders", "receiver", "receivers", "recipient", "recipients",
			"phone", "number", "ending", "ends", "end", "with", "in", "last", "digits", "four", "postcode", "postal",
			"post", "zip", "code", "and", "of", "it", "its", "i", "am", "please", "thanks", "thank", "you", "yes",
			"from", "to", "for", "was", "sent", "by");

	// a name never spans digits or these; a dot may be an initial's ("M. Rizky")
	private static final String NAME_BOUNDARIES = "[\\d,;:()/!?\\n]+";

	// "a.n." (atas nama, "in the name of")
	private static final Pattern ATAS_NAMA = Pattern.compile("(?i)\\ba\\s*\\.\\s*n\\b\\.?");

	// digits, possibly written in parts: "0812-3456-7890", "+62 857 1234 5678"
	private static final Pattern DIGIT_CHAIN = Pattern.compile("\\+?\\d+(?:[ .\\-]\\d+)*");

	private static final Pattern BARCODE_LIKE = Pattern.compile("\\b[A-Za-z]{2}\\s?\\d{8}\\s?\\d\\s?[A-Za-z]{2}\\b");

	private static final Pattern PHONE = Pattern.compile("(?:0|62)?8\\d{7,12}");

	public VerificationClaim {
		names = List.copyOf(names);
		numbers = List.copyOf(numbers);
	}

	public static VerificationClaim empty() {
		return EMPTY;
	}

	/** This claim and what {@code text} adds to it. */
	public VerificationClaim with(String text) {
		String withoutBarcodes = BARCODE_LIKE.matcher(text == null ? "" : text).replaceAll(" ; ");
		return new VerificationClaim(latest(names, namesIn(withoutBarcodes), MAX_NAMES),
				latest(numbers, numbersIn(withoutBarcodes), MAX_NUMBERS));
	}

	public boolean hasName() {
		return !names.isEmpty();
	}

	public boolean hasNumber() {
		return !numbers.isEmpty();
	}

	/** A compact form for Redis, read back by {@link #fromString}: {@code siti rahmawati|budi/3344,55213}. */
	public String asString() {
		return String.join("|", names) + "/" + String.join(",", numbers);
	}

	/** Reads {@link #asString()}; anything unreadable counts as nothing claimed. */
	public static VerificationClaim fromString(String stored) {
		if (stored == null || stored.isBlank()) {
			return EMPTY;
		}
		int slash = stored.indexOf('/');
		String names = slash < 0 ? stored : stored.substring(0, slash);
		String numbers = slash < 0 ? "" : stored.substring(slash + 1);
		return new VerificationClaim(
				Arrays.stream(names.split("\\|")).map(PersonName::letters).filter(name -> !name.isEmpty()).limit(MAX_NAMES).toList(),
				Arrays.stream(numbers.split(",")).map(String::strip).filter(number -> number.matches("\\d{4,15}")).limit(MAX_NUMBERS).toList());
	}

	private static List<String> namesIn(String text) {
		List<String> found = new ArrayList<>();
		for (String chunk : ATAS_NAMA.matcher(text).replaceAll(" an ").split(NAME_BOUNDARIES)) {
			List<String> name = new ArrayList<>();
			for (String token : PersonName.letters(chunk).split(" ")) {
				if (FILLERS.contains(token) || PersonName.TITLES.contains(token)) {
					addName(found, name);
					name = new ArrayList<>();
				}
				else if (!token.isEmpty()) {
					name.add(token);
				}
			}
			addName(found, name);
		}
		return found;
	}

	/** Adds a run of words as a name, unless it is only initials (a lone {@code "a"} or {@code "m"} names nobody). */
	private static void addName(List<String> found, List<String> tokens) {
		if (tokens.stream().anyMatch(token -> token.length() > 1)) {
			found.add(String.join(" ", tokens.subList(0, Math.min(tokens.size(), MAX_NAME_TOKENS))));
		}
	}

	private static List<String> numbersIn(String text) {
		List<String> found = new ArrayList<>();
		Matcher chain = DIGIT_CHAIN.matcher(text);
		while (chain.find()) {
			String joined = chain.group().replaceAll("\\D", "");
			if (PHONE.matcher(joined).matches()) {
				found.add(joined);
				continue;
			}
			for (String group : chain.group().split("\\D+")) {
				if (group.length() == 4 || group.length() == 5 || PHONE.matcher(group).matches()) {
					found.add(group);
				}
			}
		}
		return found;
	}

	/** The newest {@code limit} distinct values of {@code older} followed by {@code newer}. */
	private static List<String> latest(List<String> older, List<String> newer, int limit) {
		Set<String> all = new LinkedHashSet<>();
		for (String value : older) {
			all.remove(value);
			all.add(value);
		}
		for (String value : newer) {
			all.remove(value);
			all.add(value);
		}
		List<String> values = new ArrayList<>(all);
		return values.subList(Math.max(0, values.size() - limit), values.size());
	}

	@Override
	public String toString() {
		return "VerificationClaim[" + names.size() + " names, " + numbers.size() + " numbers]";
	}

}
