package id.posindonesia.balas.complaint;

/** Where a ticket's report to the contact center (CCH) stands. */
public enum ReportStatus {

	/** Waiting for its first or next delivery attempt. */
	PENDING,

	DELIVERED,

	/** Refused by the endpoint as invalid; never retried (see the last error). */
	FAILED

}
