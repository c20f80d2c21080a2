package id.posindonesia.balas.nlu;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EntityExtractorTest {

	private final EntityExtractor extractor = new EntityExtractor();

	private List<Entity> entities(String text) {
		return extractor.scan(text).entities();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			RR007321866ID                            | RR007321866ID | RR007321866ID
			min resinya RR007321866ID ya             | RR007321866ID | RR007321866ID
			rr 0073 2186 6id                         | rr 0073 2186 6id | RR007321866ID
			cek RR-007321866-ID dong                 | RR-007321866-ID | RR007321866ID
			barcode rr007321866id sudah dikirim?     | rr007321866id | RR007321866ID
			""")
	void findsS10BarcodesWithSpacesOrDashesInside(String text, String asWritten, String value) {
		assertThat(entities(text)).containsExactly(barcode(value, text, asWritten));
	}

	@Test
	void anS10CodeWithAWrongCheckDigitIsNotABarcodeButIsStillMaskedAsOne() {
		EntityExtractor.EntityScan scan = extractor.scan("resi RR007321867ID");

		assertThat(scan.entities()).isEmpty();
		assertThat(scan.lookalikes()).extracting(Entity::value).containsExactly("RR007321867ID");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			no resi 16012345678 udh sampe mana ya        | 16012345678    | 16012345678
			resinya ini P2311220098765, udah sampe mana  | P2311220098765 | P2311220098765
			resi aku 16098765432 posisinya dimana        | 16098765432    | 16098765432
			Tracking no. 16098765432                     | 16098765432    | 16098765432
			nomor resi: 1601-2345-678 tolong dicek       | 1601-2345-678  | 16012345678
			kiriman saya? p2301234567                    | p2301234567    | P2301234567
			awb 1234567890 min                           | 1234567890     | 1234567890
			""")
	void findsDomesticBarcodesAfterACue(String text, String asWritten, String value) {
		assertThat(entities(text)).containsExactly(barcode(value, text, asWritten));
	}

	@ParameterizedTest
	@ValueSource(strings = { "resi 12345 ya", "kiriman internasional ke jepang", "resi ABCDEFGH12",
			"kirim ke 2 alamat resi 123456789012345678901" })
	void ignoresCodesAfterACueThatCannotBeBarcodes(String text) {
		assertThat(entities(text)).isEmpty();
	}

	@Test
	void takesABareElevenToThirteenDigitNumberForADomesticBarcode() {
		String text = "mimin cek posisi paketku dongg, nomornya 16055501234";

		assertThat(entities(text)).containsExactly(barcode("16055501234", text, "16055501234"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "transfer 1234567890 ya", "rekening 12345678901234", "no va 12345678901234", "NIK 3201234567890123", "02112345678", "harga 150000" })
	void leavesOtherNumbersAlone(String text) {
		assertThat(entities(text)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			resi 24111200123456 sudah sampai mana            | 24111200123456 | 24111200123456
			paketku 24111200123456 kok belum gerak           | 24111200123456 | 24111200123456
			P2411120012345 posisinya dimana min              | P2411120012345 | P2411120012345
			tolong cek p2411120012345 ya                     | p2411120012345 | P2411120012345
			""")
	void takesBareFourteenDigitAndPNumbersForPosBarcodes(String text, String asWritten, String value) {
		assertThat(entities(text)).containsExactly(barcode(value, text, asWritten));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			resi jne JP1234567890 kok ga gerak            | JP1234567890    | JP1234567890
			JD0123456789 kurir j&t nya ga dateng           | JD0123456789    | JD0123456789
			resi saya JD0123456789 gimana ya               | JD0123456789    | JD0123456789
			paket sicepat 004412345678 masih di gudang     | 004412345678    | 004412345678
			resi sicepat saya 004412345678                 | 004412345678    | 004412345678
			anteraja 10001234567890 belum update           | 10001234567890  | 10001234567890
			resi jnt: 16012345678 min                      | 16012345678     | 16012345678
			shopee express SPXID0123456789 nyasar          | SPXID0123456789 | SPXID0123456789
			cek NLIDAP12345678 dong                        | NLIDAP12345678  | NLIDAP12345678
			""")
	void takesAnotherCouriersWaybillForOneAndNeverForABarcode(String text, String asWritten, String value) {
		int start = text.indexOf(asWritten);
		assertThat(entities(text))
			.containsExactly(new Entity(EntityType.OTHER_WAYBILL, value, start, start + asWritten.length()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "saya biasa pakai jne tapi kali ini lewat pos, resi 16012345678",
			"sicepat lama, jadi saya kirim pakai pos kilat khusus dengan resi 16012345678" })
	void aCourierNamedFarBeforeTheNumberDoesNotMakeItTheirs(String text) {
		assertThat(entities(text)).extracting(Entity::type).containsExactly(EntityType.BARCODE);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			hubungi 0812-3456-7890 ya         | 0812-3456-7890     | 6281234567890
			wa saya +62 812 3456 7890         | +62 812 3456 7890  | 6281234567890
			no hp 62 81234567890              | 62 81234567890     | 6281234567890
			081234567890                      | 081234567890       | 6281234567890
			telp 0812.3456.789 aja            | 0812.3456.789      | 628123456789
			+6285712345678                    | +6285712345678     | 6285712345678
			""")
	void findsIndonesianMobileNumbersAsInternationalDigits(String text, String asWritten, String value) {
		int start = text.indexOf(asWritten);
		assertThat(entities(text)).containsExactly(new Entity(EntityType.PHONE, value, start, start + asWritten.length()));
	}

	@Test
	void normalisesPhoneNumbersToCountryCodeDigits() {
		assertThat(EntityExtractor.normalisePhone("0812-3456-7890")).isEqualTo("6281234567890");
		assertThat(EntityExtractor.normalisePhone("+62 812 3456 7890")).isEqualTo("6281234567890");
	}

	@ParameterizedTest
	@ValueSource(strings = { "6281234567890", "resi 081234567890", "barcode 0812-3456-7890" })
	void neverReportsAPhoneNumberAsABarcodeToo(String text) {
		assertThat(entities(text)).extracting(Entity::type).containsExactly(EntityType.PHONE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0812345", "08123456789012345", "0712345678901", "1500161" })
	void ignoresNumbersThatAreNotIndonesianMobiles(String text) {
		assertThat(entities(text)).noneMatch(entity -> entity.type() == EntityType.PHONE);
	}

	@Test
	void reportsOffsetsIntoTheOriginalTextInOrderOfAppearance() {
		String text = "😡😡 paket RR007321866ID blm nyampe, tlg telp 0812 3456 7890 atau cek resi 16012345678";

		List<Entity> entities = entities(text);

		assertThat(entities).extracting(Entity::type)
			.containsExactly(EntityType.BARCODE, EntityType.PHONE, EntityType.BARCODE);
		assertThat(entities).extracting(entity -> text.substring(entity.start(), entity.end()))
			.containsExactly("RR007321866ID", "0812 3456 7890", "16012345678");
		assertThat(entities.get(0).start()).as("an emoji is two chars of a Java string").isEqualTo(11);
	}

	private static Entity barcode(String value, String text, String asWritten) {
		int start = text.indexOf(asWritten);
		return new Entity(EntityType.BARCODE, value, start, start + asWritten.length());
	}

}
