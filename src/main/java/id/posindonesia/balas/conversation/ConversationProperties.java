package id.posindonesia.balas.conversation;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param ttl a conversation silent for this long is forgotten
 * @param repliesTtl how long the messages an event sends are remembered, so that an event processed again sends
 * only what it has not sent yet; longer than an event's retries last
 * @param transcriptLength messages of a conversation's transcript kept at most (the oldest go first)
 */
@Validated
@ConfigurationProperties("balas.conversation")
record ConversationProperties(@DefaultValue("30d") @NotNull Duration ttl,
		@DefaultValue("3d") @NotNull Duration repliesTtl, @DefaultValue("500") @Min(1) int transcriptLength) {
}
