package vn.tonghop.report.workbook;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;

/**
 * The columns the completeness sheet gains when a province has a deadline for the year:
 * the province's deadline, its unions on time and late (README, "What the counts mean"),
 * blank for a province without one, never 0.
 */
final class CompletenessColumns {

	/** The columns, after the sheet's others. */
	static final List<Layout.Column> DEADLINE = List.of(new Layout.Column("deadline", "Hạn nộp báo cáo", 12),
			new Layout.Column("on_time", "Số CĐCS nộp đúng hạn", Layout.NUMBER_WIDTH),
			new Layout.Column("late", "Số CĐCS nộp muộn", Layout.NUMBER_WIDTH));

	/** What the sheet's note says of them. */
	static final String NOTE = "Đúng hạn, muộn: theo báo cáo được chấp nhận đầu tiên của CĐCS, so với hạn nộp của"
			+ " tỉnh, thành phố (hết ngày, giờ Việt Nam); tỉnh, thành phố chưa đặt hạn để trống; dòng khu vực và"
			+ " tổng cộng chỉ tính các tỉnh, thành phố đã đặt hạn.";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private CompletenessColumns() {
	}

	/** Writes a line's deadline, on time and late from column {@code first}. */
	static void write(Row row, int first, CompletenessRow line, Styles styles, boolean total) {
		Cells.text(row, first, (line.deadline() != null) ? DATE.format(line.deadline()) : null, styles.text(total));
		Cells.number(row, first + 1, line.onTime(), styles.count(total));
		Cells.number(row, first + 2, line.late(), styles.count(total));
	}

}
