package vn.tonghop.read;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.tonghop.normalise.TextFold;

/**
 * The header fields of a return form and the labels a union may write them under (spec
 * section 1). Labels are compared folded: accents, case, spacing and a trailing colon do
 * not matter. The last three are the code columns of tonghop's own {@code returns.csv}
 * ({@code province_code}, {@code sector_code}, {@code industry_code}): without a label,
 * they are found in lists only, by their field name, and give the field they
 * {@linkplain #coded() code}.
 */
public enum HeaderField {

	UNION_CODE("union_code", true, "Mã công đoàn cơ sở", "Mã CĐCS", "Mã đơn vị"),
	UNION_NAME("union_name", true, "Tên công đoàn cơ sở", "Tên CĐCS", "Tên đơn vị"),
	PROVINCE("province", true, "Tỉnh/thành phố", "Tỉnh, thành phố", "Tỉnh", "Thành phố"),
	SECTOR("sector", true, "Khu vực", "Loại hình"), INDUSTRY("industry", false, "Ngành", "Ngành nghề"),
	PARENT_UNION("parent_union", false, "Công đoàn cấp trên trực tiếp", "Công đoàn cấp trên"),
	YEAR("year", true, "Năm báo cáo", "Năm"), PREPARER("preparer", false, "Người lập biểu"),
	PREPARED_ON("prepared_on", false, "Ngày lập"), PHONE("phone", false, "Điện thoại"), EMAIL("email", false, "Email"),
	/** Stamped on the blank form by {@code tonghop template}. */
	TEMPLATE_VERSION("template_version", false, "Phiên bản biểu mẫu"),
	/** One of the 34 units' codes of 2025, whatever the year (as by-province.csv). */
	PROVINCE_CODE("province_code", false), SECTOR_CODE("sector_code", false), INDUSTRY_CODE("industry_code", false);

	/**
	 * Each field by each of its folded labels: {@link #forLabel} is called per text cell
	 * of every sheet, one lookup instead of a comparison with every label.
	 */
	private static final Map<String, HeaderField> BY_FOLDED_LABEL = byFoldedLabel();

	private final String key;

	private final boolean required;

	private final List<String> labels;

	private final List<String> folded;

	HeaderField(String key, boolean required, String... labels) {
		this.key = key;
		this.required = required;
		this.labels = List.of(labels);
		this.folded = this.labels.stream().map(TextFold::fold).toList();
	}

	/**
	 * The field name used in table layouts and CSV outputs, such as {@code union_code}.
	 */
	public String key() {
		return this.key;
	}

	public boolean required() {
		return this.required;
	}

	/** The labels, the first being the one the blank form prints. */
	public List<String> labels() {
		return this.labels;
	}

	/**
	 * For a code column ({@link #PROVINCE_CODE}), the field whose value it gives as a
	 * code; null for every other field.
	 */
	public HeaderField coded() {
		return switch (this) {
			case PROVINCE_CODE -> PROVINCE;
			case SECTOR_CODE -> SECTOR;
			case INDUSTRY_CODE -> INDUSTRY;
			default -> null;
		};
	}

	/** The code column of this field ({@link #PROVINCE_CODE} for PROVINCE), or null. */
	public HeaderField codeColumn() {
		for (HeaderField field : values()) {
			if (field.coded() == this) {
				return field;
			}
		}
		return null;
	}

	/** The field whose label this cell text is, or null. */
	public static HeaderField forLabel(String text) {
		return forFolded(TextFold.fold(text));
	}

	/** The field whose label folds to {@code folded} ({@link TextFold#fold}), or null. */
	static HeaderField forFolded(String folded) {
		return folded.isEmpty() ? null : BY_FOLDED_LABEL.get(folded);
	}

	private static Map<String, HeaderField> byFoldedLabel() {
		Map<String, HeaderField> fields = new HashMap<>();
		for (HeaderField field : values()) {
			for (String label : field.folded) {
				HeaderField before = fields.putIfAbsent(label, field);
				if (before != null && before != field) {
					throw new IllegalStateException("Nhãn '" + label + "' của " + field + " trùng với " + before);
				}
			}
		}
		return Map.copyOf(fields);
	}

	/**
	 * For a cell holding label and value together ("Mã CĐCS: CD001"), the field and the
	 * text after the colon; null when the cell is not of that shape.
	 */
	static LabelledValue splitLabelled(String text) {
		int colon = text.indexOf(':');
		if (colon <= 0 || colon == text.length() - 1) {
			return null;
		}
		HeaderField field = forLabel(text.substring(0, colon));
		String value = text.substring(colon + 1).strip();
		return (field != null && !value.isEmpty()) ? new LabelledValue(field, value) : null;
	}

	record LabelledValue(HeaderField field, String value) {
	}

}
