package id.posindonesia.balas.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongSupplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import id.posindonesia.balas.inbox.EventKind;
import id.posindonesia.balas.inbox.InboundEvent;

/**
 * Splits a webhook body into one {@link InboundEvent} per item of every entry ({@code messaging}, {@code standby},
 * {@code changes}), keeping each item's JSON as sent. Only the routing fields are read here; typed reading happens
 * when the event is processed. Placeholder ids such as {@code <IGSID>} and numeric ids are accepted as they come.
 */
final class WebhookEventParser {

	private static final String INSTAGRAM = "instagram";

	// Meta sends entry.time in seconds for changes and in milliseconds for messaging
	private static final long MILLIS_THRESHOLD = 100_000_000_000L;

	// Instagram's own limit for a DM; a longer text was not written in Instagram, and must not bloat the stream
	static final int MAX_TEXT_BYTES = 1000;

	static final String TRUNCATED = "balas_truncated";

	private final ObjectMapper json;

	private final LongSupplier clock;

	private final Runnable onTruncated;

	WebhookEventParser(ObjectMapper json, LongSupplier clock, Runnable onTruncated) {
		this.json = json;
		this.clock = clock;
		this.onTruncated = onTruncated;
	}

	List<InboundEvent> parse(byte[] body) {
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new MalformedWebhookException("Body is not valid JSON");
		}
		if (root == null || !root.isObject()) {
			throw new MalformedWebhookException("Body must be a JSON object");
		}
		JsonNode entries = root.path("entry");
		if (!entries.isArray()) {
			throw new MalformedWebhookException("Body has no \"entry\" array");
		}
		boolean instagram = INSTAGRAM.equals(root.path("object").asString(""));
		List<InboundEvent> events = new ArrayList<>();
		for (JsonNode entry : entries) {
			if (!entry.isObject()) {
				throw new MalformedWebhookException("Every entry must be a JSON object");
			}
			String account = entry.path("id").asString("");
			long entryTime = millis(entry.path("time").asLong(0));
			for (JsonNode item : entry.path("messaging")) {
				events.add(instagram ? messagingEvent(account, entryTime, item, false) : unknown(account, entryTime, item));
			}
			for (JsonNode item : entry.path("standby")) {
				events.add(instagram ? messagingEvent(account, entryTime, item, true) : unknown(account, entryTime, item));
			}
			for (JsonNode change : entry.path("changes")) {
				events.add(instagram ? changeEvent(account, entryTime, change) : unknown(account, entryTime, change));
			}
		}
		return events;
	}

	private InboundEvent messagingEvent(String account, long entryTime, JsonNode item, boolean standby) {
		JsonNode message = item.path("message");
		truncateText(message);
		boolean echo = message.path("is_echo").asBoolean(false);
		String customer = idOf(echo ? item.path("recipient") : item.path("sender"));
		long timestamp = item.path("timestamp").isNumber() ? millis(item.path("timestamp").asLong()) : fallback(entryTime);
		EventKind kind = standby ? EventKind.STANDBY : messagingKind(item, echo);
		String dedupeKey = switch (kind) {
			case MESSAGE, ECHO -> keyed("mid", message.path("mid"), message.path("is_deleted").asBoolean(false) ? ":deleted" : "", kind, account, item);
			case POSTBACK -> keyed("postback", item.path("postback").path("mid"), "", kind, account, item);
			case MESSAGE_EDIT -> keyed("edit", item.path("message_edit").path("mid"),
					":" + item.path("message_edit").path("num_edit").asString(""), kind, account, item);
			default -> digest(kind, account, item);
		};
		return new InboundEvent(kind, account, customer, timestamp, dedupeKey, item.toString());
	}

	private static EventKind messagingKind(JsonNode item, boolean echo) {
		if (item.has("message")) {
			return echo ? EventKind.ECHO : EventKind.MESSAGE;
		}
		if (item.has("message_edit")) {
			return EventKind.MESSAGE_EDIT;
		}
		if (item.has("postback")) {
			return EventKind.POSTBACK;
		}
		if (item.has("read")) {
			return EventKind.SEEN;
		}
		if (item.has("reaction")) {
			return EventKind.REACTION;
		}
		if (item.has("referral")) {
			return EventKind.REFERRAL;
		}
		if (item.has("pass_thread_control") || item.has("take_thread_control") || item.has("request_thread_control")) {
			return EventKind.HANDOVER;
		}
		return EventKind.UNKNOWN;
	}

	private InboundEvent changeEvent(String account, long entryTime, JsonNode change) {
		JsonNode value = change.path("value");
		truncateText(value);
		String field = change.path("field").asString("");
		long timestamp = value.path("timestamp").isNumber() ? millis(value.path("timestamp").asLong()) : fallback(entryTime);
		return switch (field) {
			case "comments", "live_comments" -> new InboundEvent(EventKind.COMMENT, account, idOf(value.path("from")),
					timestamp, keyed("comment", value.path("id"), "", EventKind.COMMENT, account, change), change.toString());
			case "mentions" -> new InboundEvent(EventKind.MENTION, account, InboundEvent.NO_CUSTOMER, timestamp,
					keyed("mention", value.has("comment_id") ? value.path("comment_id") : value.path("media_id"), "",
							EventKind.MENTION, account, change),
					change.toString());
			default -> unknown(account, entryTime, change);
		};
	}

	private InboundEvent unknown(String account, long entryTime, JsonNode item) {
		String customer = idOf(item.path("sender"));
		return new InboundEvent(EventKind.UNKNOWN, account, customer, fallback(entryTime),
				digest(EventKind.UNKNOWN, account, item), item.toString());
	}

	/** Cuts an over-long {@code text} at {@link #MAX_TEXT_BYTES} on a character boundary and marks the item. */
	private void truncateText(JsonNode holder) {
		JsonNode text = holder.path("text");
		if (!(holder instanceof ObjectNode object) || !text.isString()) {
			return;
		}
		byte[] utf8 = text.asString().getBytes(StandardCharsets.UTF_8);
		if (utf8.length <= MAX_TEXT_BYTES) {
			return;
		}
		int end = MAX_TEXT_BYTES;
		// never cut inside a character: continuation bytes look like 10xxxxxx
		while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
			end--;
		}
		object.put("text", new String(utf8, 0, end, StandardCharsets.UTF_8));
		object.put(TRUNCATED, utf8.length);
		onTruncated.run();
	}

	private static String idOf(JsonNode participant) {
		String id = participant.path("id").asString("");
		return id.isEmpty() ? InboundEvent.NO_CUSTOMER : id;
	}

	private static String keyed(String prefix, JsonNode id, String suffix, EventKind kind, String account, JsonNode item) {
		String value = id.asString("");
		return value.isEmpty() ? digest(kind, account, item) : prefix + ":" + account + ":" + value + suffix;
	}

	/** Items without an id of their own (seen, reaction, …) are the same event exactly when their JSON is the same. */
	private static String digest(EventKind kind, String account, JsonNode item) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update((kind.code() + "|" + account + "|").getBytes(StandardCharsets.UTF_8));
			return "sha256:" + HexFormat.of().formatHex(sha256.digest(item.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is unavailable", ex);
		}
	}

	private long fallback(long entryTime) {
		return entryTime > 0 ? entryTime : clock.getAsLong();
	}

	private static long millis(long epoch) {
		return epoch > 0 && epoch < MILLIS_THRESHOLD ? epoch * 1000 : epoch;
	}

}
