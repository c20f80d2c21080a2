package id.posindonesia.balas.handoff;

import java.security.Principal;
import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/events}: queue changes and new messages of queued and held conversations, live, as Server-Sent
 * Events. A comment every {@value #KEEP_ALIVE_SECONDS} s keeps proxies from closing an idle stream and marks the
 * agent as on duty for the queue's wait estimates.
 */
@RestController
class AgentEventsController {

	static final int KEEP_ALIVE_SECONDS = 15;

	private final AgentEvents events;

	private final WaitEstimate waits;

	AgentEventsController(AgentEvents events, WaitEstimate waits) {
		this.events = events;
		this.waits = waits;
	}

	@GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> events(Principal principal) {
		String agent = principal.getName();
		Flux<ServerSentEvent<Object>> live = events.stream()
			.map(event -> ServerSentEvent.builder(event.dataFor(agent)).event(event.name()).build());
		Flux<ServerSentEvent<Object>> keepAlive = Flux.interval(Duration.ZERO, Duration.ofSeconds(KEEP_ALIVE_SECONDS))
			.concatMap(beat -> waits.onDuty(agent).onErrorResume(failure -> Mono.empty())
				.then(Mono.just(ServerSentEvent.builder().comment("keep-alive").build())));
		return Flux.merge(live, keepAlive);
	}

}
