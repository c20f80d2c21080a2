package id.posindonesia.balas.nlu;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NluProperties.class)
class NluConfiguration {

	@Bean
	NluService nluService(NluProperties properties) {
		return NluService.train(properties);
	}

}
