package id.posindonesia.balas.handoff;

/** Why a conversation waits for an agent. */
public enum HandoffReason {

	/** The customer asked for a person. */
	CUSTOMER_REQUEST,

	/** Balas missed twice in a row and the customer took the offer of an agent. */
	NOT_UNDERSTOOD,

	/** Verification failed three times for a shipment. */
	LOCKOUT,

	/** A complaint the contact center answers in person (see {@link HandoffPriority}). */
	COMPLAINT,

	/** An agent took the conversation from the console without being asked. */
	AGENT_CLAIM

}
