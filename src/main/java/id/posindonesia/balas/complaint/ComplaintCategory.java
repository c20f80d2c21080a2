package id.posindonesia.balas.complaint;

import id.posindonesia.balas.nlu.Language;

/** What a complaint is about, as the contact center classifies it, with the label used in replies. */
public enum ComplaintCategory {

	LATE("Kiriman terlambat", "Late delivery"),

	LOST("Kiriman hilang", "Lost parcel"),

	DAMAGED("Kiriman rusak", "Damaged parcel"),

	WRONG_RECIPIENT("Kiriman diterima orang lain", "Delivered to the wrong person"),

	DELIVERED_NOT_RECEIVED("Status terkirim tetapi belum diterima", "Marked delivered but not received"),

	STAFF_BEHAVIOUR("Perilaku kurir atau petugas loket", "Courier or counter staff behaviour"),

	OTHER("Lainnya", "Other");

	private final String indonesian;

	private final String english;

	ComplaintCategory(String indonesian, String english) {
		this.indonesian = indonesian;
		this.english = english;
	}

	public String label(Language language) {
		return language == Language.EN ? english : indonesian;
	}

}
