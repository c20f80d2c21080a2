package id.posindonesia.balas.complaint;

import java.util.Objects;

/**
 * The shipment a complaint is about.
 *
 * @param barcode normalised barcode, as the NLU gives it
 * @param verified whether the customer passed verification for it in this conversation
 * @param service the service from the tracking record ({@code LAYANAN}, e.g. {@code PKH}), or null when unknown
 * @param originOffice the office that accepted it ({@code POSTING LOKET}'s office), or null when unknown
 */
public record ComplainedShipment(String barcode, boolean verified, String service, String originOffice) {

	public ComplainedShipment {
		Objects.requireNonNull(barcode, "barcode");
	}

}
