package id.posindonesia.balas.conversation;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import id.posindonesia.balas.graph.QuickReply;
import id.posindonesia.balas.nlu.Language;

import static org.assertj.core.api.Assertions.assertThat;

/** Every reply exists in every language, with the same placeholders and the same quick replies. */
class ReplyTemplatesTest {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

	private final ReplyTemplates replies = new ReplyTemplates();

	@Test
	void everyLanguageHasTheSameRepliesWithTheSamePlaceholdersAndQuickReplies() {
		Set<String> indonesian = replies.keys(Language.ID);
		assertThat(indonesian).hasSizeGreaterThan(50);
		for (Language language : Language.values()) {
			assertThat(replies.keys(language)).as(language.code()).containsExactlyInAnyOrderElementsOf(indonesian);
			assertThat(placeholders(language)).as(language.code()).isEqualTo(placeholders(Language.ID));
		}
		for (String key : indonesian) {
			assertThat(replies.quickReplies(key, Language.EN)).extracting(QuickReply::payload)
				.as(key)
				.isEqualTo(replies.quickReplies(key, Language.ID).stream().map(QuickReply::payload).toList());
		}
	}

	/** Each reply's placeholders, as left in the text rendered with no values. */
	private Map<String, Set<String>> placeholders(Language language) {
		Map<String, Set<String>> placeholders = new TreeMap<>();
		for (String key : replies.keys(language)) {
			Matcher placeholder = PLACEHOLDER.matcher(replies.render(key, language).text());
			Set<String> names = new TreeSet<>();
			while (placeholder.find()) {
				names.add(placeholder.group(1));
			}
			placeholders.put(key, names);
		}
		return placeholders;
	}

}
