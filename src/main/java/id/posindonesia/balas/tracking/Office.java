package id.posindonesia.balas.tracking;

/** A post office as the record names it, e.g. {@code 40000 KPRK BANDUNG}; fields are never {@code null}. */
public record Office(String code, String name) {

	static final Office NONE = new Office("", "");

	public Office {
		code = code == null ? "" : code.strip();
		name = name == null ? "" : name.strip();
	}

}
