package id.posindonesia.balas.tracking;

/**
 * What a lookup of one barcode gave: a shipment, the API's word that it does not know the barcode, or no answer
 * worth believing. Lookups never fail with an exception for the backend's sake; they end in one of these.
 */
public sealed interface TrackingResult {

	/** The API knows the barcode. */
	record Found(Shipment shipment) implements TrackingResult {
	}

	/** The API answered that it does not know the barcode ({@code {"rs_tnt": null}} or no events). */
	record Unknown(String barcode) implements TrackingResult {
	}

	/** No trustworthy answer now; asking again later may work. */
	record Unavailable(Reason reason) implements TrackingResult {

		public enum Reason {

			/** The API could not be reached, or answered with a server error. */
			DOWN,
			/** The API did not answer within the deadline. */
			SLOW,
			/** Recent lookups failed so often that Balas stopped asking for a while (circuit breaker open). */
			CIRCUIT_OPEN,
			/** The API refused the request (4xx), e.g. a wrong token. */
			REFUSED,
			/** The answer could not be read. */
			MALFORMED

		}

	}

}
