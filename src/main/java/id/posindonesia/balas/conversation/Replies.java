package id.posindonesia.balas.conversation;

/** The texts Balas sends. Indonesian first: almost every customer of @posindonesia.ig writes Indonesian. */
final class Replies {

	static final String GREETING = """
			Halo Kak! 👋 Terima kasih sudah menghubungi Pos Indonesia. Saya Balas, asisten virtual @posindonesia.ig.
			Kakak bisa menanyakan posisi kiriman (sertakan nomor resi/barcode), nomor Halo Pos 1500161, \
			atau cara menyampaikan pengaduan di www.posindonesia.co.id.""";

	private Replies() {
	}

}
