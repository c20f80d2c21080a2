package id.posindonesia.balas.inbox;

/**
 * What a handler knows of the event's delivery besides the event itself.
 *
 * @param receivedAt when the webhook recorded the event, epoch milliseconds
 * @param leaseKey the Redis key of the conversation's lease, in the conversation's slot ({@link ConversationSlot})
 * @param leaseOwner the token that holds the lease while this event is processed: an effect that must not happen
 * twice (a message sent) is written only while {@code GET leaseKey} still answers this token
 */
public record EventContext(long receivedAt, String leaseKey, String leaseOwner) {
}
