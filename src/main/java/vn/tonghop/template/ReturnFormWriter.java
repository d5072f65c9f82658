package vn.tonghop.template;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ooxml.POIXMLProperties.CoreProperties;
import org.apache.poi.util.CodePageUtil;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.tonghop.catalogue.Indicator;
import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.read.HeaderField;
import vn.tonghop.report.WrappedText;

/**
 * Writes one return in the form layout of spec section 1, generated from the indicator
 * catalogue: a title, the header fields (label, then the value to its right), the
 * indicator table ({@code STT}, {@code Chỉ tiêu}, {@code Mã số}, {@code Đơn vị tính},
 * {@code Tổng số}, female column) and the preparer's fields below it. The file format
 * follows the file name: {@code .xlsx}, {@code .xlsm} or {@code .xls}. A
 * {@link FormStyle} varies the layout the way unions edit the form.
 */
public final class ReturnFormWriter {

	/**
	 * The code of the extra row {@link FormStyle#unknownRow()} adds: not in the
	 * catalogue.
	 */
	public static final String UNKNOWN_CODE = "G01";

	static final String UNKNOWN_LABEL = "Số vụ tai nạn lao động";

	static final String INSTRUCTIONS_SHEET = "Hướng dẫn";

	static final String TITLE = "BÁO CÁO KẾT QUẢ PHONG TRÀO THI ĐUA NĂM ";

	static final String HEAD_STT = "STT";

	static final String HEAD_LABEL = "Chỉ tiêu";

	static final String HEAD_CODE = "Mã số";

	static final String HEAD_UNIT = "Đơn vị tính";

	static final String HEAD_TOTAL = "Tổng số";

	/** F03 values offered in the cell's drop-down list. */
	static final List<String> RATINGS = List.of("Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ",
			"Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ");

	private static final Map<String, String> SECTION_HEADINGS = Map.of("A", "LAO ĐỘNG, ĐOÀN VIÊN", "B",
			"THI ĐUA CÁ NHÂN", "C", "THI ĐUA TẬP THỂ", "D", "KHEN THƯỞNG", "E", "CHĂM LO ĐOÀN VIÊN, HOẠT ĐỘNG XÃ HỘI",
			"F", "CHỈ TIÊU THI ĐUA, XẾP LOẠI");

	/** Header labels, standard and alternative (spec section 1), by header key. */
	private static final Map<String, String[]> HEADER_LABELS = Map.ofEntries(
			Map.entry("union_code", new String[] { "Mã công đoàn cơ sở", "Mã CĐCS:" }),
			Map.entry("union_name", new String[] { "Tên công đoàn cơ sở", "Tên CĐCS:" }),
			Map.entry("province", new String[] { "Tỉnh/thành phố", "Tỉnh, thành phố:" }),
			Map.entry("sector", new String[] { "Khu vực", "Loại hình:" }),
			Map.entry("industry", new String[] { "Ngành", "Ngành nghề:" }),
			Map.entry("parent_union", new String[] { "Công đoàn cấp trên trực tiếp", "Công đoàn cấp trên:" }),
			Map.entry("year", new String[] { "Năm báo cáo", "Năm:" }),
			Map.entry("preparer", new String[] { "Người lập biểu", "Người lập biểu:" }),
			Map.entry("prepared_on", new String[] { "Ngày lập", "Ngày lập:" }),
			Map.entry("phone", new String[] { "Điện thoại", "Điện thoại:" }),
			Map.entry("email", new String[] { "Email", "Email:" }));

	private static final List<String> TOP_FIELDS = List.of("union_code", "union_name", "province", "sector", "industry",
			"parent_union", "year");

	private static final List<String> FOOTER_FIELDS = List.of("preparer", "prepared_on", "phone", "email");

	/**
	 * The shuffled header: rows of one or two fields; the second field of a row sits to
	 * the right of the first one's value.
	 */
	private static final List<List<String>> SHUFFLED_ROWS = List.of(List.of("year", "union_code"),
			List.of("union_name"), List.of("province", "sector"), List.of("parent_union"), List.of("industry"));

	private static final String CREATOR = "tonghop";

	/**
	 * Width of the {@code Chỉ tiêu} column, in characters: narrow enough for the form to
	 * print on A4 portrait at 8 points or more; longer labels wrap.
	 */
	private static final int LABEL_WIDTH = 46;

	/** What ends the label of a required header field or indicator on the blank form. */
	static final String REQUIRED_MARK = " *";

	private static final Pattern DATE = Pattern.compile("([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][0-9]{2})(_nu)?\\}");

	private static final String[] INSTRUCTIONS = { "HƯỚNG DẪN GHI BIỂU BÁO CÁO THI ĐUA",
			"1. Ghi đầy đủ phần thông tin chung ở đầu trang báo cáo (mã, tên công đoàn cơ sở, địa bàn, khu vực, năm).",
			"2. Ghi số liệu vào cột Tổng số; cột nữ chỉ ghi với chỉ tiêu có chia theo giới tính. Ô tô xám không ghi.",
			"3. Không có số liệu thì để trống ô, không ghi 0 thay cho ô trống.",
			"4. Kinh phí ghi bằng đồng, không ghi tắt (ví dụ 12500000).",
			"5. Xếp loại công đoàn cơ sở ghi một trong bốn mức: Hoàn thành xuất sắc nhiệm vụ; Hoàn thành tốt nhiệm vụ;"
					+ " Hoàn thành nhiệm vụ; Không hoàn thành nhiệm vụ.",
			"6. Cơ quan, đơn vị đạt chuẩn văn hóa ghi Có hoặc Không.", "7. Không thêm, bớt, đổi mã số các chỉ tiêu." };

	private final IndicatorCatalogue catalogue;

	/**
	 * The label the standard form prints for a header key of
	 * {@link FormContent#HEADER_KEYS}.
	 */
	static String headerLabel(String key) {
		String[] labels = HEADER_LABELS.get(key);
		if (labels == null) {
			throw new IllegalArgumentException("no header field '" + key + "'");
		}
		return labels[0];
	}

	/**
	 * Whether the header field of a key of {@link FormContent#HEADER_KEYS} is required.
	 */
	static boolean required(String key) {
		for (HeaderField field : HeaderField.values()) {
			if (field.key().equals(key)) {
				return field.required();
			}
		}
		return false;
	}

	public ReturnFormWriter(IndicatorCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	/**
	 * Writes {@code content} laid out as {@code style} to {@code file}, replacing it. The
	 * format follows the extension: {@code .xlsx}, {@code .xlsm} or {@code .xls}.
	 * @throws IllegalArgumentException for another extension, or a value for a code that
	 * is neither in the catalogue nor the unknown row's {@value #UNKNOWN_CODE}
	 */
	public void write(FormContent content, FormStyle style, Path file) throws IOException {
		write(content, style, file, Extension.NONE);
	}

	/**
	 * Writes the form as {@link #write(FormContent, FormStyle, Path)} does, with what
	 * {@code extension} adds: the blank template's validations, protection and sheets.
	 */
	void write(FormContent content, FormStyle style, Path file, Extension extension) throws IOException {
		WorkbookFormat format = WorkbookFormat.of(file);
		for (String code : content.values().keySet()) {
			if (!this.catalogue.contains(code) && !(style.unknownRow() && UNKNOWN_CODE.equals(code))) {
				throw new IllegalArgumentException("no indicator " + code + " in the catalogue");
			}
		}
		LocalDateTime created = createdOn(content);
		byte[] bytes;
		try (Workbook workbook = format.create()) {
			new FormBuilder(workbook, content, style, extension).build();
			ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);
			if (workbook instanceof XSSFWorkbook xssf) {
				CoreProperties properties = xssf.getProperties().getCoreProperties();
				properties.setCreated(Optional.of(Date.from(created.toInstant(ZoneOffset.UTC))));
				properties.setCreator(CREATOR);
				xssf.write(buffer);
				bytes = StableZip.withEntryTimes(buffer.toByteArray(), created);
			}
			else {
				HSSFWorkbook hssf = (HSSFWorkbook) workbook;
				hssf.createInformationProperties();
				hssf.getSummaryInformation().setAuthor(CREATOR);
				hssf.getSummaryInformation().getFirstSection().setCodepage(CodePageUtil.CP_UTF8);
				hssf.getDocumentSummaryInformation().getFirstSection().setCodepage(CodePageUtil.CP_UTF8);
				hssf.write(buffer);
				bytes = buffer.toByteArray();
			}
		}
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Files.write(file, bytes);
	}

	/**
	 * When the form was made, written into the file instead of the clock's time so that
	 * the same content always gives the same bytes: the preparation date, else 15
	 * December of the report year.
	 */
	private static LocalDateTime createdOn(FormContent content) {
		Matcher date = DATE.matcher(content.headerValue("prepared_on").strip());
		if (date.matches()) {
			try {
				return LocalDate
					.of(Integer.parseInt(date.group(3)), Integer.parseInt(date.group(2)),
							Integer.parseInt(date.group(1)))
					.atTime(9, 0);
			}
			catch (DateTimeException ex) {
				// not a real date: fall through to the year
			}
		}
		String year = content.headerValue("year").strip();
		int y = year.matches("[0-9]{4}") ? Integer.parseInt(year) : 2026;
		return LocalDate.of(y, 12, 15).atTime(9, 0);
	}

	/**
	 * What a caller adds to a written form (the blank template of
	 * {@link TemplateWriter}): extra header fields, and whatever it does to the workbook
	 * once the form sheet is complete.
	 */
	interface Extension {

		/** Adds nothing: the form as the writer alone makes it. */
		Extension NONE = new Extension() {
		};

		/**
		 * Header fields written below the standard ones, label then value, as an ordinary
		 * header field.
		 */
		default List<HeaderLine> extraHeader() {
			return List.of();
		}

		/**
		 * Whether the writer offers its own lenient drop-down lists on {@code F03} and
		 * {@code F04}; false when the extension validates those cells itself.
		 */
		default boolean suggestsChoices() {
			return true;
		}

		/**
		 * Whether the labels of required header fields and indicators end with
		 * {@value ReturnFormWriter#REQUIRED_MARK}.
		 */
		default boolean marksRequired() {
			return false;
		}

		/** Called once the form sheet is written, before the workbook is saved. */
		default void finish(Workbook workbook, Layout layout) {
		}

	}

	/**
	 * A header field an {@link Extension} adds.
	 *
	 * @param label the label cell's text
	 * @param value the value written to its right
	 */
	record HeaderLine(String label, String value) {
	}

	/**
	 * Where the writer put things on the form sheet, for an {@link Extension}.
	 *
	 * @param sheet the form sheet
	 * @param headerValues the value cell of every header field by key (top fields, footer
	 * fields, and the {@link Extension#extraHeader() extra} ones by label)
	 * @param headerLabels the label cell of every header field, keyed as
	 * {@code headerValues}
	 * @param tableHeaderRow the row of {@code Mã số} and {@code Tổng số}
	 * @param rowOfCode the row of each indicator
	 * @param firstColumn the first column of the form ({@code STT})
	 * @param labelColumn the {@code Chỉ tiêu} column
	 * @param codeColumn the {@code Mã số} column
	 * @param unitColumn the {@code Đơn vị tính} column
	 * @param totalColumn the {@code Tổng số} column
	 * @param femaleColumn the female column, also the last column of the form
	 */
	record Layout(Sheet sheet, Map<String, CellAddress> headerValues, Map<String, CellAddress> headerLabels,
			int tableHeaderRow, Map<String, Integer> rowOfCode, int firstColumn, int labelColumn, int codeColumn,
			int unitColumn, int totalColumn, int femaleColumn) {

		/** The {@code Tổng số} cell of an indicator. */
		CellAddress total(String code) {
			return new CellAddress(row(code), this.totalColumn);
		}

		/** The female cell of an indicator. */
		CellAddress female(String code) {
			return new CellAddress(row(code), this.femaleColumn);
		}

		private int row(String code) {
			Integer row = this.rowOfCode.get(code);
			if (row == null) {
				throw new IllegalArgumentException("no row for " + code + " on the form");
			}
			return row;
		}

	}

	/** Builds one workbook; one instance per write. */
	private final class FormBuilder {

		private final Workbook workbook;

		private final FormContent content;

		private final FormStyle style;

		private final FormColumns columns;

		private final FormCellStyles styles;

		private final Extension extension;

		private final Map<String, Integer> rowOfCode = new HashMap<>();

		private final Map<String, CellAddress> headerValues = new LinkedHashMap<>();

		private final Map<String, CellAddress> headerLabels = new LinkedHashMap<>();

		private int tableHeaderRow = -1;

		private final List<Cell> cachedFormulas = new ArrayList<>();

		private final List<Cell> uncachedFormulas = new ArrayList<>();

		private Sheet sheet;

		private int row;

		FormBuilder(Workbook workbook, FormContent content, FormStyle style, Extension extension) {
			this.workbook = workbook;
			this.extension = extension;
			this.content = content;
			this.style = style;
			this.columns = FormColumns.of(style);
			this.styles = new FormCellStyles(workbook);
		}

		void build() {
			if (this.style.hiddenFirstSheet()) {
				writeInstructions(this.workbook.createSheet(INSTRUCTIONS_SHEET));
			}
			this.sheet = this.workbook.createSheet(this.style.sheetName());
			this.row = this.style.paddingRows();
			setUpSheet();
			writeTitle();
			this.row++;
			writeHeader();
			this.row++;
			writeTable();
			this.row++;
			writeFooter();
			FormColumns c = this.columns;
			this.extension.finish(this.workbook,
					new Layout(this.sheet, Collections.unmodifiableMap(this.headerValues),
							Collections.unmodifiableMap(this.headerLabels), this.tableHeaderRow,
							Collections.unmodifiableMap(this.rowOfCode), c.stt(), c.label(), c.code(), c.unit(),
							c.total(), c.female()));
			if (this.style.hiddenFirstSheet()) {
				this.workbook.setSheetHidden(0, true);
				this.workbook.setActiveSheet(1);
				this.workbook.setFirstVisibleTab(1);
				this.workbook.getSheetAt(0).setSelected(false);
				this.sheet.setSelected(true);
			}
			finishFormulas();
		}

		private void setUpSheet() {
			FormColumns c = this.columns;
			for (int i = 0; i < c.stt(); i++) {
				this.sheet.setColumnWidth(i, 3 * 256);
			}
			this.sheet.setColumnWidth(c.stt(), 5 * 256);
			if (c.labelSpan() == 1) {
				this.sheet.setColumnWidth(c.label(), LABEL_WIDTH * 256);
			}
			else {
				this.sheet.setColumnWidth(c.label(), 30 * 256);
				this.sheet.setColumnWidth(c.label() + 1, (LABEL_WIDTH - 30) * 256);
			}
			this.sheet.setColumnWidth(c.code(), 8 * 256);
			this.sheet.setColumnWidth(c.unit(), 10 * 256);
			this.sheet.setColumnWidth(c.total(), 14 * 256);
			this.sheet.setColumnWidth(c.female(), 12 * 256);
			// .xls keeps rows at the default 12.75 points, a tight fit for 12-point text
			this.sheet.setDefaultRowHeightInPoints(16);
			FormPages.a4Portrait(this.sheet, null);
		}

		private void writeInstructions(Sheet instructions) {
			instructions.setColumnWidth(0, 110 * 256);
			for (int i = 0; i < INSTRUCTIONS.length; i++) {
				Cell cell = instructions.createRow(i).createCell(0);
				cell.setCellValue(INSTRUCTIONS[i]);
				cell.setCellStyle((i == 0) ? this.styles.headerLabel : this.styles.plain);
			}
		}

		private void writeTitle() {
			String year = this.content.headerValue("year").strip();
			String title = TITLE + (year.isEmpty() ? "…" : year);
			Row titleRow = this.sheet.createRow(this.row);
			titleRow.setHeightInPoints(24);
			spanRow(titleRow, title, this.style.mergedCells() ? this.styles.titleMerged : this.styles.title);
			this.row++;
			Row subtitle = this.sheet.createRow(this.row);
			spanRow(subtitle, "(Công đoàn cơ sở gửi Liên đoàn Lao động cấp tỉnh trước ngày 15/01 năm sau)",
					this.style.mergedCells() ? this.styles.subtitleMerged : this.styles.subtitle);
			this.row++;
		}

		/** Text across the form's width: merged, or centred across the unmerged cells. */
		private void spanRow(Row target, String text, CellStyle cellStyle) {
			FormColumns c = this.columns;
			for (int col = c.stt(); col <= c.last(); col++) {
				Cell cell = target.createCell(col);
				cell.setCellStyle(cellStyle);
				if (col == c.stt()) {
					cell.setCellValue(text);
				}
			}
			if (this.style.mergedCells()) {
				this.sheet
					.addMergedRegion(new CellRangeAddress(target.getRowNum(), target.getRowNum(), c.stt(), c.last()));
			}
		}

		private void writeHeader() {
			if (!this.style.shuffledHeader()) {
				int i = 0;
				for (String key : TOP_FIELDS) {
					writeFieldRow(List.of(key), i++);
				}
				writeExtraHeader();
				return;
			}
			int i = 0;
			for (List<String> fields : SHUFFLED_ROWS) {
				if (fields.size() == 2 && this.content.headerValue(fields.get(0)).isBlank()) {
					// a blank value beside another label would read as that label: one
					// per row
					writeFieldRow(List.of(fields.get(0)), i++);
					writeFieldRow(List.of(fields.get(1)), i++);
				}
				else {
					writeFieldRow(fields, i++);
				}
			}
			writeExtraHeader();
		}

		private void writeExtraHeader() {
			FormColumns c = this.columns;
			for (HeaderLine line : this.extension.extraHeader()) {
				Row target = this.sheet.createRow(this.row++);
				Cell label = target.createCell(c.label());
				label.setCellValue(line.label());
				label.setCellStyle(this.styles.headerLabel);
				Cell value = target.createCell(c.label() + c.labelSpan());
				value.setCellValue(line.value());
				value.setCellStyle(this.styles.headerValue);
				this.headerLabels.put(line.label(), new CellAddress(label));
				this.headerValues.put(line.label(), new CellAddress(value));
			}
		}

		private void writeFieldRow(List<String> keys, int index) {
			FormColumns c = this.columns;
			Row target = this.sheet.createRow(this.row++);
			int labelColumn = c.label();
			int valueColumn = c.label() + c.labelSpan();
			if (keys.size() == 1) {
				int valueEnd = this.style.mergedCells() ? Math.min(valueColumn + 1 + (index % 2), c.last())
						: valueColumn;
				writeField(target, keys.get(0), labelColumn, valueColumn, valueEnd);
			}
			else {
				int valueEnd = this.style.mergedCells() ? Math.max(valueColumn, c.total() - 1) : valueColumn;
				writeField(target, keys.get(0), labelColumn, valueColumn, valueEnd);
				writeField(target, keys.get(1), c.total(), c.female(), c.female());
			}
		}

		private void writeField(Row target, String key, int labelColumn, int valueColumn, int valueEnd) {
			Cell label = target.createCell(labelColumn);
			label.setCellValue(HEADER_LABELS.get(key)[this.style.headerLabelVariant() ? 1 : 0] + mark(required(key)));
			label.setCellStyle(this.styles.headerLabel);
			if (this.style.mergedCells() && valueColumn - labelColumn > 1) {
				for (int col = labelColumn + 1; col < valueColumn; col++) {
					target.createCell(col).setCellStyle(this.styles.headerLabel);
				}
				merge(target.getRowNum(), labelColumn, valueColumn - 1);
			}
			String value = this.content.headerValue(key);
			Cell cell = target.createCell(valueColumn);
			this.headerLabels.put(key, new CellAddress(label));
			this.headerValues.put(key, new CellAddress(cell));
			if ("year".equals(key) && value.strip().matches("[0-9]{4}")) {
				cell.setCellValue(Integer.parseInt(value.strip()));
				cell.setCellStyle(this.styles.headerYear);
			}
			else {
				if (!value.isEmpty()) {
					cell.setCellValue(value);
				}
				cell.setCellStyle(this.styles.headerValue);
			}
			for (int col = valueColumn + 1; col <= valueEnd; col++) {
				target.createCell(col).setCellStyle(this.styles.headerValue);
			}
			if (valueEnd > valueColumn) {
				merge(target.getRowNum(), valueColumn, valueEnd);
			}
		}

		private void merge(int rowIndex, int first, int last) {
			this.sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, first, last));
		}

		private void writeTable() {
			FormColumns c = this.columns;
			this.tableHeaderRow = this.row;
			Row head = this.sheet.createRow(this.row++);
			head.setHeightInPoints(30);
			tableCell(head, c.stt(), HEAD_STT, this.styles.tableHead);
			tableCell(head, c.label(), HEAD_LABEL, this.styles.tableHead);
			if (c.labelSpan() > 1) {
				tableCell(head, c.label() + 1, null, this.styles.tableHead);
				merge(head.getRowNum(), c.label(), c.label() + 1);
			}
			tableCell(head, c.code(), HEAD_CODE, this.styles.tableHead);
			tableCell(head, c.unit(), HEAD_UNIT, this.styles.tableHead);
			tableCell(head, c.total(), HEAD_TOTAL, this.styles.tableHead);
			tableCell(head, c.female(), this.style.femaleHeading(), this.styles.tableHead);

			List<Indicator> indicators = ReturnFormWriter.this.catalogue.all();
			int first = this.row;
			String section = null;
			for (Indicator indicator : indicators) {
				if (this.style.extraRows() && !indicator.section().equals(section)) {
					first++;
				}
				section = indicator.section();
				this.rowOfCode.put(indicator.code(), first++);
			}
			if (this.style.unknownRow()) {
				this.rowOfCode.put(UNKNOWN_CODE, first);
			}

			section = null;
			int number = 1;
			for (Indicator indicator : indicators) {
				if (this.style.extraRows() && !indicator.section().equals(section)) {
					writeSectionHeading(indicator.section());
				}
				section = indicator.section();
				writeIndicator(number++, indicator);
			}
			if (this.style.unknownRow()) {
				writeUnknownRow(number);
			}
		}

		private void writeSectionHeading(String section) {
			FormColumns c = this.columns;
			Row target = this.sheet.createRow(this.row++);
			String heading = section + ". " + SECTION_HEADINGS.getOrDefault(section, "MỤC " + section);
			if (this.style.mergedCells()) {
				for (int col = c.stt(); col <= c.last(); col++) {
					tableCell(target, col, (col == c.stt()) ? heading : null, this.styles.section);
				}
				merge(target.getRowNum(), c.stt(), c.last());
				return;
			}
			for (int col = c.stt(); col <= c.last(); col++) {
				tableCell(target, col, (col == c.label()) ? heading : null, this.styles.section);
			}
		}

		private void writeIndicator(int number, Indicator indicator) {
			FormColumns c = this.columns;
			Row target = this.sheet.createRow(this.row++);
			Cell stt = target.createCell(c.stt());
			stt.setCellValue(number);
			stt.setCellStyle(this.styles.centred);
			writeLabel(target, indicator.labelVi() + mark(indicator.required()));
			String code = this.style.labelOnlyCodes().contains(indicator.code()) ? null : indicator.code();
			tableCell(target, c.code(), code, this.styles.centred);
			tableCell(target, c.unit(), indicator.unit().isEmpty() ? null : indicator.unit(), this.styles.centred);
			FormContent.Entry entry = this.content.entry(indicator.code());
			Cell total = target.createCell(c.total());
			setValue(total, entry.total());
			Cell female = target.createCell(c.female());
			if (indicator.hasFemaleColumn()) {
				setValue(female, entry.female());
			}
			else {
				female.setCellStyle(this.styles.greyed);
			}
			if (!this.extension.suggestsChoices()) {
				return;
			}
			if (indicator.kind() == Indicator.Kind.CATEGORY) {
				dropDown(total, RATINGS.toArray(new String[0]));
			}
			else if (indicator.kind() == Indicator.Kind.FLAG) {
				dropDown(total, new String[] { "Có", "Không" });
			}
		}

		private void writeUnknownRow(int number) {
			FormColumns c = this.columns;
			Row target = this.sheet.createRow(this.row++);
			Cell stt = target.createCell(c.stt());
			stt.setCellValue(number);
			stt.setCellStyle(this.styles.centred);
			writeLabel(target, UNKNOWN_LABEL);
			tableCell(target, c.code(), UNKNOWN_CODE, this.styles.centred);
			tableCell(target, c.unit(), "vụ", this.styles.centred);
			FormContent.Entry entry = this.content.values().get(UNKNOWN_CODE);
			setValue(target.createCell(c.total()), (entry != null) ? entry.total() : Integer.valueOf(1));
			target.createCell(c.female()).setCellStyle(this.styles.greyed);
		}

		/** " *" for a required field when the extension marks them, else "". */
		private String mark(boolean required) {
			return (required && this.extension.marksRequired()) ? REQUIRED_MARK : "";
		}

		private void writeLabel(Row target, String label) {
			FormColumns c = this.columns;
			tableCell(target, c.label(), label, this.styles.label);
			// as the instructions: a twelfth to spare for Times New Roman's metrics
			int lines = WrappedText.lines(label, LABEL_WIDTH * 0.96);
			if (lines > 1) {
				target.setHeightInPoints(WrappedText.rowHeight(lines, FormCellStyles.POINTS));
			}
			if (c.labelSpan() > 1) {
				tableCell(target, c.label() + 1, null, this.styles.label);
				merge(target.getRowNum(), c.label(), c.label() + 1);
			}
		}

		private void tableCell(Row target, int column, String text, CellStyle cellStyle) {
			Cell cell = target.createCell(column);
			if (text != null) {
				cell.setCellValue(text);
			}
			cell.setCellStyle(cellStyle);
		}

		private void setValue(Cell cell, Object value) {
			if (value == null) {
				cell.setCellStyle(this.styles.number);
			}
			else if (value instanceof Number number) {
				cell.setCellValue(number.doubleValue());
				cell.setCellStyle(this.styles.number);
			}
			else if (value instanceof String text) {
				cell.setCellValue(text);
				cell.setCellStyle(this.styles.text);
			}
			else if (value instanceof FormContent.Formula formula) {
				cell.setCellFormula(resolve(formula.expression()));
				cell.setCellStyle(this.styles.number);
				(formula.cacheValue() ? this.cachedFormulas : this.uncachedFormulas).add(cell);
			}
		}

		/**
		 * Replaces {@code {A01}} and {@code {A01_nu}} by the addresses of those cells.
		 */
		private String resolve(String expression) {
			Matcher matcher = PLACEHOLDER.matcher(expression);
			StringBuilder resolved = new StringBuilder();
			while (matcher.find()) {
				String code = matcher.group(1).toUpperCase(Locale.ROOT);
				Integer target = this.rowOfCode.get(code);
				if (target == null) {
					throw new IllegalArgumentException(
							"formula '" + expression + "' names " + code + ", which has no row on this form");
				}
				int column = (matcher.group(2) != null) ? this.columns.female() : this.columns.total();
				matcher.appendReplacement(resolved, new CellAddress(target, column).formatAsString());
			}
			matcher.appendTail(resolved);
			return resolved.toString();
		}

		private void dropDown(Cell cell, String[] choices) {
			DataValidationHelper helper = this.sheet.getDataValidationHelper();
			DataValidationConstraint constraint = helper.createExplicitListConstraint(choices);
			CellRangeAddressList range = new CellRangeAddressList(cell.getRowIndex(), cell.getRowIndex(),
					cell.getColumnIndex(), cell.getColumnIndex());
			DataValidation validation = helper.createValidation(constraint, range);
			// older wordings ("Vững mạnh") are still accepted, so the list only suggests
			validation.setShowErrorBox(false);
			validation.setEmptyCellAllowed(true);
			this.sheet.addValidationData(validation);
		}

		private void writeFooter() {
			FormColumns c = this.columns;
			for (String key : FOOTER_FIELDS) {
				Row target = this.sheet.createRow(this.row++);
				Cell label = target.createCell(c.unit());
				label.setCellValue(
						HEADER_LABELS.get(key)[this.style.headerLabelVariant() ? 1 : 0] + mark(required(key)));
				label.setCellStyle(this.styles.footerLabel);
				Cell value = target.createCell(c.total());
				this.headerLabels.put(key, new CellAddress(label));
				this.headerValues.put(key, new CellAddress(value));
				String text = this.content.headerValue(key);
				if (!text.isEmpty()) {
					value.setCellValue(text);
				}
				value.setCellStyle(this.styles.headerValue);
				if (this.style.mergedCells()) {
					target.createCell(c.female()).setCellStyle(this.styles.headerValue);
					merge(target.getRowNum(), c.total(), c.female());
				}
			}
		}

		private void finishFormulas() {
			if (!this.cachedFormulas.isEmpty()) {
				FormulaEvaluator evaluator = this.workbook.getCreationHelper().createFormulaEvaluator();
				for (Cell cell : this.cachedFormulas) {
					evaluator.evaluateFormulaCell(cell);
				}
			}
			for (Cell cell : this.uncachedFormulas) {
				if (cell instanceof XSSFCell xssf && xssf.getCTCell().isSetV()) {
					xssf.getCTCell().unsetV();
				}
			}
			if (!this.uncachedFormulas.isEmpty()) {
				this.workbook.setForceFormulaRecalculation(true);
			}
		}

	}

}
