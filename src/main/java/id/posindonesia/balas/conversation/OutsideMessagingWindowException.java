package id.posindonesia.balas.conversation;

import java.time.Instant;

/** Meta allows no message to a customer whose last message is this old (or who never wrote). */
public class OutsideMessagingWindowException extends RuntimeException {

	OutsideMessagingWindowException(Instant lastInboundAt) {
		super(lastInboundAt == null ? "The customer never wrote to this account"
				: "The customer's last message (" + lastInboundAt + ") is older than Meta's 7-day window");
	}

}
