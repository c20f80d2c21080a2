package id.posindonesia.balas.nlu;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import id.posindonesia.balas.nlu.NluProperties.ClassifierSettings;

import static org.assertj.core.api.Assertions.assertThat;

class NluPropertiesTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesOnly.class);

	@Test
	void defaultsEveryAbsentKey() {
		context.run(context -> {
			NluProperties properties = context.getBean(NluProperties.class);

			assertThat(properties).isEqualTo(NluProperties.defaults());
			assertThat(properties.intentsDir()).isNull();
			assertThat(properties.classifier()).isEqualTo(ClassifierSettings.DEFAULTS);
			assertThat(properties.maxTextLength()).isEqualTo(2000);
		});
	}

	@Test
	void bindsOverrides() {
		context
			.withPropertyValues("balas.nlu.intents-dir=/srv/intents", "balas.nlu.confidence-threshold=0.5",
					"balas.nlu.classifier.algorithm=naive-bayes", "balas.nlu.classifier.features=word-ngrams")
			.run(context -> {
				NluProperties properties = context.getBean(NluProperties.class);

				assertThat(properties.intentsDir()).isEqualTo(Path.of("/srv/intents"));
				assertThat(properties.fallbackPolicy())
					.isEqualTo(new FallbackPolicy(0.5, NluProperties.defaults().margin()));
				assertThat(properties.classifier().algorithm()).isEqualTo(TrainingAlgorithm.NAIVE_BAYES);
				assertThat(properties.classifier().features()).isEqualTo(FeatureSet.WORD_NGRAMS);
				assertThat(properties.classifier().cutoff()).isEqualTo(ClassifierSettings.DEFAULTS.cutoff());
			});
	}

	@Test
	void refusesAThresholdThatIsNotAProbability() {
		context.withPropertyValues("balas.nlu.confidence-threshold=1.5")
			.run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining("confidenceThreshold"));
	}

	@Test
	void refusesAZeroCutoff() {
		context.withPropertyValues("balas.nlu.classifier.cutoff=0")
			.run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining("cutoff"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(NluProperties.class)
	static class PropertiesOnly {

	}

}
