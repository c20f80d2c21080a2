package id.posindonesia.balas.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real {@code redis-server} (shipped inside the embedded-redis artifact) when no Redis is configured,
 * and hands its address to Spring Boot's Redis auto-configuration through {@link DataRedisConnectionDetails},
 * so everything else talks to it exactly as it would to a production Redis.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoRedisConfigured.class)
class EmbeddedRedisConfig {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisConfig.class);

	@Bean(destroyMethod = "stop")
	RedisServer embeddedRedisServer(EmbeddedRedisProperties properties) throws IOException {
		int port = properties.port() == 0 ? freePort() : properties.port();
		Path dataDir = properties.dataDir().toAbsolutePath().normalize();
		Files.createDirectories(dataDir);
		RedisServer server = RedisServer.newRedisServer()
			.bind("127.0.0.1")
			.port(port)
			.setting("dir " + dataDir)
			.setting("appendonly yes")
			.setting(properties.appendFsync().setting())
			.setting("save \"\"")
			// SIGTERM, and wait: Redis writes and fsyncs what is left of its append-only file before it exits (a
			// SIGKILL loses acknowledged writes whose flush was postponed behind a slow fsync)
			.onShutdownForceStop(false)
			.build();
		server.start();
		log.info("Embedded Redis listening on 127.0.0.1:{}, data in {}, {}", port, dataDir,
				properties.appendFsync().setting());
		return server;
	}

	@Bean
	DataRedisConnectionDetails embeddedRedisConnectionDetails(RedisServer embeddedRedisServer) {
		int port = embeddedRedisServer.ports().get(0);
		return new DataRedisConnectionDetails() {
			@Override
			public Standalone getStandalone() {
				return Standalone.of("127.0.0.1", port);
			}
		};
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port for the embedded Redis", ex);
		}
	}

}
