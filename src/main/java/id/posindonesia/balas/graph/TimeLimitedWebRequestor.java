package id.posindonesia.balas.graph;

import java.net.HttpURLConnection;
import java.time.Duration;

import com.restfb.DefaultWebRequestor;

/** restfb's requestor waits three minutes by default; a reply that slow is worth less than a retry. */
class TimeLimitedWebRequestor extends DefaultWebRequestor {

	private final int connectTimeoutMillis;

	private final int readTimeoutMillis;

	TimeLimitedWebRequestor(Duration connectTimeout, Duration readTimeout) {
		this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
		this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
	}

	@Override
	protected void customizeConnection(HttpURLConnection connection) {
		connection.setConnectTimeout(connectTimeoutMillis);
		connection.setReadTimeout(readTimeoutMillis);
	}

}
