package id.posindonesia.balas.complaint;

import org.springframework.http.HttpStatusCode;

import id.posindonesia.balas.config.Masking;

/** The contact center refused a report as invalid ({@code 4xx}): sending it again cannot succeed. */
class CchRejectedException extends RuntimeException {

	private static final int MAX_REASON_LENGTH = 300;

	private final HttpStatusCode status;

	// its message is logged, and the endpoint may echo the report: the customer's description, names and phones
	CchRejectedException(HttpStatusCode status, String responseBody, Throwable cause) {
		super("HTTP " + status.value() + (responseBody.isBlank() ? "" : ": " + Masking.text(shortened(responseBody))),
				cause);
		this.status = status;
	}

	HttpStatusCode status() {
		return status;
	}

	private static String shortened(String text) {
		return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH) + "…";
	}

}
