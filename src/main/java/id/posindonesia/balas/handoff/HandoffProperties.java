package id.posindonesia.balas.handoff;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param mode where agents answer: Balas's own console, or Meta's Instagram Inbox ({@code HANDOFF_MODE})
 * @param idleTimeout a held conversation whose agent has neither claimed nor written for this long goes back to
 * the queue
 * @param idleCheckInterval how often each instance looks for idle agents
 * @param handlingTime an agent's time per conversation, for the wait told to a queued customer
 * @param complaintPriority complaints whose ticket priority is this or more urgent (1–5; 4 = at least 10k
 * followers) go to an agent as well as to the post office
 * @param ttl a handoff nobody took within this long is forgotten; Meta lets an agent answer for 7 days
 * @param inboxAppId the app that receives conversations in {@code inbox} mode: Meta's Page Inbox
 * @param keepAlive how often an agent's event stream says it is alive; it also keeps the console's session open
 */
@Validated
@ConfigurationProperties("balas.handoff")
record HandoffProperties(@DefaultValue("console") @NotNull HandoffMode mode,
		@DefaultValue("10m") @NotNull Duration idleTimeout, @DefaultValue("30s") @NotNull Duration idleCheckInterval,
		@DefaultValue("5m") @NotNull Duration handlingTime, @DefaultValue("4") @Min(1) @Max(5) int complaintPriority,
		@DefaultValue("7d") @NotNull Duration ttl, @DefaultValue("263902037430900") @NotNull String inboxAppId,
		@DefaultValue("15s") @NotNull Duration keepAlive) {

	enum HandoffMode {

		CONSOLE, INBOX

	}

}
