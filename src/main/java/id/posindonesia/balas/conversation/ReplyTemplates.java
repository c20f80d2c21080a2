package id.posindonesia.balas.conversation;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import id.posindonesia.balas.graph.QuickReply;
import id.posindonesia.balas.nlu.Language;

/**
 * Balas's replies, kept as data in {@code intents/replies/<language>.properties} so that the contact center can
 * change a wording without a code change. {@code {name}} placeholders are filled in per reply.
 */
@Component
class ReplyTemplates {

	private final Map<Language, Properties> texts = new EnumMap<>(Language.class);

	ReplyTemplates() {
		for (Language language : Language.values()) {
			texts.put(language, load("intents/replies/" + language.code() + ".properties"));
		}
	}

	Reply render(String key, Language language, Map<String, String> values) {
		Properties replies = texts.get(language);
		String template = replies.getProperty(key);
		if (template == null) {
			throw new IllegalArgumentException("No reply '" + key + "' in " + language.code() + ".properties");
		}
		String text = template;
		for (Map.Entry<String, String> value : values.entrySet()) {
			text = text.replace("{" + value.getKey() + "}", value.getValue());
		}
		return new Reply(text, quickReplies(key, language));
	}

	/** The options listed under {@code <key>.quick}, titled in the language. */
	List<QuickReply> quickReplies(String key, Language language) {
		Properties replies = texts.get(language);
		String quick = replies.getProperty(key + ".quick", "");
		return quick.isBlank() ? List.of()
				: Arrays.stream(quick.split(","))
					.map(String::strip)
					.map(payload -> new QuickReply(payload, replies.getProperty("quick." + payload, payload)))
					.toList();
	}

	Reply render(String key, Language language) {
		return render(key, language, Map.of());
	}

	/** The keys of a language's file, so that a test can hold every language to the same set. */
	Set<String> keys(Language language) {
		return texts.get(language).stringPropertyNames();
	}

	private static Properties load(String path) {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the replies in " + path, ex);
		}
		return properties;
	}

}
