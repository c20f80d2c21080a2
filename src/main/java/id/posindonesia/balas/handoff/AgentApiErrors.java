package id.posindonesia.balas.handoff;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

import id.posindonesia.balas.conversation.MessageRefusedException;
import id.posindonesia.balas.conversation.OutsideMessagingWindowException;

/** Refusals of the agents' API as problem details whose {@code detail} the console shows as it is, in Indonesian. */
@RestControllerAdvice(assignableTypes = { HandoffController.class, ConversationController.class })
class AgentApiErrors {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(ResponseStatusException ex) {
		return ResponseEntity.status(ex.getStatusCode()).body(ex.getBody());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> outsideWindow(OutsideMessagingWindowException ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT,
				"Pesan tidak dapat dikirim: pesan terakhir pelanggan sudah lebih dari 7 hari yang lalu (batas Meta).");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> graphRefused(MessageRefusedException ex) {
		return problem(HttpStatus.BAD_GATEWAY, "Instagram menolak pesan ini. Coba lagi, atau periksa log Balas.");
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
	}

}
