package id.posindonesia.balas.graph;

import java.util.Set;
import java.util.function.Predicate;

import com.restfb.exception.FacebookGraphException;
import com.restfb.exception.FacebookNetworkException;

/**
 * The failures worth another try: a connection that could not be made, 5xx and 429, and Graph's throttling error
 * codes (4 app limit, 17 user limit, 32 page limit, 613 rate limit). A call without an answer is not among them
 * ({@link SendOutcomeUnknownException}). Named in {@code resilience4j.retry} configuration.
 */
public class TransientGraphFailure implements Predicate<Throwable> {

	private static final Set<Integer> THROTTLING_CODES = Set.of(4, 17, 32, 613);

	@Override
	public boolean test(Throwable failure) {
		if (failure instanceof FacebookNetworkException network) {
			return !SendOutcomeUnknownException.isUnanswered(network);
		}
		if (failure instanceof FacebookGraphException graph) {
			Integer status = graph.getHttpStatusCode();
			return (status != null && (status >= 500 || status == 429))
					|| (graph.getErrorCode() != null && THROTTLING_CODES.contains(graph.getErrorCode()))
					|| Boolean.TRUE.equals(graph.getIsTransient());
		}
		return false;
	}

}
