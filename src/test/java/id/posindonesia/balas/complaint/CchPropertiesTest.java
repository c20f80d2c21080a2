package id.posindonesia.balas.complaint;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

class CchPropertiesTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Enable.class);

	@Test
	void theDefaultsLetALeaseOutlastAClaimedBatch() {
		context.run(started -> {
			CchProperties properties = started.getBean(CchProperties.class);
			assertThat(properties.webhookUrl()).isNull();
			assertThat(properties.lease()).isEqualTo(Duration.ofSeconds(60));
			assertThat(properties.batchSize()).isEqualTo(16);
		});
	}

	@Test
	void aLeaseTooShortForABatchIsRefusedAtStartUp() {
		// 16 reports, 4 at a time, 10 s each: the last may be sent 40 s after the claim
		context.withPropertyValues("balas.cch.concurrency=4", "balas.cch.lease=40s")
			.run(started -> assertThat(started).getFailure()
				.rootCause()
				.hasMessageContaining("lease must be longer than request-timeout"));
		context.withPropertyValues("balas.cch.concurrency=4", "balas.cch.lease=41s")
			.run(started -> assertThat(started).hasNotFailed());
	}

	@EnableConfigurationProperties(CchProperties.class)
	static class Enable {

	}

}
