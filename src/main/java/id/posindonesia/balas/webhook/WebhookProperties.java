package id.posindonesia.balas.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** @param maxBodySize larger bodies are refused with 413 before their signature is even checked */
@ConfigurationProperties("balas.webhook")
record WebhookProperties(@DefaultValue("1MB") DataSize maxBodySize) {
}
