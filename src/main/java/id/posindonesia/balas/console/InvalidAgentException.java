package id.posindonesia.balas.console;

/** A username, password or role that an account may not have; the message says why and is safe to show. */
class InvalidAgentException extends RuntimeException {

	InvalidAgentException(String message) {
		super(message);
	}

}
