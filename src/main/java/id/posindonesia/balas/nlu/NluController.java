package id.posindonesia.balas.nlu;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Lets agents see what the assistant understands of a message.
 */
@RestController
@RequestMapping("/api/nlu")
class NluController {

	private final NluService nluService;

	private final int maxTextLength;

	NluController(NluService nluService, NluProperties properties) {
		this.nluService = nluService;
		this.maxTextLength = properties.maxTextLength();
	}

	@PostMapping("/parse")
	Mono<NluResult> parse(@RequestBody ParseRequest request) {
		String text = request.text();
		if (text == null || text.isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "text must not be blank");
		}
		if (text.codePointCount(0, text.length()) > maxTextLength) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"text must be at most " + maxTextLength + " characters");
		}
		// classification is CPU work, which must not hold up the Netty event loop
		return Mono.fromCallable(() -> nluService.parse(text)).subscribeOn(Schedulers.parallel());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> problem(ResponseStatusException ex) {
		return ResponseEntity.status(ex.getStatusCode()).body(ex.getBody());
	}

	record ParseRequest(@Nullable String text) {
	}

}
