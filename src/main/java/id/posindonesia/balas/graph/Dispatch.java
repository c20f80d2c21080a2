package id.posindonesia.balas.graph;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether a message's Send API call has begun. A send cancelled before that (while it waited for its
 * {@link SendBudget} unit, a thread, or a retry) can be withdrawn: the Graph API never saw it, and the next attempt
 * may send it. Once a call began only its answer tells, unless the answer said the message was not taken.
 */
public final class Dispatch {

	private static final int WAITING = 0;

	private static final int CALLING = 1;

	private static final int WITHDRAWN = 2;

	private static final TransientGraphFailure NOT_TAKEN = new TransientGraphFailure();

	private final AtomicInteger state = new AtomicInteger(WAITING);

	/**
	 * True when the call had not begun and now never will. A call and its withdrawal race on other threads: exactly
	 * one of them wins.
	 */
	public boolean withdraw() {
		return state.compareAndSet(WAITING, WITHDRAWN);
	}

	/** The call, made only if the send was not withdrawn first (then it completes empty). */
	<T> Callable<T> guard(Callable<T> call) {
		return () -> {
			if (!state.compareAndSet(WAITING, CALLING)) {
				return null;
			}
			try {
				return call.call();
			}
			catch (Exception failure) {
				if (NOT_TAKEN.test(failure)) {
					state.compareAndSet(CALLING, WAITING);
				}
				throw failure;
			}
		};
	}

}
