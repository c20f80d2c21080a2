package id.posindonesia.balas.conversation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import id.posindonesia.balas.nlu.Entity;
import id.posindonesia.balas.nlu.EntityType;
import id.posindonesia.balas.nlu.Intent;
import id.posindonesia.balas.nlu.NluResult;

/**
 * A customer's message as the dialogue sees it: what they wrote (with what the NLU understood of it), or the payload
 * of a quick reply or postback they tapped.
 *
 * @param text what they wrote; empty for a bare postback
 * @param payload the tapped button's payload, empty when they typed
 * @param nlu the NLU's reading of {@code text}, or {@code null} when there is no text to read
 */
record CustomerMessage(String text, String payload, NluResult nlu) {

	private static final Set<String> CANCEL_WORDS = Set.of("batal", "batalkan", "cancel", "stop", "gak jadi", "ga jadi",
			"tidak jadi", "gk jadi", "nggak jadi", "udahan");

	static final String CANCEL = "CANCEL";

	private static final double SMALL_TALK_CONFIDENCE = 0.6;

	// a message that points at what was said before instead of saying it: its intent is the conversation's topic
	private static final Pattern POINTER = Pattern.compile("\\b(follow ?up|kelanjutan\\w*|ada update|updatenya|"
			+ "cek dm|sudah (saya|aku|sy) kirim|udah (saya|aku|sy|ku) kirim|gimana (kabar|status)nya|any update)\\b");

	// the answer to "shall I connect you with an agent?"
	private static final Pattern YES = Pattern
		.compile("(ya+|iya+|y|yes|yup|boleh|mau|ok|oke|okey|okay|sip|siap|please|sure)( (dong|min|kak|mau|boleh|please|ya))*[.!]*");

	// "saya mau bicara dengan admin, paket saya hilang": an explicit request for a person wins over what else is said
	private static final Pattern PERSON_PLEASE = Pattern.compile("\\b(bicara|berbicara|ngobrol|chat|hubungkan|"
			+ "dihubungkan|sambungkan|disambungkan|sambungin|terhubung|connect|talk|speak)( saya)? (dengan|sama|ke|to|with)"
			+ " (admin|agen|agent|cs|customer service|petugas|orang|manusia|operator|human|a human|a person|someone"
			+ "|an agent|a real person)\\b");

	/** The payload's intent when a button was tapped, else the NLU's. */
	Intent intent() {
		if (!payload.isEmpty()) {
			try {
				return Intent.valueOf(payload);
			}
			catch (IllegalArgumentException ex) {
				return Intent.OUT_OF_SCOPE;
			}
		}
		return nlu == null ? Intent.OUT_OF_SCOPE : nlu.intent().name();
	}

	boolean isCancel() {
		return CANCEL.equals(payload) || CANCEL_WORDS.contains(text.strip().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", ""));
	}

	/** Asks for a person in so many words, whatever else the message says. */
	boolean asksForAPersonOutright() {
		return payload.isEmpty() && PERSON_PLEASE.matcher(text.toLowerCase(Locale.ROOT)).find();
	}

	boolean isYes() {
		return payload.isEmpty() && YES.matcher(text.strip().toLowerCase(Locale.ROOT)).matches();
	}

	boolean isPointer() {
		return payload.isEmpty() && POINTER.matcher(text.toLowerCase(Locale.ROOT)).find();
	}

	/** A greeting or thanks and nothing else: no digits that could be data a form is waiting for. */
	boolean isSmallTalk() {
		Intent intent = intent();
		return payload.isEmpty() && nlu != null && (intent == Intent.GREETING || intent == Intent.THANKS)
				&& nlu.intent().confidence() >= SMALL_TALK_CONFIDENCE && !text.matches(".*\\d.*");
	}

	List<String> barcodes() {
		return entities(EntityType.BARCODE);
	}

	Optional<String> firstOf(EntityType type) {
		return entities(type).stream().findFirst();
	}

	private List<String> entities(EntityType type) {
		return nlu == null ? List.of()
				: nlu.entities().stream().filter(entity -> entity.type() == type).map(Entity::value).toList();
	}

}
