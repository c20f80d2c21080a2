package id.posindonesia.balas.conversation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import id.posindonesia.balas.config.Masking;

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

	public enum Author {
		CUSTOMER, BOT, AGENT
	}

	public TranscriptLine(Instant at, Author author, String text, boolean personal) {
		this(at, author, text, personal, null);
	}

	static TranscriptLine byAgent(String agent, String text) {
		return new TranscriptLine(Instant.now(), Author.AGENT, text, false, agent);
	}

	/** As anyone but the assigned agent may read it: {@link #masked(Collection)} with no names known. */
	public TranscriptLine masked() {
		return masked(List.of());
	}

	/**
	 * As anyone but the assigned agent may read it: verification data withheld, phone numbers and names masked
	 * ({@link Masking#text(String, Collection)}), {@code knownNames} wherever they appear.
	 */
	public TranscriptLine masked(Collection<String> knownNames) {
		return new TranscriptLine(at, author, personal ? "•••" : Masking.text(text, knownNames), personal, agent);
	}

	String toJson() {
		return JSON.writeValueAsString(this);
	}

	static TranscriptLine fromJson(String json) {
		return JSON.readValue(json, TranscriptLine.class);
	}

}
