package id.posindonesia.balas.nlu;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The polite opening and closing that customers put around what they want ("selamat siang min,
 * permisi, … mohon bantuannya, terima kasih"). A message is a greeting or thanks only when that is all
 * it says; otherwise the request inside decides (see {@link NluService}). Phrases
 * are matched on normalised tokens (after the lexicon: "min" is "admin", "makasih" is "terima kasih").
 */
final class PoliteWrappers {

	static final PoliteWrappers STANDARD = new PoliteWrappers(phrases(
			// greetings and openers
			"halo", "hai", "hi", "hello", "hey", "helo", "hola", "selamat pagi", "selamat siang", "selamat sore",
			"selamat malam", "selamat", "pagi", "siang", "sore", "malam", "good morning", "good afternoon",
			"good evening", "morning", "assalamualaikum", "warahmatullahi", "warahmatullah", "wabarakatuh", "wr",
			"wb", "salam", "permisi", "punten", "excuse me", "dear", "maaf", "mohon maaf", "maaf mengganggu",
			"maaf ganggu", "maaf sebelumnya", "izin", "izin tanya", "izin bertanya", "mohon izin", "mau tanya",
			"mau nanya", "mau bertanya", "boleh tanya", "boleh bertanya", "numpang tanya", "numpang bertanya",
			"sekedar tanya", "ping",
			// how customers address the account
			"admin", "kakak", "pos", "pos indonesia", "gan", "sis", "bro", "pak", "bu", "bapak", "ibu", "mas", "mbak",
			"tim", "team", "sir", "madam",
			// closings
			"terima kasih", "terima kasih banyak", "terima kasih sebelumnya", "thanks", "thank you", "thanks a lot",
			"thank you so much", "thanks in advance", "sebelumnya", "banyak", "mohon bantuannya", "mohon dibantu",
			"tolong dibantu", "mohon bantuan", "bantuannya", "mohon infonya", "mohon informasinya", "please help",
			"please", "ya", "yaa", "yah", "dong", "deh", "nih", "__emo_pray__", "__emo_happy__", "__emo_wave__"));

	private static final int LONGEST_PHRASE = 4;

	private final Set<List<String>> phrases;

	private PoliteWrappers(Set<List<String>> phrases) {
		this.phrases = phrases;
	}

	/**
	 * The tokens between the polite opening and closing, or all of them when nothing else is left (a
	 * message that is only a greeting or only thanks).
	 */
	List<String> request(List<String> tokens) {
		int start = 0;
		int end = tokens.size();
		for (int length = wrapperAt(tokens, start, end); length > 0; length = wrapperAt(tokens, start, end)) {
			start += length;
		}
		for (int length = wrapperEndingAt(tokens, start, end); length > 0; length = wrapperEndingAt(tokens, start, end)) {
			end -= length;
		}
		return start < end ? tokens.subList(start, end) : tokens;
	}

	// the length of the longest phrase that starts at start, or 0
	private int wrapperAt(List<String> tokens, int start, int end) {
		for (int length = Math.min(LONGEST_PHRASE, end - start); length > 0; length--) {
			if (phrases.contains(tokens.subList(start, start + length))) {
				return length;
			}
		}
		return 0;
	}

	// the length of the longest phrase that ends just before end, or 0
	private int wrapperEndingAt(List<String> tokens, int start, int end) {
		for (int length = Math.min(LONGEST_PHRASE, end - start); length > 0; length--) {
			if (phrases.contains(tokens.subList(end - length, end))) {
				return length;
			}
		}
		return 0;
	}

	private static Set<List<String>> phrases(String... phrases) {
		return Arrays.stream(phrases).map(phrase -> List.of(phrase.split(" "))).collect(Collectors.toUnmodifiableSet());
	}

}
