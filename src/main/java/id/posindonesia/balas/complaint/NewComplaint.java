package id.posindonesia.balas.complaint;

import java.util.Objects;

/**
 * What the dialogue collected for a complaint.
 *
 * @param conversationId the conversation the complaint was made in
 * @param account the Instagram professional account that was written to
 * @param customerId the customer's Instagram-scoped id (IGSID)
 * @param username the customer's Instagram username, or null when the profile could not be read
 * @param followerCount the customer's follower count, or null when unknown (then the tier is regular)
 * @param shipment the shipment concerned, or null when the complaint is not about one shipment
 * @param requestKey identifies the customer action that opened the complaint (e.g. the message id), so that
 * opening again after a retry returns the same ticket; null when there is none
 */
public record NewComplaint(String conversationId, String account, String customerId, String username,
		Long followerCount, ComplaintCategory category, String description, ComplainedShipment shipment,
		String requestKey) {

	public static final int MAX_DESCRIPTION_LENGTH = 1000;

	public NewComplaint {
		requireText(conversationId, "conversationId");
		requireText(account, "account");
		requireText(customerId, "customerId");
		Objects.requireNonNull(category, "category");
		requireText(description, "description");
		if (description.codePointCount(0, description.length()) > MAX_DESCRIPTION_LENGTH) {
			throw new IllegalArgumentException("description must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
		}
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
	}

}
