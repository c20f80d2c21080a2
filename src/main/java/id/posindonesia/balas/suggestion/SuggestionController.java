package id.posindonesia.balas.suggestion;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Suggestions for the internal-communications team, read by supervisors. */
@RestController
@RequestMapping("/api/suggestions")
class SuggestionController {

	static final int MAX_LIMIT = 500;

	private final SuggestionBox box;

	SuggestionController(SuggestionBox box) {
		this.box = box;
	}

	/** The newest suggestions first. */
	@GetMapping
	Mono<List<Suggestion>> newest(@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
		}
		return box.newest(limit).collectList();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> problem(ResponseStatusException ex) {
		return ResponseEntity.status(ex.getStatusCode()).body(ex.getBody());
	}

}
