package id.posindonesia.balas.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The in-process WireMock that plays the Graph API and the tracking API when their URLs are not set.
 *
 * @param port 0 picks a free port
 */
@Validated
@ConfigurationProperties("balas.sandbox")
record SandboxProperties(@DefaultValue("0") @Min(0) @Max(65535) int port) {
}
