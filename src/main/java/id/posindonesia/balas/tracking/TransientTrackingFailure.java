package id.posindonesia.balas.tracking;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * The failures of the tracking API worth another try: the network, timeouts and 5xx. A 4xx or an unreadable answer
 * would only come again. Named in {@code resilience4j.retry} configuration.
 */
public class TransientTrackingFailure implements Predicate<Throwable> {

	@Override
	public boolean test(Throwable failure) {
		return failure instanceof WebClientRequestException || failure instanceof IOException
				|| failure instanceof TimeoutException
				|| (failure instanceof WebClientResponseException response && response.getStatusCode().is5xxServerError());
	}

}
