package id.posindonesia.balas.nlu;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Tells English from Indonesian by counting words that only one of them uses. Statistical
 * detectors need more text than a DM usually has ("where is my parcel", "makasih min"); function
 * words and chat vocabulary decide even a two-word message. Indonesian is the default, so a message
 * with no evidence either way ("ok", "RR007321866ID") is answered in Indonesian.
 */
final class LanguageDetector {

	private static final Set<String> ENGLISH = words("""
			a an the i im me my mine you your youre yours we our us they them their he she his her it its
			this that these those is are was were be been being am do does did dont doesnt didnt cant can could
			would should will wont shall may might must have has had of to in on at by for with from about into
			after before since until and or but because if so not yet still just already very too also please pls
			plz thanks thank thx ty hi hello hey what whats where wheres when why how who which there here want
			need get got help know tell send sent receive received arrived delivered deliver parcel package
			shipment number any some all yes good morning afternoon evening appreciated much many more check
			complaint claim
			""");

	private static final Set<String> INDONESIAN = words("""
			yang yg dan di ke dari ini itu saya sy aku gue gw kamu anda kami kita mereka dia apa apakah ya tidak
			tdk gak ga gk nggak enggak engga bukan sudah sdh udah udh belum blm mau ingin bisa dapat ada kok dong
			deh sih nih loh kan min mimin kak kakak gan sis pak bu mas mbak gimana gmn bagaimana berapa brp kapan
			mana dimana dmn kenapa knp mengapa tolong untuk utk buat dengan dgn sama atau juga jg lagi lg masih
			msh terima kasih makasih trims selamat pagi siang sore malam malem halo hai permisi punten
			assalamualaikum banget bgt aja saja kalau kalo klo tapi tp karena krn jadi harus boleh akan sedang
			paket kiriman barang sampai sampe nyampe nomor kantor alamat cara mohon minta tanya nanya sekarang
			skrg kemarin kemaren hari udah sampe kurir pengaduan keluhan hilang rusak
			""");

	// "-nya" is Indonesian's most frequent suffix ("paketnya", "resinya")
	private static final String INDONESIAN_SUFFIX = "nya";

	private final Lexicon lexicon;

	LanguageDetector(Lexicon lexicon) {
		this.lexicon = lexicon;
	}

	/**
	 * Detects the language of a message's words (see {@link TextNormalizer.NormalizedText#words()}).
	 */
	Language detect(List<String> words) {
		int english = 0;
		int indonesian = 0;
		for (String word : words) {
			Language evidence = evidence(word);
			if (evidence == Language.EN) {
				english++;
			}
			else if (evidence == Language.ID) {
				indonesian++;
			}
		}
		return english > indonesian ? Language.EN : Language.ID;
	}

	private @Nullable Language evidence(String word) {
		if (ENGLISH.contains(word)) {
			return Language.EN;
		}
		if (INDONESIAN.contains(word)
				|| (word.length() > INDONESIAN_SUFFIX.length() + 1 && word.endsWith(INDONESIAN_SUFFIX))) {
			return Language.ID;
		}
		String standardForm = lexicon.standardFormOf(word);
		if (standardForm == null) {
			return null;
		}
		// the lexicon is colloquial Indonesian, but also spells out English chat shorthand ("thx", "pls")
		return Arrays.stream(standardForm.split(" ")).allMatch(ENGLISH::contains) ? Language.EN : Language.ID;
	}

	private static Set<String> words(String list) {
		return Arrays.stream(list.strip().split("\\s+")).collect(Collectors.toUnmodifiableSet());
	}

}
