package id.posindonesia.balas.suggestion;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Service;

import id.posindonesia.balas.complaint.PhoneNumbers;
import id.posindonesia.balas.nlu.Language;

/**
 * Keeps what customers suggest for the internal-communications team, in a Redis stream bounded to the newest
 * {@code balas.suggestions.capacity} (approximately: Redis trims whole blocks).
 */
@Service
public class SuggestionBox {

	static final String KEY = "balas:suggestions";

	private final ReactiveStringRedisTemplate redis;

	private final SuggestionProperties properties;

	SuggestionBox(ReactiveStringRedisTemplate redis, SuggestionProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/**
	 * Stores a suggestion, phone numbers removed and cut to {@code balas.suggestions.max-text-length}.
	 *
	 * @param username the customer's Instagram username, or null when unknown
	 */
	public Mono<Void> add(String conversationId, String username, String text, Language language) {
		Objects.requireNonNull(conversationId, "conversationId");
		Objects.requireNonNull(language, "language");
		if (text == null || text.isBlank()) {
			return Mono.error(new IllegalArgumentException("text must not be blank"));
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("conversationId", conversationId);
		if (username != null) {
			fields.put("username", username);
		}
		fields.put("text", PhoneNumbers.redact(cut(text.strip())));
		fields.put("language", language.code());
		return redis.opsForStream()
			.add(KEY, fields, XAddOptions.maxlen(properties.capacity()).approximateTrimming(true))
			.then();
	}

	/** The newest suggestions first. */
	public Flux<Suggestion> newest(int limit) {
		return redis.<String, String>opsForStream()
			.reverseRange(KEY, Range.unbounded(), Limit.limit().count(limit))
			.map(SuggestionBox::toSuggestion);
	}

	private String cut(String text) {
		int max = properties.maxTextLength();
		return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
	}

	private static Suggestion toSuggestion(MapRecord<String, String, String> record) {
		Map<String, String> fields = record.getValue();
		return new Suggestion(record.getId().getValue(), fields.get("conversationId"), fields.get("username"),
				fields.get("text"), Language.valueOf(fields.get("language").toUpperCase(Locale.ROOT)),
				Instant.ofEpochMilli(record.getId().getTimestamp()));
	}

}
