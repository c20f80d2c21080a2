package id.posindonesia.balas.nlu;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.posindonesia.balas.nlu.MessageAnalyzer.AnalyzedMessage;

/**
 * Understands customers' messages: their intent, the barcodes and phone numbers in them, and their
 * language. The model is trained from the intents folder when the service is created and never
 * changes afterwards; {@link #parse(String)} is thread-safe and CPU-bound (well under a millisecond),
 * so reactive callers should run it off the event loop.
 */
public class NluService {

	private static final Logger log = LoggerFactory.getLogger(NluService.class);

	private final MessageAnalyzer analyzer;

	private final IntentClassifier classifier;

	private final boolean requestWins;

	private final FallbackPolicy fallbackPolicy;

	private final LanguageDetector languageDetector;

	NluService(MessageAnalyzer analyzer, IntentClassifier classifier, boolean requestWins,
			FallbackPolicy fallbackPolicy, LanguageDetector languageDetector) {
		this.analyzer = analyzer;
		this.classifier = classifier;
		this.requestWins = requestWins;
		this.fallbackPolicy = fallbackPolicy;
		this.languageDetector = languageDetector;
	}

	/** Loads the intents folder and trains the model; takes a second or two. */
	static NluService train(NluProperties properties) {
		long started = System.nanoTime();
		IntentData data = IntentData.from(properties.intentsDir());
		List<LabeledText> training = data.training();
		NluService service = train(properties, data, training);
		log.info("NLU model ready in {} ms: {} examples from {}, {}",
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), training.size(), data,
				properties.classifier());
		return service;
	}

	/**
	 * Trains on the given examples instead of the configured folder's training set, with the lexicon of
	 * that folder: how the evaluation trains on a part of the examples.
	 */
	public static NluService train(NluProperties properties, List<LabeledText> examples) {
		return train(properties, IntentData.from(properties.intentsDir()), examples);
	}

	private static NluService train(NluProperties properties, IntentData data, List<LabeledText> examples) {
		Lexicon lexicon = data.lexicon();
		MessageAnalyzer analyzer = new MessageAnalyzer(new EntityExtractor(), new TextNormalizer(lexicon),
				PoliteWrappers.STANDARD);
		IntentClassifier classifier = IntentClassifier.train(examples, analyzer, properties.classifier());
		return new NluService(analyzer, classifier, properties.classifier().requestWins(), properties.fallbackPolicy(),
				new LanguageDetector(lexicon));
	}

	public NluResult parse(String text) {
		Objects.requireNonNull(text, "text");
		AnalyzedMessage message = analyzer.analyze(text);
		List<IntentScore> ranking = rank(message);
		return new NluResult(text, fallbackPolicy.decide(ranking), ranking, message.entities(),
				languageDetector.detect(message.words()));
	}

	// a message is a greeting or thanks only when that is all it says: when the whole reads as one but
	// something is left inside the polite opening and closing, the request there decides, unless it too
	// reads as mere politeness
	private List<IntentScore> rank(AnalyzedMessage message) {
		List<IntentScore> ranking = classifier.rank(message.tokens());
		if (!requestWins || !isPoliteness(ranking.get(0).name()) || !message.hasWrapper()) {
			return ranking;
		}
		List<IntentScore> requestRanking = classifier.rank(message.request());
		return isPoliteness(requestRanking.get(0).name()) ? ranking : requestRanking;
	}

	private static boolean isPoliteness(Intent intent) {
		return intent == Intent.GREETING || intent == Intent.THANKS;
	}

}
