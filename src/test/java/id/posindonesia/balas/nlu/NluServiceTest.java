package id.posindonesia.balas.nlu;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class NluServiceTest {

	private final NluService nlu = TrainedNlu.SERVICE;

	@Test
	void understandsATrackingQuestionWithItsBarcode() {
		String text = "min paket sy udh sampe mana ya? resinya RR007321866ID";

		NluResult result = nlu.parse(text);

		assertThat(result.text()).isEqualTo(text);
		assertThat(result.intent().name()).isEqualTo(Intent.TRACK_PARCEL);
		assertThat(result.entities()).containsExactly(
				new Entity(EntityType.BARCODE, "RR007321866ID", text.indexOf("RR"), text.length()));
		assertThat(result.language()).isEqualTo(Language.ID);
	}

	@Test
	void reportsAnotherCouriersWaybillAsSuchAndNeverAsABarcode() {
		String text = "min resi jne JP1234567890 kok ga gerak ya";

		NluResult result = nlu.parse(text);

		assertThat(result.entities()).containsExactly(
				new Entity(EntityType.OTHER_WAYBILL, "JP1234567890", text.indexOf("JP"), text.indexOf(" kok")));
	}

	@Test
	void answersEnglishInEnglish() {
		NluResult result = nlu.parse("Thank you so much for your help!");

		assertThat(result.intent().name()).isEqualTo(Intent.THANKS);
		assertThat(result.language()).isEqualTo(Language.EN);
	}

	@Test
	void ranksEveryIntentBestFirst() {
		NluResult result = nlu.parse("nomor call center pos berapa ya");

		assertThat(result.intentRanking()).extracting(IntentScore::name).containsExactlyInAnyOrder(Intent.values());
		assertThat(result.intentRanking()).isSortedAccordingTo(
				(first, second) -> Double.compare(second.confidence(), first.confidence()));
		assertThat(result.intent()).isEqualTo(result.intentRanking().get(0));
	}

	@Test
	void treatsMessagesWithNothingToClassifyAsOutOfScope() {
		assertThat(nlu.parse("   ").intent().name()).isEqualTo(Intent.OUT_OF_SCOPE);
		assertThat(nlu.parse("...").intent().name()).isEqualTo(Intent.OUT_OF_SCOPE);
	}

	@Test
	void fallsBackToOutOfScopeWhenTheModelIsUnsure() {
		NluResult result = nlu.parse("qwrtz plmkn zxcvb");

		assertThat(result.intent().name()).isEqualTo(Intent.OUT_OF_SCOPE);
	}

	@Test
	void refusesNull() {
		assertThatNullPointerException().isThrownBy(() -> nlu.parse(null));
	}

}
