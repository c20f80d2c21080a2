package id.posindonesia.balas.nlu;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What an emoji says about the writer's mood. Customers often let an emoji carry the tone (😡 after a
 * late parcel, 🙏 after thanks), so the classifier sees one marker token per mood rather than
 * hundreds of rare symbols.
 */
enum EmojiMood {

	ANGRY("😠😡🤬😤👿💢🖕"),

	SAD("😢😭😞😔😟🙁☹😩😫😥😓😿💔😪😣😖😕"),

	HAPPY("😀😃😄😁😊🙂😍🥰😘🤗😇🥳👍👌💯✨❤♥💕💖💗💙💚💛🧡💜🤍🖤😉☺🫶👏🤩"),

	LAUGH("😂🤣😹😆😅😝😜🤪🤭"),

	PRAY("🙏"),

	WAVE("👋"),

	/** Any other emoji or pictograph. */
	OTHER("");

	private static final Map<Integer, EmojiMood> BY_CODE_POINT = new HashMap<>();

	static {
		for (EmojiMood mood : values()) {
			mood.emoji.codePoints().forEach(codePoint -> BY_CODE_POINT.put(codePoint, mood));
		}
	}

	private final String emoji;

	EmojiMood(String emoji) {
		this.emoji = emoji;
	}

	String token() {
		return "__emo_" + name().toLowerCase(Locale.ROOT) + "__";
	}

	/**
	 * The mood of an emoji, or {@code null} when the code point is not an emoji. Skin tones, variation
	 * selectors and joiners only modify the emoji before them, so they are not emoji of their own.
	 */
	static @Nullable EmojiMood of(int codePoint) {
		EmojiMood mood = BY_CODE_POINT.get(codePoint);
		if (mood != null) {
			return mood;
		}
		return isPictograph(codePoint) && !isModifier(codePoint) ? OTHER : null;
	}

	private static boolean isPictograph(int codePoint) {
		return (codePoint >= 0x1F000 && codePoint <= 0x1FAFF) || (codePoint >= 0x2600 && codePoint <= 0x27BF)
				|| (codePoint >= 0x2B00 && codePoint <= 0x2BFF);
	}

	private static boolean isModifier(int codePoint) {
		return codePoint >= 0x1F3FB && codePoint <= 0x1F3FF;
	}

}
