package id.posindonesia.balas.nlu;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Single-thread cost of {@link NluService#parse(String)} (normalisation, entities, classification
 * and language) over the held-out messages in turn. Run with
 * {@code mvn -q -P nlu-benchmark test-compile exec:exec}.
 */
@State(Scope.Thread)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NluBenchmark {

	private NluService nlu;

	private String[] messages;

	private int next;

	@Setup
	public void trainOnTheIntents() {
		// OpenNLP reports every training pass at INFO
		LoggingSystem.get(getClass().getClassLoader()).setLogLevel("opennlp", LogLevel.WARN);
		nlu = NluService.train(NluProperties.defaults());
		messages = IntentData.from(null).test().stream().map(LabeledText::text).toArray(String[]::new);
	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public NluResult latency() {
		return parseNextMessage();
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public NluResult throughput() {
		return parseNextMessage();
	}

	private NluResult parseNextMessage() {
		String message = messages[next];
		next = (next + 1) % messages.length;
		return nlu.parse(message);
	}

}
