package id.posindonesia.balas.handoff;

public enum HandoffStatus {

	/** Waiting for an agent; the bot still answers what it can. */
	QUEUED,

	/** An agent holds it; the bot is silent. */
	HELD,

	/** Released or resolved: the bot answers again. Only ever told in live events. */
	CLOSED

}
