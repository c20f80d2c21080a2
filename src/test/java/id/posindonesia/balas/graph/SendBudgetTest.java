package id.posindonesia.balas.graph;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import id.posindonesia.balas.BalasIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The Send API budget on the application's Redis, with budgets and accounts of each test's own. */
@BalasIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SendBudgetTest {

	@Autowired
	private ReactiveStringRedisTemplate redis;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void hundredsOfMessagesFromThreeInstancesNeverTakeMoreThanTheBudgetInASecond() throws Exception {
		String account = SendBudgets.account();
		List<SendBudget> instances = List.of(budget(100, 20, Duration.ofSeconds(5)),
				budget(100, 20, Duration.ofSeconds(5)), budget(100, 20, Duration.ofSeconds(5)));
		SendBudgets.startOfASecond();

		List<Long> grantedAt = Flux.range(0, 300)
			.flatMap(i -> instances.get(i % 3).forMessage(account).then(Mono.fromCallable(System::currentTimeMillis)))
			.collectList()
			.block(Duration.ofSeconds(10));

		TreeMap<Long, Long> perSecond = grantedAt.stream()
			.collect(Collectors.groupingBy(millis -> millis / 1000, TreeMap::new, Collectors.counting()));
		long first = perSecond.firstKey();
		assertThat(perSecond).as("messages let through in each second")
			.containsExactly(entry(first, 100L), entry(first + 1, 100L), entry(first + 2, 100L));
		assertThat(meters.timer("balas.graph.send.budget.wait").count()).isEqualTo(200);
		assertThat(meters.counter("balas.graph.send.budget.exhausted").count()).isZero();
	}

	@Test
	void senderActionsAreShedOnceOnlyTheReserveIsLeftWhileMessagesTakeIt() throws Exception {
		String account = SendBudgets.account();
		SendBudget budget = budget(10, 4, Duration.ofSeconds(5));
		SendBudgets.startOfASecond();

		List<Boolean> senderActions = Flux.range(0, 10).concatMap(i -> budget.forSenderAction(account)).collectList().block();
		Flux.range(0, 4).concatMap(i -> budget.forMessage(account)).blockLast(Duration.ofSeconds(5));

		assertThat(senderActions).containsExactly(true, true, true, true, true, true, false, false, false, false);
		assertThat(meters.counter("balas.graph.sender.actions.shed").count()).isEqualTo(4);
		assertThat(meters.timer("balas.graph.send.budget.wait").count()).as("messages that had to wait").isZero();
		// the count is gone when its second ends: no key outlives its use
		assertThat(redis.getExpire(SendBudget.key(account)).block()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void aMessageWaitsForTheNextSecondAndGivesUpAfterMaxWait() throws Exception {
		String account = SendBudgets.account();
		SendBudget patient = budget(3, 0, Duration.ofSeconds(5));
		SendBudget impatient = budget(3, 0, Duration.ofMillis(300));
		SendBudgets.startOfASecond();
		long second = System.currentTimeMillis() / 1000;

		Flux.range(0, 3).concatMap(i -> patient.forMessage(account)).blockLast(Duration.ofSeconds(5));
		Throwable givenUp = impatient.forMessage(account).then(Mono.<Throwable>empty())
			.onErrorResume(Mono::just).block(Duration.ofSeconds(5));
		patient.forMessage(account).block(Duration.ofSeconds(5));

		assertThat(givenUp).isInstanceOf(SendBudgetExhaustedException.class);
		assertThat(System.currentTimeMillis() / 1000).as("the second the fourth message went in").isGreaterThan(second);
		assertThat(meters.timer("balas.graph.send.budget.wait").count()).as("messages that had to wait").isEqualTo(1);
		assertThat(meters.counter("balas.graph.send.budget.exhausted").count()).isEqualTo(1);
	}

	@Test
	void everyCallGoesOutWhenRedisCannotCountAndTheOutageIsLoggedOnce(CapturedOutput output) throws Exception {
		LettuceConnectionFactory deadRedis = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", closedPort()));
		deadRedis.afterPropertiesSet();
		try {
			SendBudget budget = new SendBudget(new ReactiveStringRedisTemplate(deadRedis),
					new SendBudgetProperties(1, 1, Duration.ofMillis(300)), meters);
			String account = SendBudgets.account();

			Flux.range(0, 3).concatMap(i -> budget.forMessage(account)).blockLast(Duration.ofSeconds(10));
			List<Boolean> senderActions = Flux.range(0, 2).concatMap(i -> budget.forSenderAction(account)).collectList()
				.block(Duration.ofSeconds(10));

			assertThat(senderActions).containsExactly(true, true);
			assertThat(meters.counter("balas.graph.send.budget.unavailable").count()).isEqualTo(5);
			assertThat(output.getOut().split("Redis cannot count the Send API budget", -1)).hasSize(2);
		}
		finally {
			deadRedis.destroy();
		}
	}

	private SendBudget budget(int perSecond, int reserveForReplies, Duration maxWait) {
		return SendBudgets.of(redis, perSecond, reserveForReplies, maxWait, meters);
	}

	static int closedPort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
