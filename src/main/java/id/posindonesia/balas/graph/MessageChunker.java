package id.posindonesia.balas.graph;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Instagram rejects text messages over 1000 bytes of UTF-8, so longer replies go out as several messages, split
 * between words; a single word longer than the limit is split between characters.
 */
public final class MessageChunker {

	public static final int MAX_BYTES = 1000;

	private MessageChunker() {
	}

	public static List<String> split(String text) {
		List<String> chunks = new ArrayList<>();
		String rest = text.strip();
		while (utf8Length(rest) > MAX_BYTES) {
			int end = longestPrefixWithin(rest, MAX_BYTES);
			int space = lastWhitespace(rest, end);
			int cut = space > 0 ? space : end;
			chunks.add(rest.substring(0, cut).strip());
			rest = rest.substring(cut).strip();
		}
		if (!rest.isEmpty()) {
			chunks.add(rest);
		}
		return chunks;
	}

	/** The end index of the longest prefix that fits, never splitting a surrogate pair. */
	private static int longestPrefixWithin(String text, int maxBytes) {
		int bytes = 0;
		int index = 0;
		while (index < text.length()) {
			int codePoint = text.codePointAt(index);
			int size = utf8Length(new String(Character.toChars(codePoint)));
			if (bytes + size > maxBytes) {
				break;
			}
			bytes += size;
			index += Character.charCount(codePoint);
		}
		return index;
	}

	/** Splitting at whitespace that starts the next part keeps every word whole. */
	private static int lastWhitespace(String text, int end) {
		for (int i = end; i > 0; i--) {
			if (Character.isWhitespace(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

	private static int utf8Length(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
