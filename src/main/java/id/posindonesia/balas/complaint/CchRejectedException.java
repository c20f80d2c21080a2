package id.posindonesia.balas.complaint;

import org.springframework.http.HttpStatusCode;

/** The contact center refused a report as invalid ({@code 4xx}): sending it again cannot succeed. */
class CchRejectedException extends RuntimeException {

	private static final int MAX_REASON_LENGTH = 300;

	private final HttpStatusCode status;

	CchRejectedException(HttpStatusCode status, String responseBody, Throwable cause) {
		super("HTTP " + status.value() + (responseBody.isBlank() ? "" : ": " + shortened(responseBody)), cause);
		this.status = status;
	}

	HttpStatusCode status() {
		return status;
	}

	private static String shortened(String text) {
		return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH) + "…";
	}

}
