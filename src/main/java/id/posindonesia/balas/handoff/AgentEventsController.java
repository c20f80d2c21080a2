package id.posindonesia.balas.handoff;

import java.security.Principal;
import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

/**
 * {@code GET /api/events}: queue changes and new messages of queued and held conversations, live, as Server-Sent
 * Events. A comment every {@code balas.handoff.keep-alive} keeps proxies from closing an idle stream, marks the agent
 * as on duty for the queue's wait estimates, and keeps the console's session from idling out while it is open: an
 * agent watching the queue is at work.
 */
@RestController
class AgentEventsController {

	private final AgentEvents events;

	private final WaitEstimate waits;

	private final HandoffProperties properties;

	private final WebSessionManager sessions;

	AgentEventsController(AgentEvents events, WaitEstimate waits, HandoffProperties properties,
			WebSessionManager sessions) {
		this.events = events;
		this.waits = waits;
		this.properties = properties;
		this.sessions = sessions;
	}

	@GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> events(Principal principal, ServerWebExchange exchange) {
		String agent = principal.getName();
		Flux<ServerSentEvent<Object>> live = events.stream()
			.map(event -> ServerSentEvent.builder(event.dataFor(agent)).event(event.name()).build());
		Flux<ServerSentEvent<Object>> keepAlive = Flux.interval(Duration.ZERO, properties.keepAlive())
			.concatMap(beat -> waits.onDuty(agent)
				.then(stillHere(exchange))
				.onErrorResume(failure -> Mono.empty())
				.then(Mono.just(ServerSentEvent.builder().comment("keep-alive").build())));
		return Flux.merge(live, keepAlive);
	}

	/** The console's session counts as used while its event stream is open; a Basic caller has none to keep. */
	private Mono<Void> stillHere(ServerWebExchange exchange) {
		if (!(sessions instanceof DefaultWebSessionManager manager)) {
			return Mono.empty();
		}
		// saved, or a session kept in Redis would not learn of the access
		return exchange.getSession()
			.filter(WebSession::isStarted)
			.flatMap(session -> manager.getSessionStore().updateLastAccessTime(session))
			.flatMap(WebSession::save);
	}

}
