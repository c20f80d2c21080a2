package id.posindonesia.balas.graph;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import com.restfb.exception.FacebookGraphException;
import com.restfb.exception.FacebookNetworkException;
import com.restfb.exception.FacebookOAuthException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TransientGraphFailureTest {

	private final TransientGraphFailure transientFailure = new TransientGraphFailure();

	@ParameterizedTest(name = "HTTP {0}, Graph code {1} → retry: {2}")
	@CsvSource({ "500,1,true", "503,2,true", "429,100,true", "400,4,true", "400,17,true", "400,32,true",
			"400,613,true", "400,100,false", "403,10,false", "400,551,false", "404,803,false" })
	void graphErrors(int status, int code, boolean retried) {
		assertThat(transientFailure.test(graphError(status, code, false))).isEqualTo(retried);
	}

	@Test
	void errorsMetaFlagsAsTransientAreRetried() {
		assertThat(transientFailure.test(graphError(400, 100, true))).isTrue();
	}

	@Test
	void aConnectionThatWasNeverMadeIsRetried() {
		assertThat(transientFailure.test(new FacebookNetworkException(new ConnectException("Connection refused")))).isTrue();
		assertThat(transientFailure.test(new FacebookNetworkException(new SocketTimeoutException("Connect timed out"))))
			.isTrue();
		assertThat(transientFailure.test(new FacebookNetworkException(new UnknownHostException("graph.facebook.com"))))
			.isTrue();
	}

	@Test
	void aRequestWhoseAnswerNeverCameIsNotRetriedSinceMetaMayHaveDeliveredIt() {
		assertThat(transientFailure.test(new FacebookNetworkException(new SocketTimeoutException("Read timed out"))))
			.isFalse();
		assertThat(transientFailure.test(new FacebookNetworkException(new IOException("connection reset")))).isFalse();
		assertThat(transientFailure.test(new TimeoutException())).isFalse();
	}

	@Test
	void expiredTokensAreNot() {
		FacebookOAuthException expired = new FacebookOAuthException("OAuthException", "Session expired", 190, 463, 400,
				null, null, false, null);
		assertThat(transientFailure.test(expired)).isFalse();
		assertThat(transientFailure.test(new IllegalArgumentException())).isFalse();
	}

	private static FacebookGraphException graphError(int status, int code, boolean isTransient) {
		return new FacebookGraphException("GraphMethodException", "failure", code, null, status, null, null,
				isTransient, null);
	}

}
