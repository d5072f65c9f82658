package vn.tonghop.template;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a return form is laid out. {@link #standard()} is the form the federation sends
 * out; every other setting is one of the ways unions edit it, which a reader must survive
 * (spec section 1: cells are found by labels and codes, never by address).
 *
 * @param paddingRows blank rows above the title
 * @param paddingColumns blank columns left of the form
 * @param swapLabelAndCode the {@code Mã số} column comes before {@code Chỉ tiêu}
 * @param shuffledHeader header fields in another order, some two pairs on one row
 * @param femaleHeading the heading of the female column: {@code Trong đó nữ} or
 * {@code Nữ}
 * @param hiddenFirstSheet a hidden instructions sheet ({@code Hướng dẫn}) comes first
 * @param mergedCells title merged across the form, header values merged over 2–3 cells,
 * label cells merged over two columns
 * @param labelOnlyCodes indicators whose code cell is left empty (label only)
 * @param sheetName the name of the form's sheet
 * @param extraRows a section heading row ({@code A. LAO ĐỘNG, ĐOÀN VIÊN}, no code, no
 * value) before each catalogue section
 * @param headerLabelVariant the alternative header labels ({@code Mã CĐCS},
 * {@code Tỉnh, thành phố}, {@code Loại hình}, …) with a trailing colon
 * @param unknownRow an extra indicator row with the unknown code {@code G01} and a value
 */
public record FormStyle(int paddingRows, int paddingColumns, boolean swapLabelAndCode, boolean shuffledHeader,
		String femaleHeading, boolean hiddenFirstSheet, boolean mergedCells, Set<String> labelOnlyCodes,
		String sheetName, boolean extraRows, boolean headerLabelVariant, boolean unknownRow) {

	/** The standard female heading. */
	public static final String TRONG_DO_NU = "Trong đó nữ";

	/** The short female heading some unions type. */
	public static final String NU = "Nữ";

	/** The standard sheet name. */
	public static final String BAO_CAO = "BaoCao";

	public FormStyle {
		if (paddingRows < 0 || paddingRows > 50) {
			throw new IllegalArgumentException("paddingRows must be 0 to 50, not " + paddingRows);
		}
		if (paddingColumns < 0 || paddingColumns > 10) {
			throw new IllegalArgumentException("paddingColumns must be 0 to 10, not " + paddingColumns);
		}
		Objects.requireNonNull(femaleHeading, "femaleHeading");
		if (femaleHeading.isBlank()) {
			throw new IllegalArgumentException("femaleHeading must not be blank");
		}
		Objects.requireNonNull(sheetName, "sheetName");
		if (sheetName.isBlank() || sheetName.length() > 31) {
			throw new IllegalArgumentException("sheetName must be 1 to 31 characters: '" + sheetName + "'");
		}
		Set<String> codes = new TreeSet<>();
		for (String code : Objects.requireNonNull(labelOnlyCodes, "labelOnlyCodes")) {
			codes.add(code.strip().toUpperCase(Locale.ROOT));
		}
		labelOnlyCodes = Set.copyOf(codes);
	}

	/** The form as the federation sends it out. */
	public static FormStyle standard() {
		return new FormStyle(0, 0, false, false, TRONG_DO_NU, false, false, Set.of(), BAO_CAO, false, false, false);
	}

	public FormStyle withPaddingRows(int paddingRows) {
		return new FormStyle(paddingRows, this.paddingColumns, this.swapLabelAndCode, this.shuffledHeader,
				this.femaleHeading, this.hiddenFirstSheet, this.mergedCells, this.labelOnlyCodes, this.sheetName,
				this.extraRows, this.headerLabelVariant, this.unknownRow);
	}

	public FormStyle withPaddingColumns(int paddingColumns) {
		return new FormStyle(this.paddingRows, paddingColumns, this.swapLabelAndCode, this.shuffledHeader,
				this.femaleHeading, this.hiddenFirstSheet, this.mergedCells, this.labelOnlyCodes, this.sheetName,
				this.extraRows, this.headerLabelVariant, this.unknownRow);
	}

	public FormStyle withSwapLabelAndCode(boolean swapLabelAndCode) {
		return new FormStyle(this.paddingRows, this.paddingColumns, swapLabelAndCode, this.shuffledHeader,
				this.femaleHeading, this.hiddenFirstSheet, this.mergedCells, this.labelOnlyCodes, this.sheetName,
				this.extraRows, this.headerLabelVariant, this.unknownRow);
	}

	public FormStyle withShuffledHeader(boolean shuffledHeader) {
		return new FormStyle(this.paddingRows, this.paddingColumns, this.swapLabelAndCode, shuffledHeader,
				this.femaleHeading, this.hiddenFirstSheet, this.mergedCells, this.labelOnlyCodes, this.sheetName,
				this.extraRows, this.headerLabelVariant, this.unknownRow);
	}

	public FormStyle withFemaleHeading(String femaleHeading) {
		return new FormStyle(this.paddingRows, this.paddingColumns, this.swapLabelAndCode, this.shuffledHeader,
				femaleHeading, this.hiddenFirstSheet, this.mergedCells, this.labelOnlyCodes, this.sheetName,
				this.extraRows, this.headerLabelVariant, this.unknownRow);
	}

	public FormStyle withHiddenFirstSheet(boolean hiddenFirstSheet) {
		return new FormStyle(this.paddingRows, this.paddingColumns, this.swapLabelAndCode, this.shuffledHeader,
				this.femaleHeading, hiddenFirstSheet, this.mergedCells, this.labelOnlyCodes, this.sheetName,
				this.extraRows, this.headerLabelVariant, this.unknownRow);
	}

	public FormStyle withMergedCells(boolean mergedCells) {
		return new FormStyle(this.paddingRows, this.paddingColumns, this.swapLabelAndCode, this.shuffledHeader,
				this.femaleHeading, this.hiddenFirstSheet, mergedCells, this.labelOnlyCodes, this.sheetName,
				this.extraRows, this.headerLabelVariant, this.unknownRow);
	}

	public FormStyle withLabelOnlyCodes(Set<String> labelOnlyCodes) {
		return new FormStyle(this.paddingRows, this.paddingColumns, this.swapLabelAndCode, this.shuffledHeader,
				this.femaleHeading, this.hiddenFirstSheet, this.mergedCells, labelOnlyCodes, this.sheetName,
				this.extraRows, this.headerLabelVariant, this.unknownRow);
	}

	public FormStyle withSheetName(String sheetName) {
		return new FormStyle(this.paddingRows, this.paddingColumns, this.swapLabelAndCode, this.shuffledHeader,
				this.femaleHeading, this.hiddenFirstSheet, this.mergedCells, this.labelOnlyCodes, sheetName,
				this.extraRows, this.headerLabelVariant, this.unknownRow);
	}

	public FormStyle withExtraRows(boolean extraRows) {
		return new FormStyle(this.paddingRows, this.paddingColumns, this.swapLabelAndCode, this.shuffledHeader,
				this.femaleHeading, this.hiddenFirstSheet, this.mergedCells, this.labelOnlyCodes, this.sheetName,
				extraRows, this.headerLabelVariant, this.unknownRow);
	}

	public FormStyle withHeaderLabelVariant(boolean headerLabelVariant) {
		return new FormStyle(this.paddingRows, this.paddingColumns, this.swapLabelAndCode, this.shuffledHeader,
				this.femaleHeading, this.hiddenFirstSheet, this.mergedCells, this.labelOnlyCodes, this.sheetName,
				this.extraRows, headerLabelVariant, this.unknownRow);
	}

	public FormStyle withUnknownRow(boolean unknownRow) {
		return new FormStyle(this.paddingRows, this.paddingColumns, this.swapLabelAndCode, this.shuffledHeader,
				this.femaleHeading, this.hiddenFirstSheet, this.mergedCells, this.labelOnlyCodes, this.sheetName,
				this.extraRows, this.headerLabelVariant, unknownRow);
	}

}
