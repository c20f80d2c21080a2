package id.posindonesia.balas.tracking;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shipment as the track-and-trace API knows it. The service, the parties and the origin office come from its
 * {@code POSTING LOKET} event; they are empty when the record has none.
 *
 * @param barcode the barcode asked for, upper case
 * @param service e.g. {@code PKH}; empty when unknown
 * @param originOffice the office where it was posted
 * @param events oldest first; events without a readable date come first, in the order the API gave them
 */
public record Shipment(String barcode, String service, Party sender, Party receiver, Office originOffice,
		List<TrackingEvent> events) {

	/** The time zone of every date in the record. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

	static final String POSTING = "POSTING LOKET";

	private static final Pattern DELIVERED_TO = Pattern
		.compile("(?:diterima\\s+oleh|penerima|received\\s+by|diterima)\\s*:?\\s*([^;]+)", Pattern.CASE_INSENSITIVE);

	public Shipment {
		barcode = barcode == null ? "" : barcode;
		service = service == null ? "" : service.strip();
		sender = sender == null ? Party.NONE : sender;
		receiver = receiver == null ? Party.NONE : receiver;
		originOffice = originOffice == null ? Office.NONE : originOffice;
		events = events == null ? List.of()
				: events.stream()
					.sorted(Comparator.comparing(TrackingEvent::at, Comparator.nullsFirst(Comparator.naturalOrder())))
					.toList();
	}

	/**
	 * Builds a shipment from its events in any order, reading the service, the parties and the origin office from
	 * the first {@code POSTING LOKET} event.
	 */
	static Shipment of(String barcode, List<TrackingEvent> events) {
		TrackingEvent posting = events.stream().filter(event -> POSTING.equals(event.name())).findFirst().orElse(null);
		if (posting == null) {
			return new Shipment(barcode, "", Party.NONE, Party.NONE, Office.NONE, events);
		}
		PostingDescription description = PostingDescription.parse(posting.description());
		return new Shipment(barcode, description.service(), description.sender(), description.receiver(),
				posting.office(), events);
	}

	/** Where the shipment stands now: its latest event, in plain categories. */
	public ShipmentStatus status() {
		if (events.isEmpty()) {
			return new ShipmentStatus(ShipmentStatus.Phase.UNKNOWN, "", Office.NONE, null, "");
		}
		TrackingEvent latest = events.get(events.size() - 1);
		ShipmentStatus.Phase phase = ShipmentStatus.Phase.of(latest.name());
		String deliveredTo = phase == ShipmentStatus.Phase.DELIVERED ? deliveredTo(latest.description()) : "";
		return new ShipmentStatus(phase, latest.name(), latest.office(), latest.at(), deliveredTo);
	}

	/**
	 * Whether a customer can prove anything about this shipment: the record names at least one party together with
	 * a phone number or the destination postcode. When not, only an agent can help.
	 */
	public boolean verifiable() {
		boolean postcode = !receiver.postcode().isEmpty();
		return (!sender.name().isEmpty() && (postcode || !sender.phoneLastFour().isEmpty()))
				|| (!receiver.name().isEmpty() && (postcode || !receiver.phoneLastFour().isEmpty()));
	}

	private static String deliveredTo(String description) {
		Matcher matcher = DELIVERED_TO.matcher(description);
		return matcher.find() ? matcher.group(1).strip().replaceAll("\\s+", " ") : "";
	}

	@Override
	public String toString() {
		return "Shipment[" + barcode + ", " + events.size() + " events, " + status().phase() + "]";
	}

	/**
	 * The {@code ;}-separated description of {@code POSTING LOKET}:
	 * {@code [0] LAYANAN :svc; [1] PENGIRIM : name; [2] address; [3] phone; [4] city; …; [7] PENERIMA : name;
	 * [8] address; [9] phone; [10] city; [11] postcode}. The labelled fields anchor their party when present, so a
	 * missing or extra field elsewhere shifts nothing; a description shorter than expected leaves the rest empty.
	 */
	record PostingDescription(String service, Party sender, Party receiver) {

		private static final int SENDER = 1;

		private static final int RECEIVER = 7;

		static PostingDescription parse(String description) {
			String[] fields = description.split(";", -1);
			int sender = indexOfLabel(fields, "PENGIRIM", SENDER);
			int receiver = indexOfLabel(fields, "PENERIMA", RECEIVER);
			int service = indexOfLabel(fields, "LAYANAN", 0);
			return new PostingDescription(value(fields, service),
					new Party(value(fields, sender), field(fields, sender + 1), field(fields, sender + 2),
							field(fields, sender + 3), ""),
					new Party(value(fields, receiver), field(fields, receiver + 1), field(fields, receiver + 2),
							field(fields, receiver + 3), field(fields, receiver + 4)));
		}

		private static int indexOfLabel(String[] fields, String label, int usual) {
			for (int i = 0; i < fields.length; i++) {
				if (fields[i].strip().toUpperCase(Locale.ROOT).startsWith(label)) {
					return i;
				}
			}
			return usual;
		}

		private static String field(String[] fields, int index) {
			return index < fields.length ? fields[index].strip().replaceAll("\\s+", " ") : "";
		}

		/** A labelled field's value: what follows {@code LABEL :}, or the whole field when it has no colon. */
		private static String value(String[] fields, int index) {
			String field = field(fields, index);
			int colon = field.indexOf(':');
			return colon < 0 ? field : field.substring(colon + 1).strip();
		}

	}

}
