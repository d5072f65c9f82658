package vn.tonghop.report.workbook;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

import vn.tonghop.normalise.Rating;

/**
 * The list sheets: completeness, the unions that have not reported, the findings, the
 * accepted returns and the run information. Findings and returns are streamed: each is
 * read once and written row by row.
 */
final class ListSheets {

	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

	static final String NO_REGISTRY = "Chưa nạp danh sách công đoàn cơ sở phải báo cáo: "
			+ "không có số dự kiến và số chưa báo cáo.";

	private final Workbook workbook;

	private final Styles styles;

	private final Figures figures;

	private final WorkbookInput input;

	private long findings;

	private long errors;

	private long returns;

	ListSheets(Workbook workbook, Styles styles, Figures figures, WorkbookInput input) {
		this.workbook = workbook;
		this.styles = styles;
		this.figures = figures;
		this.input = input;
	}

	/** "Mức độ đầy đủ": per province, then per sector, each with its total. */
	void writeCompleteness() {
		new CompletenessSheet(this.workbook, this.styles, this.input).write();
	}

	/** Registered unions that reported, over registered unions. */
	static Double reportedShare(CompletenessRow row) {
		if (row == null || row.expected() == null || row.missing() == null) {
			return null;
		}
		return Figures.ratio(row.expected() - row.missing(), row.expected());
	}

	/** "Chưa báo cáo": the registered unions without an accepted return. */
	void writeMissing() {
		List<Layout.Column> columns = List.of(new Layout.Column("no", "STT", 6),
				new Layout.Column("union_code", "Mã CĐCS", 14), new Layout.Column("union_name", "Tên CĐCS", 48),
				new Layout.Column("province_name", "Tỉnh, thành phố", Layout.NAME_WIDTH),
				new Layout.Column("sector_name", "Khu vực", Layout.NAME_WIDTH));
		String note = this.input.completeness().registryLoaded()
				? "CĐCS trong danh sách phải báo cáo chưa gửi báo cáo nào: " + this.input.missing().size()
				: NO_REGISTRY;
		TableSheet sheet = TableSheet.open(this.workbook, this.styles, this.input.year(), "Chưa báo cáo",
				"Công đoàn cơ sở chưa báo cáo năm " + this.input.year(), note, columns, 3);
		long no = 0;
		for (MissingUnion union : this.input.missing()) {
			Row row = sheet.row();
			Cells.number(row, 0, ++no, this.styles.count);
			Cells.text(row, 1, union.unionCode(), this.styles.text);
			Cells.text(row, 2, union.unionName(), this.styles.text);
			Cells.text(row, 3, union.provinceName(), this.styles.text);
			Cells.text(row, 4, union.sectorName(), this.styles.text);
			sheet.fit(row);
		}
		sheet.finish();
	}

	/** "Phát hiện": every finding, errors and warnings, as in issues.csv. */
	void writeFindings() {
		List<Layout.Column> columns = List.of(new Layout.Column("source_file", "Tệp", 36),
				new Layout.Column("sheet", "Trang tính", 14), new Layout.Column("cell", "Ô", 8),
				new Layout.Column("union_code", "Mã CĐCS", 14), new Layout.Column("rule", "Quy tắc", 9),
				new Layout.Column("severity", "Mức độ", 11), new Layout.Column("message", "Nội dung", 80));
		TableSheet sheet = TableSheet.open(this.workbook, this.styles, this.input.year(), "Phát hiện",
				"Lỗi và cảnh báo khi đọc báo cáo năm " + this.input.year(),
				"Lỗi: báo cáo bị loại, không cộng vào tổng hợp. Cảnh báo: báo cáo vẫn được chấp nhận.", columns, 1);
		for (FindingRow finding : this.input.findings()) {
			Row row = sheet.row();
			Cells.text(row, 0, finding.sourceFile(), this.styles.wrapped);
			Cells.text(row, 1, finding.sheet(), this.styles.text);
			Cells.text(row, 2, finding.cell(), this.styles.text);
			Cells.text(row, 3, finding.unionCode(), this.styles.text);
			Cells.text(row, 4, finding.rule(), this.styles.text);
			Cells.text(row, 5, severity(finding.severity()), this.styles.text);
			Cells.text(row, 6, finding.message(), this.styles.wrapped);
			sheet.fit(row);
			this.findings++;
			if ("error".equalsIgnoreCase(finding.severity())) {
				this.errors++;
			}
		}
		sheet.finish();
	}

	static String severity(String severity) {
		if ("error".equalsIgnoreCase(severity)) {
			return "Lỗi";
		}
		if ("warning".equalsIgnoreCase(severity)) {
			return "Cảnh báo";
		}
		return severity;
	}

	/**
	 * "Báo cáo": every accepted return with its figures, the union's code and name
	 * repeated on every printed page of columns: its province, sector, industry, file and
	 * rating, then the indicators theme by theme.
	 */
	void writeReturns() {
		List<Layout.Column> columns = new ArrayList<>(
				List.of(new Layout.Column("union_code", "Mã CĐCS", 14), new Layout.Column("union_name", "Tên CĐCS", 36),
						new Layout.Column("province_name", "Tỉnh, thành phố", 18, Themes.GENERAL),
						new Layout.Column("sector_name", "Khu vực", 22, Themes.GENERAL),
						new Layout.Column("industry_name", "Ngành", 28, Themes.GENERAL),
						new Layout.Column("source_file", "Tệp", 26, Themes.GENERAL),
						new Layout.Column("F03", "Xếp loại", 20, Themes.GENERAL)));
		List<Integer> order = new ArrayList<>();
		for (String theme : Themes.ORDER) {
			for (String column : this.figures.columns(theme)) {
				columns.add(new Layout.Column(column, this.figures.heading(column), this.figures.width(column), theme));
				order.add(this.figures.columns().indexOf(column));
			}
		}
		TableSheet sheet = TableSheet.open(this.workbook, this.styles, this.input.year(), "Báo cáo",
				"Các báo cáo được chấp nhận năm " + this.input.year(),
				"Mỗi dòng một công đoàn cơ sở; ô trống: báo cáo không có số liệu.", columns, 2);
		for (ReturnRow line : this.input.returns()) {
			Row row = sheet.row();
			Cells.text(row, 0, line.unionCode(), this.styles.text);
			Cells.text(row, 1, line.unionName(), this.styles.text);
			Cells.text(row, 2, line.provinceName(), this.styles.text);
			Cells.text(row, 3, line.sectorName(), this.styles.text);
			Cells.text(row, 4, line.industryName(), this.styles.text);
			Cells.text(row, 5, line.sourceFile(), this.styles.text);
			Cells.text(row, 6, rating(line.rating()), this.styles.text);
			for (int c = 0; c < order.size(); c++) {
				int i = order.get(c);
				Long value = (line.values() != null && i < line.values().size()) ? line.values().get(i) : null;
				Cells.number(row, 7 + c, value, this.styles.count);
			}
			sheet.fit(row);
			this.returns++;
		}
		sheet.finish();
	}

	static String rating(String code) {
		if (code == null) {
			return null;
		}
		for (Rating rating : Rating.values()) {
			if (rating.name().equals(code)) {
				return rating.label();
			}
		}
		return code;
	}

	/**
	 * "Thông tin": how the run went. Written last, it counts what the other sheets held.
	 * The tool's version and the database, for whoever maintains the tool, are kept below
	 * the printed area.
	 */
	void writeInfo() {
		RunInfo run = this.input.run();
		List<Layout.Column> columns = List.of(new Layout.Column("item", "Thông tin", 44),
				new Layout.Column("value", "Giá trị", 60));
		TableSheet sheet = TableSheet.open(this.workbook, this.styles, this.input.year(), "Thông tin",
				"Thông tin về lần tổng hợp năm " + this.input.year(), null, columns, 1);
		if (run != null && run.warning() != null) {
			// a sentence, wrapped in its cell rather than cut at the page's edge
			info(sheet, "Cảnh báo", run.warning());
		}
		info(sheet, "Năm tổng hợp", Integer.toString(this.input.year()));
		info(sheet, "Năm so sánh",
				this.input.hasPreviousYear() ? this.input.previousYear().toString() : "Không có số liệu năm trước");
		FederationView federation = this.input.federation();
		String scope = (run != null) ? run.scope() : null;
		info(sheet, "Phạm vi tổng hợp", (federation != null) ? federation.description() : (scope != null)
				? "Các tỉnh, thành phố được chọn: theo tỉnh, thành phố" : "Toàn quốc: theo tỉnh, thành phố");
		if (scope != null) {
			info(sheet, "Tỉnh, thành phố", "Phạm vi: " + scope + " (chỉ số liệu của các tỉnh, thành phố này)");
		}
		if (federation != null && federation.note() != null) {
			// a sentence, wrapped as the warning is
			Row row = sheet.row();
			Cells.text(row, 0, "Báo cáo của tỉnh khác", this.styles.text);
			Cells.text(row, 1, federation.note(), this.styles.wrapped);
			row.setHeightInPoints(Layout.lines(federation.note(), 60) * 13f + 2f);
		}
		if (run != null) {
			info(sheet, "Thời điểm lập", (run.generatedAt() != null) ? DATE_TIME.format(run.generatedAt()) : null);
			info(sheet, "Số tệp đã đọc", run.filesRead());
			if (run.fileStatuses() != null) {
				info(sheet, "Tình trạng tệp", run.fileStatuses());
			}
			info(sheet, "Số báo cáo được chấp nhận", run.returnsAccepted());
			info(sheet, "Số báo cáo bị từ chối", run.returnsRejected());
			info(sheet, "Số báo cáo bị thay thế", run.returnsSuperseded());
		}
		info(sheet, "Số dòng trên trang Báo cáo", this.returns);
		info(sheet, "Số phát hiện (lỗi và cảnh báo)", this.findings);
		info(sheet, "Trong đó lỗi", this.errors);
		info(sheet, "Danh sách CĐCS phải báo cáo", this.input.completeness().registryLoaded() ? "Đã nạp" : "Chưa nạp");
		if (this.input.completeness().registryLoaded()) {
			info(sheet, "Số CĐCS chưa báo cáo", this.input.missing().size());
		}
		int lastPrinted = sheet.lastRow();
		if (run != null) {
			info(sheet, "Phiên bản công cụ", run.toolVersion());
			info(sheet, "Cơ sở dữ liệu", run.database());
		}
		sheet.finish();
		this.workbook.setPrintArea(this.workbook.getSheetIndex(sheet.sheet()), 0, columns.size() - 1, 0, lastPrinted);
	}

	private void info(TableSheet sheet, String item, String value) {
		Row row = sheet.row();
		Cells.text(row, 0, item, this.styles.text);
		Cells.text(row, 1, value, this.styles.text);
		sheet.fit(row);
	}

	private void info(TableSheet sheet, String item, long value) {
		Row row = sheet.row();
		Cells.text(row, 0, item, this.styles.text);
		Cells.number(row, 1, value, this.styles.count);
	}

}
