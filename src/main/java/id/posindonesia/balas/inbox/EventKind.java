package id.posindonesia.balas.inbox;

import java.util.Locale;

/** What a webhook item is about; {@link #UNKNOWN} items are recorded like the rest and then ignored. */
public enum EventKind {

	MESSAGE, ECHO, MESSAGE_EDIT, POSTBACK, SEEN, REACTION, REFERRAL, HANDOVER, STANDBY, COMMENT, MENTION, UNKNOWN;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static EventKind fromCode(String code) {
		try {
			return valueOf(code.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return UNKNOWN;
		}
	}

}
