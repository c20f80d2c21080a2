package id.posindonesia.balas.graph;

import java.util.List;
import java.util.Map;

/**
 * The questions Instagram offers a customer who opens a conversation, in one locale; tapping one sends its
 * payload as a postback, which starts the dialogue like the quick reply of the same payload.
 *
 * @param locale {@code default}, or a locale such as {@code en_US} whose users see these instead
 * @param questions at most {@value #MAX_QUESTIONS}, as Instagram allows
 */
record IceBreakers(String locale, List<Question> questions) {

	static final int MAX_QUESTIONS = 4;

	IceBreakers {
		if (locale == null || locale.isBlank()) {
			throw new IllegalArgumentException("Ice breakers need a locale");
		}
		if (questions == null || questions.isEmpty() || questions.size() > MAX_QUESTIONS) {
			throw new IllegalArgumentException(
					"Ice breakers of " + locale + " need 1 to " + MAX_QUESTIONS + " questions");
		}
		questions = List.copyOf(questions);
	}

	/** As the Messenger Profile API takes it. */
	Map<String, Object> toGraph() {
		return Map.of("locale", locale, "call_to_actions", questions.stream()
			.map(question -> Map.of("question", question.question(), "payload", question.payload()))
			.toList());
	}

	record Question(String question, String payload) {

		Question {
			if (question == null || question.isBlank() || payload == null || payload.isBlank()) {
				throw new IllegalArgumentException("An ice breaker needs a question and a payload");
			}
		}

	}

}
