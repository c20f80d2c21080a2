package id.posindonesia.balas.graph;

/**
 * What Balas knows of a customer from their Instagram user profile. Personal data: the username never goes into
 * a log.
 *
 * @param username the customer's Instagram username, or null when unknown
 * @param followerCount how many accounts follow the customer, or null when unknown
 */
public record CustomerProfile(String username, Long followerCount) {

	/** A profile that could not be read. */
	public static final CustomerProfile UNKNOWN = new CustomerProfile(null, null);

}
