package id.posindonesia.balas.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import id.posindonesia.balas.tracking.Verification.Incomplete;
import id.posindonesia.balas.tracking.Verification.Missing;
import id.posindonesia.balas.tracking.Verification.Rejected;
import id.posindonesia.balas.tracking.Verification.Role;
import id.posindonesia.balas.tracking.Verification.Verified;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verification against the sandbox's first record: BUDI SANTOSO (phone …7890) sent it to SITI RAHMAWATI (phone
 * …5678, postcode 55213).
 */
class ShipmentVerifierTest {

	private static final Shipment SHIPMENT = shipment("BUDI SANTOSO", "081234567890", "SITI RAHMAWATI", "085712345678", "55213");

	private static final Verification SENDER = new Verified(Role.SENDER);

	private static final Verification RECEIVER = new Verified(Role.RECEIVER);

	private final ShipmentVerifier verifier = new ShipmentVerifier();

	@ParameterizedTest
	@ValueSource(strings = { "BUDI SANTOSO 7890", "budi santoso 7890", "Bpk. Budi Santoso, hp berakhiran 7890",
			"pengirimnya pak budi   santoso no hp akhiran 7890 kak", "BUDISANTOSO 7890", "Budi-Santoso 7890",
			"a.n. Budi Santoso 7890", "Sdr BUDI; 4 digit terakhir 7890", "Budi Santoso 0812-3456-7890",
			"budi santoso +62 812 3456 7890", "sender name is Mr Budi Santoso, phone ending in 7890",
			"budi santoso kode pos 55213", "Santoso Budi 7890" })
	void theSenderIsRecognised(String message) {
		assertThat(verify(message)).isEqualTo(SENDER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "nama penerima siti rahmawati, kodepos 55213", "Ibu Siti Rahmawati 5678", "SITI 5678",
			"siti r 5678", "Sdri. Siti Rahmawati hp 085712345678", "saudari siti rahmawati 6285712345678",
			"penerima: Siti Rahmawati. Kode pos: 55213", "siti rahma wati 5678" })
	void theReceiverIsRecognised(String message) {
		assertThat(verify(message)).isEqualTo(RECEIVER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "budi santosa 7890", "budi sanotso 7890", "budi santso 7890", "budii santoso 7890",
			"bdi santoso 7890", "budi santoso7890", "budy 7890" })
	void oneTypoIsForgiven(String message) {
		assertThat(verify(message)).isEqualTo(SENDER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "budu santosa 7890", "bidi sintoso 7890", "budi santoso 7809", "budi santoso 7891",
			"budi santoso 5678", "siti rahmawati 7890", "budi santoso 55214", "santoso 7890", "rahmawati 55213",
			"budi santoso wibowo 7890", "agus santoso 7890", "b santoso 7890", "budi 1234 5678",
			"siti rahmawati 081234567890" })
	void nearMissesAreRejected(String message) {
		assertThat(verify(message)).isEqualTo(new Rejected());
	}

	@Test
	void theRejectionDoesNotSayWhichPartWasWrong() {
		assertThat(verify("agus salim 7890")).isEqualTo(verify("budi santoso 1111"))
			.isEqualTo(verify("agus salim 1111"))
			.isEqualTo(new Rejected());
	}

	@Test
	void verificationDataMayComeOverSeveralMessages() {
		VerificationClaim claim = VerificationClaim.empty();
		assertThat(verifier.verify(SHIPMENT, claim)).isEqualTo(new Incomplete(Set.of(Missing.NAME, Missing.NUMBER)));

		claim = claim.with("nama penerima siti rahmawati");
		assertThat(verifier.verify(SHIPMENT, claim)).isEqualTo(new Incomplete(Set.of(Missing.NUMBER)));

		claim = VerificationClaim.fromString(claim.asString()).with("kode pos 55213");
		assertThat(verifier.verify(SHIPMENT, claim)).isEqualTo(RECEIVER);
	}

	@Test
	void numbersFirstThenTheName() {
		VerificationClaim claim = VerificationClaim.empty().with("hp berakhiran 7890");
		assertThat(verifier.verify(SHIPMENT, claim)).isEqualTo(new Incomplete(Set.of(Missing.NAME)));

		assertThat(verifier.verify(SHIPMENT, claim.with("Budi Santoso"))).isEqualTo(SENDER);
	}

	@Test
	void incompleteDependsOnTheClaimAloneNotOnTheRecord() {
		// a wrong name is still "a name": asking for the number next tells nothing about the record
		assertThat(verify("agus salim")).isEqualTo(verify("budi santoso"))
			.isEqualTo(new Incomplete(Set.of(Missing.NUMBER)));
		assertThat(verify("kode pos 11111")).isEqualTo(verify("kode pos 55213"))
			.isEqualTo(new Incomplete(Set.of(Missing.NAME)));
	}

	@Test
	void theBarcodeAndFillerWordsAreNeitherNamesNorNumbers() {
		VerificationClaim claim = VerificationClaim.empty()
			.with("halo min, tolong cek resi RR123456785ID ya kak, a.n. Budi Santoso, nomor hp 0812-3456-7890");

		assertThat(claim.names()).containsExactly("budi santoso");
		assertThat(claim.numbers()).containsExactly("081234567890");
		assertThat(VerificationClaim.empty().with("oke kak, makasih ya").hasName()).isFalse();
		assertThat(VerificationClaim.empty().with("no 1, rt 02 rw 003").hasNumber()).isFalse();
	}

	@Test
	void aListOfGuessesDoesNotGetThrough() {
		assertThat(verify("7890 1111 2222 3333 4444 budi santoso")).isEqualTo(new Rejected());
		assertThat(verify("budi santoso 1111 2222 3333 7890")).isEqualTo(SENDER);
		assertThat(verify("budi santoso, agus, dewi, rina 7890")).isEqualTo(new Rejected());
		assertThat(verify("agus, dewi, budi santoso 7890")).isEqualTo(SENDER);
		assertThat(VerificationClaim.empty().with("a b c d e f g 1 2 3").names()).isEmpty();
	}

	@Test
	void titlesAreIgnoredOnTheRecordSideToo() {
		Shipment titled = shipment("IBU SITI AMINAH", "081100001234", "BPK. AGUS", "081100005678", "10110");

		assertThat(verifier.verify(titled, claim("siti aminah 1234"))).isEqualTo(SENDER);
		assertThat(verifier.verify(titled, claim("Pak Agus 5678"))).isEqualTo(RECEIVER);
	}

	@Test
	void shortNamesMustBeExact() {
		Shipment shortName = shipment("ANI", "081100004321", "EKO", "081100008765", "10110");

		assertThat(verifier.verify(shortName, claim("ani 4321"))).isEqualTo(SENDER);
		assertThat(verifier.verify(shortName, claim("ana 4321"))).isEqualTo(new Rejected());
		assertThat(verifier.verify(shortName, claim("anu 4321"))).isEqualTo(new Rejected());
	}

	@Test
	void initialsAndApostrophesInTheRecord() {
		Shipment record = shipment("M. RIZKY PRATAMA", "081100001111", "NUR'AINI LUBIS", "085261009977", "25112");

		assertThat(verifier.verify(record, claim("rizky pratama 1111"))).isEqualTo(SENDER);
		assertThat(verifier.verify(record, claim("M Rizky 1111"))).isEqualTo(SENDER);
		assertThat(verifier.verify(record, claim("pratama 1111"))).isEqualTo(new Rejected());
		assertThat(verifier.verify(record, claim("Nuraini Lubis 9977"))).isEqualTo(RECEIVER);
		assertThat(verifier.verify(record, claim("Nur Aini 9977"))).isEqualTo(RECEIVER);
		assertThat(verifier.verify(record, claim("nur'aini 25112"))).isEqualTo(RECEIVER);
	}

	@Test
	void aRecordWithoutNamesOrNumbersProvesNothing() {
		Shipment anonymous = Shipment.of("RR007321866ID", List.of(new TrackingEvent(null, "SELESAI ANTAR", null, "")));
		Shipment withoutPhones = shipment("BUDI SANTOSO", "", "SITI RAHMAWATI", "12", "");

		assertThat(verifier.verify(anonymous, claim("budi santoso 7890"))).isEqualTo(new Rejected());
		assertThat(verifier.verify(withoutPhones, claim("budi santoso 7890"))).isEqualTo(new Rejected());
		assertThat(verifier.verify(withoutPhones, claim("siti rahmawati 0012"))).isEqualTo(new Rejected());
	}

	@Test
	void aClaimSurvivesRedisAndHidesItsContentInLogs() {
		VerificationClaim claim = claim("Ibu Siti Rahmawati, kode pos 55213, hp 0857 1234 5678");

		assertThat(VerificationClaim.fromString(claim.asString())).isEqualTo(claim);
		assertThat(claim.toString()).doesNotContain("siti", "55213", "5678");
		assertThat(VerificationClaim.fromString(null)).isEqualTo(VerificationClaim.empty());
		assertThat(VerificationClaim.fromString("<<garbage>>/12a,x")).satisfies(read -> {
			assertThat(read.names()).containsExactly("garbage");
			assertThat(read.numbers()).isEmpty();
		});
	}

	/**
	 * Hundreds of names from common Indonesian names: each verified as written, with one typo, and rejected with two
	 * typos (two letters replaced, not next to each other, so that no single edit can undo both).
	 */
	@Test
	void typoToleranceHoldsAcrossManyNames() {
		String[] first = { "budi", "siti", "agus", "dewi", "rina", "hendra", "yuliana", "bambang", "slamet", "linda",
				"rizky", "wahyu", "ratna", "joko", "indah", "fitri", "andi", "putri", "dimas", "sri" };
		String[] last = { "santoso", "rahmawati", "prasetyo", "wulandari", "gunawan", "lubis", "sutrisno", "hartono",
				"riyadi", "kusuma", "nasution", "siregar", "saputra", "hidayat", "permata" };
		Random random = new Random(8);
		List<String> failures = new ArrayList<>();
		int names = 0;
		for (String given : first) {
			for (String family : last) {
				String name = given + " " + family;
				Shipment record = shipment(name.toUpperCase(), "0811" + (10_000_000 + random.nextInt(89_999_999)), "X Y",
						"081100000000", "40111");
				String phone = record.sender().phoneLastFour();
				names++;
				expect(failures, record, name + " " + phone, SENDER);
				expect(failures, record, replaceOne(name, family.length() > 4 ? given.length() + 2 : 1, random) + " " + phone,
						SENDER);
				expect(failures, record, replaceTwo(name, random) + " " + phone, new Rejected());
			}
		}
		assertThat(names).isEqualTo(300);
		assertThat(failures).isEmpty();
	}

	private void expect(List<String> failures, Shipment record, String message, Verification expected) {
		Verification actual = verifier.verify(record, claim(message));
		if (!actual.equals(expected)) {
			failures.add(message + " → " + actual);
		}
	}

	/** The letter at {@code index} replaced by another. */
	private static String replaceOne(String name, int index, Random random) {
		char replacement;
		do {
			replacement = (char) ('a' + random.nextInt(26));
		}
		while (replacement == name.charAt(index));
		return name.substring(0, index) + replacement + name.substring(index + 1);
	}

	/** Two letters of the whole name replaced, at least two positions apart. */
	private static String replaceTwo(String name, Random random) {
		String compact = name.replace(" ", "");
		int a = random.nextInt(compact.length() - 2);
		int b = a + 2 + random.nextInt(compact.length() - a - 2);
		String replaced = replaceOne(replaceOne(compact, a, random), b, random);
		int space = name.indexOf(' ');
		return replaced.substring(0, space) + " " + replaced.substring(space);
	}

	private Verification verify(String message) {
		return verifier.verify(SHIPMENT, claim(message));
	}

	private static VerificationClaim claim(String message) {
		return VerificationClaim.empty().with(message);
	}

	private static Shipment shipment(String sender, String senderPhone, String receiver, String receiverPhone,
			String postcode) {
		return new Shipment("16012345678", "PKH", new Party(sender, "JL. ASIA AFRIKA NO. 1", senderPhone, "BANDUNG", ""),
				new Party(receiver, "JL. MALIOBORO NO. 52", receiverPhone, "YOGYAKARTA", postcode),
				new Office("40000", "KPRK BANDUNG"), List.of());
	}

}
