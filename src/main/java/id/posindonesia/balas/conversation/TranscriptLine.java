package id.posindonesia.balas.conversation;

import java.time.Instant;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;

/**
 * One message of a conversation as the transcript keeps it.
 *
 * @param author who wrote it
 * @param personal the customer wrote it while proving who they are (names, phone digits, postcodes): only the agent
 * assigned to the conversation reads it whole
 * @param agent the agent who wrote it, for {@link Author#AGENT} lines
 */
public record TranscriptLine(Instant at, Author author, String text, boolean personal, String agent) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	// Indonesian mobile numbers however written: 0812-3456-7890, +62 812 3456 7890, 6281234567890
	private static final Pattern PHONE = Pattern.compile("(?:\\+?62[\\s-]?|0)8[\\d\\s-]{7,14}\\d");

	public enum Author {
		CUSTOMER, BOT, AGENT
	}

	public TranscriptLine(Instant at, Author author, String text, boolean personal) {
		this(at, author, text, personal, null);
	}

	static TranscriptLine byAgent(String agent, String text) {
		return new TranscriptLine(Instant.now(), Author.AGENT, text, false, agent);
	}

	/** As anyone but the assigned agent may read it: phone numbers masked, verification data withheld. */
	public TranscriptLine masked() {
		String shown = personal ? "•••" : PHONE.matcher(text).replaceAll(phone -> {
			String digits = phone.group().replaceAll("\\D", "");
			return "••••" + digits.substring(digits.length() - 2);
		});
		return new TranscriptLine(at, author, shown, personal, agent);
	}

	String toJson() {
		return JSON.writeValueAsString(this);
	}

	static TranscriptLine fromJson(String json) {
		return JSON.readValue(json, TranscriptLine.class);
	}

}
