package id.posindonesia.balas;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BalasApplication {

	public static void main(String[] args) {
		SpringApplication.run(BalasApplication.class, args);
	}

}
