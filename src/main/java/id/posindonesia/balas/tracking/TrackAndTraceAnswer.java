package id.posindonesia.balas.tracking;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Reads the API's answer: {@code {"rs_tnt": {"r_tnt": [event, …]}}}, where a lone event may come as an object
 * instead of an array, or {@code {"rs_tnt": null}} for a barcode it does not know. Missing or odd fields inside an
 * event are tolerated; an answer of another shape is {@linkplain MalformedAnswer malformed}.
 */
final class TrackAndTraceAnswer {

	// the API writes "2026-11-20 09:14:02"; seconds or a 'T' separator missing or added are read as well
	private static final DateTimeFormatter EVENT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd['T'][' ']HH:mm[:ss][.SSS]");

	private TrackAndTraceAnswer() {
	}

	static TrackingResult read(String barcode, JsonNode root) {
		if (root == null || !root.isObject() || !root.has("rs_tnt")) {
			throw new MalformedAnswer("no rs_tnt in the answer");
		}
		JsonNode result = root.get("rs_tnt");
		if (result.isNull()) {
			return new TrackingResult.Unknown(barcode);
		}
		if (!result.isObject()) {
			throw new MalformedAnswer("rs_tnt is neither an object nor null");
		}
		List<TrackingEvent> events = events(result.path("r_tnt"));
		return events.isEmpty() ? new TrackingResult.Unknown(barcode)
				: new TrackingResult.Found(Shipment.of(barcode, events));
	}

	private static List<TrackingEvent> events(JsonNode events) {
		if (events.isMissingNode() || events.isNull()) {
			return List.of();
		}
		if (events.isObject()) {
			return List.of(event(events));
		}
		if (!events.isArray()) {
			throw new MalformedAnswer("r_tnt is neither an array nor an object");
		}
		List<TrackingEvent> read = new ArrayList<>();
		for (JsonNode event : events) {
			if (event.isObject()) {
				read.add(event(event));
			}
		}
		if (read.isEmpty() && !events.isEmpty()) {
			throw new MalformedAnswer("r_tnt holds no event objects");
		}
		return read;
	}

	private static TrackingEvent event(JsonNode event) {
		return new TrackingEvent(date(text(event, "eventDate")), text(event, "eventName"),
				new Office(text(event, "officeCode"), text(event, "officeName")), text(event, "description"));
	}

	private static String text(JsonNode event, String field) {
		JsonNode value = event.path(field);
		return value.isValueNode() && !value.isNull() ? value.asString("") : "";
	}

	private static LocalDateTime date(String text) {
		try {
			return LocalDateTime.parse(text.strip().replaceAll("\\s+", " "), EVENT_DATE);
		}
		catch (DateTimeParseException unreadable) {
			return null;
		}
	}

	/** An answer whose shape is not the API's. */
	static final class MalformedAnswer extends RuntimeException {

		MalformedAnswer(String message) {
			super(message, null, false, false);
		}

	}

}
