package id.posindonesia.balas.conversation;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param ttl a conversation silent for this long is forgotten */
@Validated
@ConfigurationProperties("balas.conversation")
record ConversationProperties(@DefaultValue("30d") @NotNull Duration ttl) {
}
