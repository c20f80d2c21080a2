package id.posindonesia.balas.tracking;

import java.time.LocalDateTime;
import java.util.Locale;

/**
 * One step of a shipment's history.
 *
 * @param at when it happened, in Pos Indonesia's local time ({@link Shipment#ZONE}); {@code null} when the record's
 * date could not be read
 * @param name the event name, upper case with single spaces, e.g. {@code PROSES ANTAR}
 * @param description free text; for {@code POSTING LOKET} the {@code ;}-separated service, sender and receiver
 */
public record TrackingEvent(LocalDateTime at, String name, Office office, String description) {

	public TrackingEvent {
		name = name == null ? "" : name.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
		office = office == null ? Office.NONE : office;
		description = description == null ? "" : description.strip();
	}

	@Override
	public String toString() {
		return "TrackingEvent[" + at + ", " + name + ", " + office.name() + "]";
	}

}
