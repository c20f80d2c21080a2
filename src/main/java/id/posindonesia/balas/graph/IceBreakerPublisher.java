package id.posindonesia.balas.graph;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Publishes the ice breakers of {@value #QUESTIONS} on start-up when {@code balas.graph.publish-ice-breakers} is
 * true. Meta keeps them until they are published again, so one instance with the flag is enough; a failure is
 * logged and the application runs on without them.
 */
@Component
@ConditionalOnBooleanProperty("balas.graph.publish-ice-breakers")
class IceBreakerPublisher {

	private static final Logger log = LoggerFactory.getLogger(IceBreakerPublisher.class);

	static final String QUESTIONS = "intents/replies/ice-breakers.json";

	private final GraphClient graph;

	private final ObjectMapper json;

	IceBreakerPublisher(GraphClient graph, ObjectMapper json) {
		this.graph = graph;
		this.json = json;
	}

	@EventListener(ApplicationReadyEvent.class)
	void publishOnStartup() {
		Mono.fromCallable(this::load)
			.flatMap(graph::publishIceBreakers)
			.subscribe(null, failure -> log.warn("Ice breakers not published: {}", failure.toString()),
					() -> log.info("Ice breakers of {} published", QUESTIONS));
	}

	List<IceBreakers> load() throws IOException {
		try (InputStream questions = new ClassPathResource(QUESTIONS).getInputStream()) {
			return json.readValue(questions, new TypeReference<List<IceBreakers>>() {
			});
		}
	}

}
