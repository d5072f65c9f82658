package vn.tonghop.normalise;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The F03 rating of a grassroots union: four values, with the older wordings that returns
 * still use.
 */
public enum Rating {

	HTXSNV("Hoàn thành xuất sắc nhiệm vụ", "Vững mạnh xuất sắc"),

	HTTNV("Hoàn thành tốt nhiệm vụ", "Vững mạnh"),

	HTNV("Hoàn thành nhiệm vụ", "Khá"),

	KHTNV("Không hoàn thành nhiệm vụ", "Trung bình", "Yếu");

	private static final List<String> PREFIXES = List.of("cdcs ", "cong doan co so ");

	private static final Map<String, Rating> BY_FOLDED_TEXT = new HashMap<>();

	static {
		for (Rating rating : values()) {
			BY_FOLDED_TEXT.put(TextFold.fold(rating.name()), rating);
			BY_FOLDED_TEXT.put(TextFold.fold(rating.label), rating);
			for (String older : rating.olderWordings) {
				BY_FOLDED_TEXT.put(TextFold.fold(older), rating);
			}
		}
	}

	private final String label;

	private final List<String> olderWordings;

	Rating(String label, String... olderWordings) {
		this.label = label;
		this.olderWordings = List.of(olderWordings);
	}

	/** The wording of the form, e.g. "Hoàn thành tốt nhiệm vụ". */
	public String label() {
		return this.label;
	}

	/**
	 * The output column that counts this rating of the category indicator {@code code}
	 * ({@code F03_HTTNV}): the roll-ups have one per rating, and so has
	 * {@code returns.csv}, which a list reads back.
	 */
	public String columnOf(String code) {
		return code + "_" + name();
	}

	/**
	 * The rating written as its code, its label or an older wording ("Vững mạnh xuất
	 * sắc", "Khá", "Yếu"), compared folded, with or without a leading "CĐCS" or "Công
	 * đoàn cơ sở". Empty when blank or not one of these.
	 */
	public static Optional<Rating> read(String text) {
		String folded = TextFold.fold(text);
		Rating rating = BY_FOLDED_TEXT.get(folded);
		if (rating == null) {
			for (String prefix : PREFIXES) {
				if (folded.startsWith(prefix)) {
					rating = BY_FOLDED_TEXT.get(folded.substring(prefix.length()));
					break;
				}
			}
		}
		return Optional.ofNullable(rating);
	}

}
