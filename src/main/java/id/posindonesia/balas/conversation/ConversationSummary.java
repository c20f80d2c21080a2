package id.posindonesia.balas.conversation;

import java.time.Instant;

import id.posindonesia.balas.nlu.Language;

/**
 * What an agent sees of a conversation besides its transcript.
 *
 * @param flow the form in progress ({@code tracking}, {@code complaint}) or empty
 * @param lastInboundAt the customer's last message, {@code null} when they never wrote
 * @param barcode the shipment the conversation is about: the one in the form in progress, else the one checked last
 * (within a day), even when the customer left the form before it was verified
 * @param verification {@code VERIFIED}, {@code PENDING}, {@code LOCKED_OUT}, or {@code null} without a barcode
 */
public record ConversationSummary(String conversationId, String account, String customer, String flow,
		Language language, Instant lastInboundAt, String barcode, String verification) {
}
