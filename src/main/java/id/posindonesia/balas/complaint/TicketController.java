package id.posindonesia.balas.complaint;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Lets agents read complaint tickets and see whether their reports reached the contact center. */
@RestController
@RequestMapping("/api/tickets")
class TicketController {

	static final int MAX_LIMIT = 500;

	private final ComplaintDesk desk;

	TicketController(ComplaintDesk desk) {
		this.desk = desk;
	}

	/** The newest tickets first. */
	@GetMapping
	Mono<List<Ticket>> recent(@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
		}
		return desk.recent(limit).collectList();
	}

	@GetMapping("/{ticketId}")
	Mono<Ticket> find(@PathVariable String ticketId) {
		if (!TicketId.isWellFormed(ticketId)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"ticketId must look like PI-2026-000123");
		}
		return desk.find(ticketId)
			.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"no ticket " + ticketId)));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> problem(ResponseStatusException ex) {
		return ResponseEntity.status(ex.getStatusCode()).body(ex.getBody());
	}

}
