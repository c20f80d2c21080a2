package id.posindonesia.balas.config;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

	@Test
	void idsKeepTheirLastFourCharacters() {
		assertThat(Masking.id("6100000000004321")).isEqualTo("…4321");
		assertThat(Masking.id("123")).isEqualTo("…");
		assertThat(Masking.id(null)).isEqualTo("…");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			paket atas nama Budi Santoso belum sampai                   | paket atas nama ••• belum sampai
			penerima: Sdr. Andi                                         | penerima: Sdr. •••
			kiriman a/n Siti Rahmawati dari Bandung                     | kiriman a/n ••• dari Bandung
			paket a.n. Dewi Kartika Sari sudah seminggu                 | paket a.n. ••• sudah seminggu
			pengirim Rina Wulandari, penerima Agus Prasetyo             | pengirim •••, penerima •••
			nama saya Hendra Gunawan, hp 0812-3456-7890                 | nama saya •••, hp ••••90
			PENERIMA : SDR. ANDI WIJAYA                                 | PENERIMA : SDR. •••
			sudah diterima Ibu Sri Lestari kata kurirnya               | sudah diterima Ibu ••• kata kurirnya
			tolong hubungi Pak Bambang, dia yang pesan                  | tolong hubungi Pak •••, dia yang pesan
			Bpk. Joko Widodo tidak pernah terima paketnya               | Bpk. ••• tidak pernah terima paketnya
			makasih Kak Yuliana                                         | makasih Kak •••
			my parcel for Mrs. Tan Mei Ling never arrived               | my parcel for Mrs. ••• never arrived
			penerimanya M. Rizky di kantor                              | penerimanya ••• di kantor
			""")
	void namesAfterTheUsualMarkersAreMasked(String written, String masked) {
		assertThat(Masking.text(written)).isEqualTo(masked);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Pos Indonesia", "Jakarta Selatan", "Halo Pos", "nomor Halo Pos berapa ya?",
			"paket saya dari Jakarta Selatan ke Medan belum sampai", "kantor Pos Indonesia Bandung tutup jam berapa?",
			"Pak Pos belum datang dari pagi", "Kak Admin tolong dibantu", "ibu saya belum terima paketnya",
			"Halo Kak! 👋 Saya Balas, asisten virtual Pos Indonesia.", "Terima kasih, Kak. Data kiriman 16012345678 cocok",
			"Maaf Kak, saya belum paham maksudnya.", "nama pengirim atau penerima kiriman 16012345678",
			"Mohon sebutkan nama pengirim atau penerima kiriman RR123456785ID", "resi 16012345678 a/n saya sendiri",
			"Ibu Kota Jakarta", "" })
	void textWithoutANamedPersonStaysAsWritten(String text) {
		assertThat(Masking.text(text)).isEqualTo(text);
	}

	@Test
	void namesOnTheRecordAreMaskedWhereverTheyAppearInAnyCase() {
		List<String> record = List.of("BUDI SANTOSO", "SITI RAHMAWATI", "Bpk. M. Rizky");

		assertThat(Masking.text("paket buat siti belum sampai, budi santoso yang kirim", record))
			.isEqualTo("paket buat ••• belum sampai, ••• ••• yang kirim");
		assertThat(Masking.text("Kiriman 16012345678 sudah diterima oleh SITI RAHMAWATI.", record))
			.isEqualTo("Kiriman 16012345678 sudah diterima oleh ••• •••.");
		// titles and initials on the record are no names to hunt; words that only contain a name stay
		assertThat(Masking.text("titip ke bpk m rizky ya, bukan ke budiman", record))
			.isEqualTo("titip ke bpk m ••• ya, bukan ke budiman");
		assertThat(Masking.text("Pos Indonesia Jakarta Selatan, Halo Pos", record))
			.isEqualTo("Pos Indonesia Jakarta Selatan, Halo Pos");
	}

	/** Every marker with hundreds of names: each name gone, the words around it kept. */
	@Test
	void everyMarkerMasksManyNames() {
		String[] first = { "Budi", "Siti", "Agus", "Dewi", "Rina", "Hendra", "Yuliana", "Bambang", "Slamet", "Linda",
				"Rizky", "Wahyu", "Ratna", "Joko", "Indah", "Fitri", "Andi", "Putri", "Dimas", "Nur'aini" };
		String[] last = { "Santoso", "Rahmawati", "Prasetyo", "Wulandari", "Gunawan", "Lubis", "Sutrisno",
				"Hartono", "Siregar", "Saputra" };
		List<String> markers = List.of("a/n", "a.n.", "atas nama", "nama", "nama saya", "penerima", "penerima:",
				"pengirim", "Pengirim :", "Bpk.", "Bapak", "Ibu", "Bu", "Sdr.", "Sdri", "Pak", "Mas", "Mbak", "Kak", "Mr",
				"Mrs.", "Ms");
		List<String> failures = new ArrayList<>();
		int lines = 0;
		for (String marker : markers) {
			for (String given : first) {
				for (String family : last) {
					String name = lines % 3 == 0 ? (given + " " + family).toUpperCase() : given + " " + family;
					String text = "paket " + marker + " " + name + " belum sampai";
					String masked = Masking.text(text);
					lines++;
					if (!masked.equals("paket " + marker + " ••• belum sampai")) {
						failures.add(text + " → " + masked);
					}
				}
			}
		}
		assertThat(lines).isEqualTo(4400);
		assertThat(failures).isEmpty();
	}

}
