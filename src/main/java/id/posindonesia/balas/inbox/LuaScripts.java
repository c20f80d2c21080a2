package id.posindonesia.balas.inbox;

import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/** The pipeline's Lua scripts, each run atomically by Redis; their texts live in {@code resources/redis}. */
final class LuaScripts {

	static final RedisScript<List<Long>> RECORD_EVENTS = load("record-events", listOfLongs());

	static final RedisScript<Long> COMPLETE_EVENT = load("complete-event", Long.class);

	static final RedisScript<Long> DEAD_LETTER_EVENT = load("dead-letter-event", Long.class);

	static final RedisScript<Long> CREATE_GROUP = load("create-group", Long.class);

	static final RedisScript<Long> LOCK_ACQUIRE = load("lock-acquire", Long.class);

	static final RedisScript<Long> LOCK_RELEASE = load("lock-release", Long.class);

	static final RedisScript<Long> TRIM_EVENTS = load("trim-events", Long.class);

	private LuaScripts() {
	}

	private static <T> RedisScript<T> load(String name, Class<T> resultType) {
		return RedisScript.of(new ClassPathResource("redis/" + name + ".lua"), resultType);
	}

	@SuppressWarnings("unchecked")
	private static Class<List<Long>> listOfLongs() {
		return (Class<List<Long>>) (Class<?>) List.class;
	}

}
