package id.posindonesia.balas.tracking;

import java.time.LocalDateTime;

/**
 * The latest event of a shipment, in categories a reply can be written for.
 *
 * @param eventName the latest event's name as the record gives it, e.g. {@code MANIFEST TERIMA}
 * @param office where it happened
 * @param at when, in {@link Shipment#ZONE}; {@code null} when the record's date could not be read
 * @param deliveredTo for {@link Phase#DELIVERED}, whoever the {@code SELESAI ANTAR} description names as having
 * received it (e.g. {@code YANG BERSANGKUTAN}, the addressee); empty otherwise or when it names nobody
 */
public record ShipmentStatus(Phase phase, String eventName, Office office, LocalDateTime at, String deliveredTo) {

	public enum Phase {

		/** Accepted at a counter ({@code POSTING LOKET}). */
		POSTED,
		/** Between offices ({@code MANIFEST SERAH}, {@code MANIFEST TERIMA}, transit). */
		IN_TRANSIT,
		/** With a courier on the way to the receiver ({@code PROSES ANTAR}, a new delivery attempt). */
		OUT_FOR_DELIVERY,
		/** Delivered ({@code SELESAI ANTAR}). */
		DELIVERED,
		/** Going or gone back to the sender ({@code RETUR…}). */
		RETURNED,
		/** A delivery attempt failed ({@code GAGAL ANTAR}, {@code …GAGAL…}). */
		FAILED,
		/** An event name Balas does not know, or no event at all. */
		UNKNOWN;

		static Phase of(String eventName) {
			if (eventName.contains("RETUR")) {
				return RETURNED;
			}
			if (eventName.contains("GAGAL") || eventName.contains("FAILED")) {
				return FAILED;
			}
			if (eventName.equals("SELESAI ANTAR")) {
				return DELIVERED;
			}
			if (eventName.equals("PROSES ANTAR") || eventName.equals("ANTAR ULANG")) {
				return OUT_FOR_DELIVERY;
			}
			if (eventName.startsWith("MANIFEST") || eventName.contains("TRANSIT")) {
				return IN_TRANSIT;
			}
			if (eventName.equals(Shipment.POSTING)) {
				return POSTED;
			}
			return UNKNOWN;
		}

	}

}
