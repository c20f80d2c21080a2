package id.posindonesia.balas.graph;

import java.time.Duration;

/**
 * A message found its account's Send API budget spent for longer than it may wait. It was never sent, so it is not
 * retried at once (that would only spend more of the budget): the event fails and the inbox tries it again later.
 */
public class SendBudgetExhaustedException extends RuntimeException {

	SendBudgetExhaustedException(Duration maxWait) {
		super("The account's Send API budget stayed spent for " + maxWait + "; the message was not sent");
	}

}
