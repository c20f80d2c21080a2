package id.posindonesia.balas.tracking;

import java.util.Set;

/** The outcome of {@link ShipmentVerifier#verify}. */
public sealed interface Verification {

	/** The claim proves the customer knows {@code role}'s data: the shipment may be shown. */
	record Verified(Role role) implements Verification {
	}

	/**
	 * The claim lacks a kind of data; decided from the claim alone, never from the record, so it tells nothing
	 * about the shipment. Ask for what is missing.
	 */
	record Incomplete(Set<Missing> missing) implements Verification {

		public Incomplete {
			missing = Set.copyOf(missing);
		}

	}

	/** The claim has a name and a number, and they do not prove anything. Which part is wrong is not told. */
	record Rejected() implements Verification {
	}

	enum Role {
		SENDER, RECEIVER
	}

	enum Missing {
		/** The sender's or the receiver's name. */
		NAME,
		/** The last 4 digits of that person's phone, or the destination postcode. */
		NUMBER
	}

}
