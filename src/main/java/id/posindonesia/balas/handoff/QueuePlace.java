package id.posindonesia.balas.handoff;

import java.time.Duration;

/**
 * Where a request for an agent stands.
 *
 * @param handoff the conversation's handoff, new or the one already there
 * @param queuedNow whether this request queued it
 * @param position 1 for the next conversation an agent takes; 0 when an agent holds it already
 * @param estimatedWait a rough wait until an agent answers (see {@link WaitEstimate})
 */
public record QueuePlace(Handoff handoff, boolean queuedNow, int position, Duration estimatedWait) {
}
