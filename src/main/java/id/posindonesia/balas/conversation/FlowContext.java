package id.posindonesia.balas.conversation;

import id.posindonesia.balas.nlu.Language;

/**
 * What a flow sees of one message: who wrote it where, the conversation so far, and the message itself.
 *
 * @param eventKey identifies the message, so that an effect it causes (a ticket) happens once however often the
 * message is processed
 */
record FlowContext(String conversationId, String account, String customer, String eventKey,
		ConversationState state, CustomerMessage message) {

	Language language() {
		return state.language();
	}

}
