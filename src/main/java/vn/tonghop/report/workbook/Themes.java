package vn.tonghop.report.workbook;

import java.util.List;

/**
 * The themes a wide table is printed by, each a table one A4 landscape page wide (or
 * several, when a theme is wider): the indicator catalogue's sections taken together by
 * what an analyst reads side by side.
 */
final class Themes {

	static final String GENERAL = "Thông tin chung";

	static final String WORKERS = "Người lao động và đoàn viên";

	static final String TITLES = "Danh hiệu thi đua cá nhân";

	static final String COLLECTIVES = "Tập thể, tổ công đoàn và khen thưởng";

	static final String MONEY = "Hoạt động, kinh phí chăm lo và ủng hộ";

	static final String TARGETS = "Chỉ tiêu thi đua và xếp loại";

	static final String OTHER = "Chỉ tiêu khác";

	/** The themes of the indicator columns, in printed order. */
	static final List<String> ORDER = List.of(WORKERS, TITLES, COLLECTIVES, MONEY, TARGETS, OTHER);

	private Themes() {
	}

	/** The theme of a catalogue section ({@code A} … {@code F}). */
	static String of(String section) {
		if (section == null) {
			return OTHER;
		}
		return switch (section) {
			case "A" -> WORKERS;
			case "B" -> TITLES;
			case "C", "D" -> COLLECTIVES;
			case "E" -> MONEY;
			case "F" -> TARGETS;
			default -> OTHER;
		};
	}

}
