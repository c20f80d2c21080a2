package id.posindonesia.balas.complaint;

/**
 * How widely a customer is followed on Instagram: a complaint from a widely followed account is seen by many, so
 * the contact center handles it first. Priority 1 is the most urgent.
 */
public enum FollowerTier {

	MEGA(1_000_000, 1),

	MACRO(500_000, 2),

	MID(50_000, 3),

	MICRO(10_000, 4),

	REGULAR(0, 5);

	private final long minimumFollowers;

	private final int priority;

	FollowerTier(long minimumFollowers, int priority) {
		this.minimumFollowers = minimumFollowers;
		this.priority = priority;
	}

	/** The tier of an account with that many followers; an unknown count (profile unavailable) is regular. */
	public static FollowerTier of(Long followers) {
		if (followers != null) {
			for (FollowerTier tier : values()) {
				if (followers >= tier.minimumFollowers) {
					return tier;
				}
			}
		}
		return REGULAR;
	}

	public long minimumFollowers() {
		return minimumFollowers;
	}

	/** 1 (most urgent) to 5. */
	public int priority() {
		return priority;
	}

}
