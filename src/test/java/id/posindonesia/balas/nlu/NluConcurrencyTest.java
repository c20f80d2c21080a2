package id.posindonesia.balas.nlu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NluConcurrencyTest {

	private static final int THREADS = 8;

	@Test
	void manyThreadsParsingAtOnceGetTheSameAnswersAsOne() throws Exception {
		List<String> messages = IntentData.from(null).test().stream().map(LabeledText::text).toList();
		Map<String, NluResult> singleThreaded = messages.stream()
			.distinct()
			.collect(Collectors.toMap(Function.identity(), TrainedNlu.SERVICE::parse));

		Map<String, NluResult> concurrent = new ConcurrentHashMap<>();
		List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int thread = 0; thread < THREADS; thread++) {
				List<String> shuffled = new ArrayList<>(messages);
				Collections.shuffle(shuffled, new Random(thread));
				workers.add(pool.submit((Callable<Void>) () -> {
					start.await();
					for (String message : shuffled) {
						NluResult result = TrainedNlu.SERVICE.parse(message);
						concurrent.put(message, result);
						if (!result.equals(singleThreaded.get(message))) {
							mismatches.add(message);
						}
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(mismatches).isEmpty();
		assertThat(concurrent).isEqualTo(singleThreaded);
	}

}
