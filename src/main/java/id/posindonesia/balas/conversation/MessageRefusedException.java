package id.posindonesia.balas.conversation;

/** The Graph API refused the message (see {@code FailedSends} for Meta's reason). */
public class MessageRefusedException extends RuntimeException {

	MessageRefusedException() {
		super("The Graph API refused the message");
	}

}
