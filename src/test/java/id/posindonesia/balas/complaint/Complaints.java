package id.posindonesia.balas.complaint;

import java.util.UUID;

/** Complaints made by customers of their own, so that no test sees another's tickets. */
final class Complaints {

	static final String ACCOUNT = "17841400000000001";

	private Complaints() {
	}

	/** A complaint about a verified shipment from a new customer whose username is unique. */
	static NewComplaint about(String username) {
		return about(username, 12_345L, null);
	}

	static NewComplaint about(String username, Long followers, String requestKey) {
		String customer = "61" + (System.nanoTime() % 100_000_000_000_000L);
		return new NewComplaint(ACCOUNT + ":" + customer, ACCOUNT, customer, username, followers,
				ComplaintCategory.LATE, "Paket belum sampai, hubungi 0812-3456-7890 ya",
				new ComplainedShipment("16012345678", true, "PKH", "KPRK BANDUNG"), requestKey);
	}

	static String uniqueUsername() {
		return "user_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

}
