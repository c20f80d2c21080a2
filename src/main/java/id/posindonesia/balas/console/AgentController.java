package id.posindonesia.balas.console;

import java.net.URI;
import java.security.Principal;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Supervisors add agents, disable and enable them, and reset their passwords (the security rules admit no one else). */
@RestController
@RequestMapping("/api/agents")
class AgentController {

	private final AgentDirectory agents;

	AgentController(AgentDirectory agents) {
		this.agents = agents;
	}

	@GetMapping
	Flux<Agent> list() {
		return agents.list();
	}

	@PostMapping
	Mono<ResponseEntity<Agent>> add(@RequestBody NewAgent request) {
		if (request.role() == null) {
			throw new InvalidAgentException("role must be 'agent' or 'supervisor'");
		}
		AgentRole role = AgentRole.parse(request.role());
		String username = request.username();
		return agents.add(username, request.password(), role).flatMap(created -> {
			if (!created) {
				return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT, "agent '" + username + "' exists"));
			}
			return Mono.just(ResponseEntity.created(URI.create("/api/agents/" + username))
				.body(new Agent(username, role, true)));
		});
	}

	@PostMapping("/{username}/disable")
	Mono<ResponseEntity<Void>> disable(@PathVariable String username, Principal supervisor) {
		if (username.equals(supervisor.getName())) {
			throw new InvalidAgentException("supervisors cannot disable their own account");
		}
		return agents.setEnabled(username, false).map(exists -> done(exists, username));
	}

	@PostMapping("/{username}/enable")
	Mono<ResponseEntity<Void>> enable(@PathVariable String username) {
		return agents.setEnabled(username, true).map(exists -> done(exists, username));
	}

	@PostMapping("/{username}/password")
	Mono<ResponseEntity<Void>> resetPassword(@PathVariable String username, @RequestBody NewPassword request) {
		return agents.resetPassword(username, request.password()).map(exists -> done(exists, username));
	}

	private static ResponseEntity<Void> done(boolean exists, String username) {
		if (!exists) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no agent '" + username + "'");
		}
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(InvalidAgentException ex) {
		return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> problem(ResponseStatusException ex) {
		return ResponseEntity.status(ex.getStatusCode()).body(ex.getBody());
	}

	record NewAgent(@Nullable String username, @Nullable String password, @Nullable String role) {

		@Override
		public String toString() {
			return "NewAgent[username=" + username + ", role=" + role + "]";
		}

	}

	record NewPassword(@Nullable String password) {

		@Override
		public String toString() {
			return "NewPassword[***]";
		}

	}

}
