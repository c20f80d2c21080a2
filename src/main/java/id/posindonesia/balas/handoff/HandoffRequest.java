package id.posindonesia.balas.handoff;

import id.posindonesia.balas.complaint.ComplaintCategory;
import id.posindonesia.balas.nlu.Language;

/**
 * The dialogue's request for an agent.
 *
 * @param eventKey the customer's message that led to it: processing it again does not queue again
 * @param ticketId the complaint's ticket, when the request comes with one
 * @param category the complaint's category, when it does
 * @param lastMessage what the customer just wrote, for the tone of the request
 */
public record HandoffRequest(String conversationId, String eventKey, HandoffReason reason, Language language,
		String ticketId, ComplaintCategory category, String lastMessage) {

	public HandoffRequest(String conversationId, String eventKey, HandoffReason reason, Language language,
			String lastMessage) {
		this(conversationId, eventKey, reason, language, null, null, lastMessage);
	}

}
