package id.posindonesia.balas.complaint;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;

import static org.assertj.core.api.Assertions.assertThat;

class FollowerTierTest {

	@ParameterizedTest
	@CsvSource({ "0, REGULAR, 5", "9999, REGULAR, 5", "10000, MICRO, 4", "49999, MICRO, 4", "50000, MID, 3",
			"499999, MID, 3", "500000, MACRO, 2", "999999, MACRO, 2", "1000000, MEGA, 1", "250000000, MEGA, 1" })
	void tiersStartAtTheirThresholds(long followers, FollowerTier tier, int priority) {
		assertThat(FollowerTier.of(followers)).isEqualTo(tier);
		assertThat(tier.priority()).isEqualTo(priority);
	}

	@ParameterizedTest
	@NullSource
	void anUnknownFollowerCountIsRegular(Long followers) {
		assertThat(FollowerTier.of(followers)).isEqualTo(FollowerTier.REGULAR);
	}

}
