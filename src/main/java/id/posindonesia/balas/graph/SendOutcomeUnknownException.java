package id.posindonesia.balas.graph;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import com.restfb.exception.FacebookNetworkException;

/**
 * A send was written but its answer never came (the read timed out, or the call outlasted its backstop): Meta may
 * have delivered it. Sending it again could give the customer the same message twice, so it is not retried.
 */
public class SendOutcomeUnknownException extends RuntimeException {

	SendOutcomeUnknownException(Throwable cause) {
		super("The Graph API did not answer; the message may have been delivered", cause);
	}

	/** True for failures after the request may have reached Meta; false when no connection was ever made. */
	static boolean isUnanswered(Throwable failure) {
		if (failure instanceof TimeoutException) {
			return true;
		}
		if (!(failure instanceof FacebookNetworkException network) || network.getHttpStatusCode() != null) {
			// an HTTP answer, even an error, says what became of the message
			return false;
		}
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof NoRouteToHostException) {
				return false;
			}
			if (cause instanceof SocketTimeoutException timeout) {
				return !String.valueOf(timeout.getMessage()).toLowerCase(Locale.ROOT).contains("connect");
			}
		}
		return true;
	}

}
