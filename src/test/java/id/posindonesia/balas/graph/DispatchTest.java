package id.posindonesia.balas.graph;

import java.net.SocketTimeoutException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.restfb.exception.FacebookGraphException;
import com.restfb.exception.FacebookNetworkException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A send either calls the Graph API or is withdrawn, never both, and is withdrawable again only when not taken. */
class DispatchTest {

	@Test
	void aCallAndItsWithdrawalRacingOnTwoThreadsNeverBothWin() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		AtomicInteger calls = new AtomicInteger();
		int races = 2_000;
		int withdrawn = 0;
		try {
			for (int race = 0; race < races; race++) {
				Dispatch dispatch = new Dispatch();
				CountDownLatch start = new CountDownLatch(1);
				Future<String> call = threads.submit(() -> {
					start.await();
					return dispatch.guard(() -> {
						calls.incrementAndGet();
						return "m";
					}).call();
				});
				Future<Boolean> withdrawal = threads.submit(() -> {
					start.await();
					return dispatch.withdraw();
				});
				start.countDown();
				boolean wasWithdrawn = withdrawal.get();
				assertThat(call.get()).isEqualTo(wasWithdrawn ? null : "m");
				withdrawn += wasWithdrawn ? 1 : 0;
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(calls.get() + withdrawn).isEqualTo(races);
	}

	@Test
	void aSendTheGraphApiDidNotTakeCanBeWithdrawnBeforeItsRetry() {
		Dispatch dispatch = new Dispatch();

		assertThatThrownBy(() -> dispatch.guard(() -> {
			throw new FacebookGraphException("OAuthException", "Service unavailable", 2, null, 503, null, null, true, null);
		}).call()).isInstanceOf(FacebookGraphException.class);

		assertThat(dispatch.withdraw()).isTrue();
	}

	@Test
	void aSendWithoutAnAnswerCannotBeWithdrawn() {
		Dispatch dispatch = new Dispatch();

		assertThatThrownBy(() -> dispatch.guard(() -> {
			throw new FacebookNetworkException(new SocketTimeoutException("Read timed out"));
		}).call()).isInstanceOf(FacebookNetworkException.class);

		assertThat(dispatch.withdraw()).isFalse();
	}

}
