package vn.tonghop.report.workbook;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * "Mức độ đầy đủ": who was expected and who reported, per province, then per sector, each
 * with its total (README, "What the counts mean"); when a province has a deadline for the
 * year, also each province's deadline and its unions on time and late (blank for a
 * province without one, never 0).
 * <p>
 * Its columns are few and fixed, so it is printed one A4 landscape page wide: its scale
 * is taken for the widest font it may be printed in, LibreOffice's DejaVu Serif where
 * Times New Roman is not installed (as on CI), whose columns are a quarter wider than the
 * column model ({@link Layout#points}); at the model's scale the last columns and the
 * note were cut onto pages of their own. With a deadline it prints at 77 % (body text 8.5
 * pt), without at 100 %.
 */
final class CompletenessSheet {

	/** What the note says of them. */
	static final String DEADLINE_NOTE = "Đúng hạn, muộn: theo báo cáo được chấp nhận đầu tiên của CĐCS, so với hạn"
			+ " nộp của tỉnh, thành phố (hết ngày, giờ Việt Nam); tỉnh, thành phố chưa đặt hạn để trống; dòng khu vực"
			+ " và tổng cộng chỉ tính các tỉnh, thành phố đã đặt hạn.";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	/**
	 * How much wider than the column model a column prints in DejaVu Serif 11 pt
	 * (measured on LibreOffice's PDF: 7.0 pt a character, not 5.6).
	 */
	private static final double WIDER_FONT = 1.25;

	/** The columns of this sheet, narrower than other tables': its codes are short. */
	private static final int BY_WIDTH = 14;

	private static final int CODE_WIDTH = 8;

	private static final int NAME_WIDTH = 24;

	private static final int NUMBER_WIDTH = 10;

	/** The columns a deadline adds, after the others. */
	static final List<Layout.Column> DEADLINE = List.of(new Layout.Column("deadline", "Hạn nộp báo cáo", 11),
			new Layout.Column("on_time", "Số CĐCS nộp đúng hạn", NUMBER_WIDTH),
			new Layout.Column("late", "Số CĐCS nộp muộn", NUMBER_WIDTH));

	private final Workbook workbook;

	private final Styles styles;

	private final WorkbookInput input;

	CompletenessSheet(Workbook workbook, Styles styles, WorkbookInput input) {
		this.workbook = workbook;
		this.styles = styles;
		this.input = input;
	}

	void write() {
		Completeness completeness = this.input.completeness();
		boolean timed = completeness.deadlinesSet();
		List<Layout.Column> columns = new ArrayList<>(
				List.of(new Layout.Column("by", "Phân theo", BY_WIDTH), new Layout.Column("code", "Mã", CODE_WIDTH),
						new Layout.Column("name", "Tỉnh, thành phố / khu vực", NAME_WIDTH),
						new Layout.Column("expected", "Số CĐCS phải báo cáo (theo danh sách)", NUMBER_WIDTH),
						new Layout.Column("received", "Số CĐCS đã gửi báo cáo", NUMBER_WIDTH),
						new Layout.Column("accepted", "Số CĐCS có báo cáo được chấp nhận", NUMBER_WIDTH),
						new Layout.Column("rejected", "Số CĐCS có báo cáo bị loại", NUMBER_WIDTH),
						new Layout.Column("missing", "Số CĐCS chưa báo cáo", NUMBER_WIDTH),
						new Layout.Column("reported_share", "Tỷ lệ đã báo cáo", NUMBER_WIDTH)));
		if (timed) {
			columns.addAll(DEADLINE);
		}
		String note = completeness.registryLoaded()
				? "Đã báo cáo: CĐCS trong danh sách đã gửi báo cáo (được chấp nhận hoặc bị từ chối). CĐCS ngoài danh sách"
						+ " đã gửi báo cáo: " + completeness.unlisted() + "."
				: ListSheets.NO_REGISTRY;
		if (timed) {
			note = note + " " + DEADLINE_NOTE;
		}
		TableSheet sheet = TableSheet.open(this.workbook, this.styles, this.input.year(), "Mức độ đầy đủ",
				"Mức độ đầy đủ của báo cáo năm " + this.input.year(), note, columns, 3);
		for (CompletenessRow row : completeness.byProvince()) {
			write(sheet, "Tỉnh, thành phố", row, false, timed);
		}
		write(sheet, "Tỉnh, thành phố", completeness.total(), true, timed);
		if (completeness.bySector() != null && !completeness.bySector().isEmpty()) {
			for (CompletenessRow row : completeness.bySector()) {
				write(sheet, "Khu vực", row, false, timed);
			}
			write(sheet, "Khu vực", completeness.total(), true, timed);
		}
		sheet.finish();
		printOnePageWide(sheet.sheet(), columns, note);
	}

	private void write(TableSheet sheet, String by, CompletenessRow line, boolean total, boolean timed) {
		if (line == null) {
			return;
		}
		Row row = sheet.row();
		int c = 0;
		Cells.text(row, c++, by, this.styles.text(total));
		// the total's code is left blank: a printed page shows no machine code
		Cells.text(row, c++, total ? null : line.code(), this.styles.text(total));
		Cells.text(row, c++, total ? RollupSheets.TOTAL_NAME : line.name(), this.styles.text(total));
		Cells.number(row, c++, line.expected(), this.styles.count(total));
		Cells.number(row, c++, line.received(), this.styles.count(total));
		Cells.number(row, c++, line.accepted(), this.styles.count(total));
		Cells.number(row, c++, line.rejected(), this.styles.count(total));
		Cells.number(row, c++, line.missing(), this.styles.count(total));
		Cells.number(row, c++, ListSheets.reportedShare(line), this.styles.percent(total));
		if (timed) {
			Cells.text(row, c++, (line.deadline() != null) ? DATE.format(line.deadline()) : null,
					this.styles.text(total));
			Cells.number(row, c++, line.onTime(), this.styles.count(total));
			Cells.number(row, c++, line.late(), this.styles.count(total));
		}
		sheet.fit(row);
	}

	/**
	 * One page wide in the widest font, as many pages tall as it takes; the note wrapped
	 * across the table (it ran off the page's edge).
	 */
	private void printOnePageWide(Sheet sheet, List<Layout.Column> columns, String note) {
		int width = columns.stream().mapToInt(Layout.Column::width).sum();
		sheet.getPrintSetup().setScale((short) Layout.scale(Layout.points(width) * WIDER_FONT));
		Row noteRow = sheet.getRow(Layout.NOTE_ROW);
		Cell cell = (noteRow != null) ? noteRow.getCell(0) : null;
		if (cell == null) {
			return;
		}
		cell.setCellStyle(this.styles.wrappedSubtitle);
		sheet.addMergedRegion(new CellRangeAddress(Layout.NOTE_ROW, Layout.NOTE_ROW, 0, columns.size() - 1));
		noteRow.setHeightInPoints(Layout.height(Layout.lines(note, (int) (width / WIDER_FONT))));
	}

}
