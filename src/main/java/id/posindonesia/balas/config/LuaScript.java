package id.posindonesia.balas.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Loads a Lua script from {@code resources/redis} once, as text. A resource-backed {@link RedisScript} checks its
 * file for changes on every call, which inside a jar costs more than running the script.
 */
public final class LuaScript {

	private LuaScript() {
	}

	public static <T> RedisScript<T> load(String name, Class<T> resultType) {
		ClassPathResource resource = new ClassPathResource("redis/" + name + ".lua");
		try {
			return RedisScript.of(resource.getContentAsString(StandardCharsets.UTF_8), resultType);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

}
