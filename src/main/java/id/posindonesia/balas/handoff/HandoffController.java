package id.posindonesia.balas.handoff;

import java.security.Principal;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import id.posindonesia.balas.conversation.Transcript;

/** The queue: conversations waiting for an agent, most urgent first, then those held. */
@RestController
@RequestMapping("/api/handoffs")
class HandoffController {

	private final HandoffStore store;

	private final AgentDesk desk;

	private final Transcript transcript;

	HandoffController(HandoffStore store, AgentDesk desk, Transcript transcript) {
		this.store = store;
		this.desk = desk;
		this.transcript = transcript;
	}

	@GetMapping
	Flux<Handoff> queue() {
		return store.list()
			.flatMapSequential(handoff -> transcript.recentFromCustomer(handoff.conversationId())
				.next()
				.map(line -> handoff.withLastMessage(line.text()))
				.defaultIfEmpty(handoff));
	}

	@PostMapping("/{conversationId}/claim")
	Mono<Handoff> claim(@PathVariable String conversationId, Principal agent) {
		return desk.claim(conversationId, agent.getName());
	}

}
