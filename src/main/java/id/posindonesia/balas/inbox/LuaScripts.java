package id.posindonesia.balas.inbox;

import java.util.List;

import org.springframework.data.redis.core.script.RedisScript;

import id.posindonesia.balas.config.LuaScript;

/** The pipeline's Lua scripts, each run atomically by Redis; their texts live in {@code resources/redis}. */
final class LuaScripts {

	static final RedisScript<List<Long>> RECORD_EVENTS = LuaScript.load("record-events", listOf());

	static final RedisScript<List<String>> NEXT_EVENT = LuaScript.load("next-event", listOf());

	static final RedisScript<Long> SETTLE_CUE = LuaScript.load("settle-cue", Long.class);

	static final RedisScript<Long> COMPLETE_EVENT = LuaScript.load("complete-event", Long.class);

	static final RedisScript<List<Long>> FAIL_EVENT = LuaScript.load("fail-event", listOf());

	static final RedisScript<Long> DEAD_LETTER_EVENT = LuaScript.load("dead-letter-event", Long.class);

	static final RedisScript<Long> CREATE_GROUP = LuaScript.load("create-group", Long.class);

	static final RedisScript<Long> LOCK_ACQUIRE = LuaScript.load("lock-acquire", Long.class);

	static final RedisScript<Long> LOCK_RELEASE = LuaScript.load("lock-release", Long.class);

	static final RedisScript<Long> TRIM_EVENTS = LuaScript.load("trim-events", Long.class);

	static final RedisScript<List<String>> CLAIM_ABANDONED = LuaScript.load("claim-abandoned", listOf());

	static final RedisScript<Long> KEEP_CLAIMED = LuaScript.load("keep-claimed", Long.class);

	private LuaScripts() {
	}

	@SuppressWarnings("unchecked")
	private static <T> Class<List<T>> listOf() {
		return (Class<List<T>>) (Class<?>) List.class;
	}

}
