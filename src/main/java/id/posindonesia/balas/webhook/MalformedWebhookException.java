package id.posindonesia.balas.webhook;

/** A signed body that is not a webhook notification Balas can record; its message is shown to the caller. */
class MalformedWebhookException extends RuntimeException {

	MalformedWebhookException(String message) {
		super(message);
	}

}
