package id.posindonesia.balas.conversation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A customer's conversation with one Instagram account, as its id {@code <account>:<customer>} names it. Events
 * without a customer (a mention) form conversations of their own that nobody can write to, and are no
 * {@code ConversationId}.
 */
public record ConversationId(String account, String customer) {

	private static final Pattern SHAPE = Pattern.compile("(\\d{1,32}):(\\d{1,32})");

	public static Optional<ConversationId> parse(String conversationId) {
		var matcher = conversationId == null ? null : SHAPE.matcher(conversationId);
		return matcher != null && matcher.matches() ? Optional.of(new ConversationId(matcher.group(1), matcher.group(2)))
				: Optional.empty();
	}

	@Override
	public String toString() {
		return account + ":" + customer;
	}

}
