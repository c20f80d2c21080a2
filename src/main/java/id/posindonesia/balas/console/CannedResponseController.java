package id.posindonesia.balas.console;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CannedResponseController {

	private final CannedResponses responses;

	CannedResponseController(CannedResponses responses) {
		this.responses = responses;
	}

	@GetMapping("/api/canned-responses")
	List<CannedResponse> list() {
		return responses.list();
	}

}
