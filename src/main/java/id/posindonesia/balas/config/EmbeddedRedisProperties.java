package id.posindonesia.balas.config;

import java.nio.file.Path;
import java.util.Locale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Redis server Balas starts for itself when no Redis is configured.
 *
 * @param port 0 picks a free port
 * @param dataDir where the append-only file lives, so that a restart keeps conversations and pending events
 * @param appendFsync when Redis forces its append-only file to disk: {@code everysec} (Redis's own default) can lose
 * the last second of acknowledged events if the host loses power; {@code always} loses nothing and, thanks to the
 * journal's group commit, still ingests over 10,000 events/s on two cores
 */
@Validated
@ConfigurationProperties("balas.embedded-redis")
record EmbeddedRedisProperties(@DefaultValue("0") @Min(0) @Max(65535) int port,
		@DefaultValue("./var/redis") @NotNull Path dataDir, @DefaultValue("everysec") @NotNull AppendFsync appendFsync) {

	enum AppendFsync {

		ALWAYS, EVERYSEC, NO;

		String setting() {
			return "appendfsync " + name().toLowerCase(Locale.ROOT);
		}

	}

}
