package id.posindonesia.balas.inbox;

/**
 * One item of a webhook body, as recorded: the raw item JSON plus what is needed to route it.
 *
 * @param account the Instagram professional account the event belongs to ({@code entry.id})
 * @param customer the Instagram-scoped id of the customer on the other side, or {@code "-"} when the item has none
 * @param timestamp when Meta says the event happened, epoch milliseconds; conversations are processed in this order
 * @param dedupeKey identifies redeliveries of the same event (message id, comment id, or a digest of the item)
 * @param payload the item's JSON, with the fields and values Meta sent
 */
public record InboundEvent(EventKind kind, String account, String customer, long timestamp, String dedupeKey,
		String payload) {

	public static final String NO_CUSTOMER = "-";

	public String conversationId() {
		return conversationOf(account, customer, dedupeKey);
	}

	/**
	 * A customer's events on one account form a conversation, processed in order. Events with no customer (a mention
	 * of the account) need no order among themselves, so each is a conversation of its own instead of a queue that
	 * every one of them would share.
	 */
	static String conversationOf(String account, String customer, String dedupeKey) {
		return NO_CUSTOMER.equals(customer) ? account + ":-:" + dedupeKey : account + ":" + customer;
	}

}
