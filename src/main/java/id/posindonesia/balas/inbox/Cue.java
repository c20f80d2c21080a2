package id.posindonesia.balas.inbox;

import java.util.Map;

import org.springframework.data.redis.connection.stream.RecordId;

/**
 * A delivered stream entry, read as a cue to work through its conversation's inbox. The entry is also the event
 * itself, so it is acknowledged when its event is done, by whichever cue's processing did it.
 */
record Cue(RecordId id, String conversationId) {

	static Cue of(RecordId id, Map<?, ?> fields) {
		return new Cue(id, InboundEvent.conversationOf(String.valueOf(fields.get("account")),
				String.valueOf(fields.get("customer")), String.valueOf(fields.get("dedupe"))));
	}

}
