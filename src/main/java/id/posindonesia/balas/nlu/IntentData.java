package id.posindonesia.balas.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.StreamUtils;

/**
 * The intents folder: {@code training/<intent>.txt} and {@code test/<intent>.txt} with one example a
 * line ({@code #} starts a comment), the realistic test set {@code test-realistic/messages.tsv}
 * ({@code labels<TAB>text} under a header line, several right intents separated by {@code |}, the
 * preferred first), and {@code lexicon.tsv}. It is read from a directory when one is configured,
 * otherwise from the copy the build puts on the classpath (also inside the jar).
 */
public final class IntentData {

	private static final Logger log = LoggerFactory.getLogger(IntentData.class);

	private static final String LEXICON = "lexicon.tsv";

	private static final String REALISTIC = "test-realistic/messages.tsv";

	private static final Pattern LABEL_SEPARATOR = Pattern.compile("\\s*\\|\\s*");

	private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	private final String location;

	private IntentData(String location) {
		this.location = location;
	}

	/** The folder at {@code directory}, or the copy on the classpath when it is null. */
	public static IntentData from(@Nullable Path directory) {
		return new IntentData(
				directory != null ? "file:" + directory.toAbsolutePath().normalize() + "/" : "classpath*:intents/");
	}

	public List<LabeledText> training() {
		return examples("training");
	}

	/** The hand-written held-out set. */
	public List<LabeledText> test() {
		return examples("test");
	}

	/**
	 * The held-out set of long, polite, messy messages written by someone who did not write the training
	 * lines; empty when the folder has none.
	 */
	public List<LabeledText> realistic() {
		Resource file = Arrays.stream(resources(REALISTIC)).filter(Resource::exists).findFirst().orElse(null);
		return file == null ? List.of() : labeledMessages(lines(file), REALISTIC);
	}

	/**
	 * A file in the realistic set's format ({@code labels<TAB>text}), such as a probe set kept outside the
	 * intents folder.
	 */
	public static List<LabeledText> labeledMessages(Path file) {
		try {
			return labeledMessages(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

	private static List<LabeledText> labeledMessages(List<String> lines, String source) {
		List<LabeledText> examples = new ArrayList<>();
		for (int number = 1; number <= lines.size(); number++) {
			String line = lines.get(number - 1).strip();
			if (line.isEmpty() || line.startsWith("#") || line.startsWith("labels\t")) {
				continue;
			}
			int tab = line.indexOf('\t');
			if (tab < 0) {
				throw new IllegalArgumentException("No tab after the labels in %s line %d".formatted(source, number));
			}
			List<Intent> labels = LABEL_SEPARATOR.splitAsStream(line.substring(0, tab).strip())
				.map(Intent::fromLabel)
				.toList();
			examples.add(new LabeledText(labels, line.substring(tab + 1).strip()));
		}
		return List.copyOf(examples);
	}

	Lexicon lexicon() {
		Resource lexicon = Arrays.stream(resources(LEXICON)).filter(Resource::exists).findFirst().orElse(null);
		if (lexicon == null) {
			log.warn("No {} under {}; words are classified as spelled", LEXICON, location);
			return Lexicon.EMPTY;
		}
		return Lexicon.parse(lines(lexicon), lexicon.getDescription());
	}

	@Override
	public String toString() {
		return location;
	}

	private List<LabeledText> examples(String folder) {
		// the same file may be on the classpath twice (e.g. an exploded build and a jar); the first wins
		Map<String, Resource> filesByName = new TreeMap<>();
		for (Resource file : resources(folder + "/*.txt")) {
			filesByName.putIfAbsent(file.getFilename(), file);
		}
		List<LabeledText> examples = new ArrayList<>();
		filesByName.forEach((fileName, file) -> {
			Intent intent = Intent.fromLabel(fileName.substring(0, fileName.length() - ".txt".length()));
			lines(file).stream()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.forEach(line -> examples.add(new LabeledText(intent, line)));
		});
		if (examples.isEmpty()) {
			throw new IllegalStateException("No examples in " + location + folder + "/*.txt");
		}
		return List.copyOf(examples);
	}

	private Resource[] resources(String pattern) {
		try {
			return resolver.getResources(location + pattern);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + location + pattern, ex);
		}
	}

	private static List<String> lines(Resource resource) {
		try (var in = resource.getInputStream()) {
			return StreamUtils.copyToString(in, StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource.getDescription(), ex);
		}
	}

}
