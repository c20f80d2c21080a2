package id.posindonesia.balas.graph;

/**
 * Meta refused a call for a reason that retrying cannot fix (outside the 24-hour window, user unavailable, bad
 * token); it says nothing about the Graph API's health, so the circuit breaker ignores it.
 */
public class GraphRejectedException extends RuntimeException {

	GraphRejectedException(String message, Throwable cause) {
		super(message, cause);
	}

}
