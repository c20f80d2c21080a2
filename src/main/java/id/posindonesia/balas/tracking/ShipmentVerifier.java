package id.posindonesia.balas.tracking;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import id.posindonesia.balas.tracking.Verification.Missing;
import id.posindonesia.balas.tracking.Verification.Role;

/**
 * Decides whether what a customer wrote proves they may see a shipment: the sender's or the receiver's name (see
 * {@link PersonName} for how names match), plus either the last 4 digits of that same person's phone (or the whole
 * number) or the destination postcode.
 */
@Component
public class ShipmentVerifier {

	public Verification verify(Shipment shipment, VerificationClaim claim) {
		Set<Missing> missing = EnumSet.noneOf(Missing.class);
		if (!claim.hasName()) {
			missing.add(Missing.NAME);
		}
		if (!claim.hasNumber()) {
			missing.add(Missing.NUMBER);
		}
		if (!missing.isEmpty()) {
			return new Verification.Incomplete(missing);
		}
		boolean postcode = !shipment.receiver().postcode().isEmpty()
				&& claim.numbers().contains(shipment.receiver().postcode().replaceAll("\\D", ""));
		if (proves(claim, shipment.sender(), postcode)) {
			return new Verification.Verified(Role.SENDER);
		}
		if (proves(claim, shipment.receiver(), postcode)) {
			return new Verification.Verified(Role.RECEIVER);
		}
		return new Verification.Rejected();
	}

	private static boolean proves(VerificationClaim claim, Party party, boolean postcode) {
		List<String> name = PersonName.tokens(party.name());
		boolean named = claim.names().stream().anyMatch(claimed -> PersonName.matches(List.of(claimed.split(" ")), name));
		return named && (postcode || knowsPhone(claim, party));
	}

	private static boolean knowsPhone(VerificationClaim claim, Party party) {
		String lastFour = party.phoneLastFour();
		String national = national(party.phone());
		return claim.numbers().stream()
			.anyMatch(number -> (!lastFour.isEmpty() && number.equals(lastFour))
					|| (number.length() > 5 && national.length() > 5 && national(number).equals(national)));
	}

	/** A phone number without its country or trunk prefix: {@code 6281…} and {@code 081…} are both {@code 81…}. */
	private static String national(String phone) {
		return phone.replaceAll("\\D", "").replaceFirst("^(?:62|0)", "");
	}

}
