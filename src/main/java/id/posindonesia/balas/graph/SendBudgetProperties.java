package id.posindonesia.balas.graph;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the Send API calls of every instance share Meta's rate limit of an Instagram account.
 *
 * @param perSecond Send API calls (messages and sender actions) per second per account, for all instances together;
 * Meta allows about 100
 * @param reserveForReplies units of every second that sender actions leave to replies: a {@code typing_on} or
 * {@code mark_seen} is dropped rather than take one of them (as many as {@code perSecond} drops them all). Half the
 * budget by default: with a reply and a sender action or two per conversation, a smaller reserve let sender actions
 * take most of a busy second, and replies that came late in it waited for the next (50 conversations/s in
 * {@code ReplyLatencyBenchmark}: 96 calls/s, some replies held back 0.6 s on average with a reserve of 20)
 * @param maxWait the longest a message waits for a unit of a later second; then its send fails as not taken, and the
 * inbox retries the event later. It adds to each attempt's time within {@code balas.inbox.handler-timeout}
 */
@Validated
@ConfigurationProperties("balas.graph.send-budget")
record SendBudgetProperties(@DefaultValue("100") @Min(1) int perSecond,
		@DefaultValue("50") @Min(0) int reserveForReplies, @DefaultValue("5s") @NotNull Duration maxWait) {
}
