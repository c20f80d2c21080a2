package id.posindonesia.balas.nlu;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request-wins rule on a small model whose greetings outweigh a short request: with the rule, the
 * request inside the polite wrapper decides; without it, the whole message does.
 */
class RequestWinsTest {

	private static final String WRAPPED_REQUEST = "halo halo selamat siang admin kakak , sinyal hilang , terima kasih banyak admin";

	private final List<LabeledText> examples = examples();

	@Test
	void theRequestInsideDecidesWhenTheRuleIsOn() {
		assertThat(intentOf(WRAPPED_REQUEST, true)).isEqualTo(Intent.OUT_OF_SCOPE);
	}

	@Test
	void theWholeMessageDecidesWhenTheRuleIsOff() {
		assertThat(intentOf(WRAPPED_REQUEST, false)).isIn(Intent.GREETING, Intent.THANKS);
	}

	@Test
	void aMessageThatIsOnlyPolitenessStaysAGreeting() {
		assertThat(intentOf("halo selamat siang admin", true)).isEqualTo(Intent.GREETING);
	}

	private Intent intentOf(String text, boolean requestWins) {
		NluProperties properties = NluProperties.defaults()
			.withClassifier(NluProperties.ClassifierSettings.DEFAULTS.withRequestWins(requestWins));
		return NluService.train(properties, examples).parse(text).intentRanking().get(0).name();
	}

	private static List<LabeledText> examples() {
		List<LabeledText> examples = new ArrayList<>();
		for (String greeting : List.of("halo", "halo admin", "selamat siang", "selamat siang kakak", "halo halo",
				"halo kakak", "siang admin")) {
			examples.add(new LabeledText(Intent.GREETING, greeting));
		}
		for (String thanks : List.of("terima kasih", "terima kasih banyak admin", "makasih kak")) {
			examples.add(new LabeledText(Intent.THANKS, thanks));
		}
		for (String outOfScope : List.of("sinyal hilang", "sinyal telkomsel hilang dari pagi", "akun gojek diblokir")) {
			examples.add(new LabeledText(Intent.OUT_OF_SCOPE, outOfScope));
		}
		for (String track : List.of("paket saya sampai mana", "cek resi dong")) {
			examples.add(new LabeledText(Intent.TRACK_PARCEL, track));
		}
		return examples;
	}

}
