package id.posindonesia.balas.suggestion;

import java.time.Instant;

import id.posindonesia.balas.nlu.Language;

/**
 * A suggestion a customer made, for the internal-communications team.
 *
 * @param id the Redis stream id, which orders suggestions by arrival
 * @param text what the customer wrote, phone numbers removed
 */
public record Suggestion(String id, String conversationId, String username, String text, Language language,
		Instant receivedAt) {
}
