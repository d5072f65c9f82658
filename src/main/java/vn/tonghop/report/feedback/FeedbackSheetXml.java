package vn.tonghop.report.feedback;

import java.util.Comparator;
import java.util.List;

import org.apache.poi.ss.util.CellReference;

import vn.tonghop.report.WrappedText;

/** The "Phản hồi" sheet as XML, with the same content as {@link FeedbackSheet}. */
final class FeedbackSheetXml {

	private final ZipStyles styles;

	private final Instructions instructions;

	private final StringBuilder rows = new StringBuilder(4096);

	private final StringBuilder links = new StringBuilder();

	private final int title;

	private final int text;

	private final int rejected;

	private final int accepted;

	private final int heading;

	private final int body;

	private final int centred;

	private final int link;

	private final int error;

	private final int warning;

	FeedbackSheetXml(ZipStyles styles, Instructions instructions) {
		this.styles = styles;
		this.instructions = instructions;
		int regular = styles.font(false, FeedbackSheet.TEXT_POINTS, null, false);
		this.title = styles.style(styles.font(true, FeedbackSheet.TITLE_POINTS, null, false), null, false, false);
		this.text = styles.style(regular, null, false, false);
		this.rejected = styles.style(styles.font(true, FeedbackSheet.VERDICT_POINTS, 10, false), null, false, false);
		this.accepted = styles.style(styles.font(true, FeedbackSheet.VERDICT_POINTS, 17, false), null, false, false);
		int bold = styles.font(true, FeedbackSheet.TEXT_POINTS, null, false);
		this.heading = styles.style(bold, 22, true, true);
		this.body = styles.style(regular, null, true, false);
		this.centred = styles.style(regular, null, true, true);
		this.link = styles.style(styles.font(false, FeedbackSheet.TEXT_POINTS, 12, true), null, true, false);
		this.error = styles.style(bold, ZipStyles.ERROR, true, false);
		this.warning = styles.style(regular, ZipStyles.WARNING, true, false);
	}

	private int lines(String value, int width, double points) {
		return FeedbackSheet.lines(value, width, points, this.styles.defaultPoints());
	}

	/** Writes the rows; answers the last row's index. */
	int rows(String unionCode, String unionName, String fileName, List<ZipCopy.Located> findings) {
		long errors = findings.stream().filter((finding) -> finding.item().isError()).count();
		long warnings = findings.size() - errors;
		title(0, this.title, "Phản hồi báo cáo thi đua: " + FeedbackSheet.union(unionCode, unionName),
				FeedbackSheet.TITLE_POINTS * FeedbackSheet.BOLD);
		title(1, this.text, "Tệp: " + fileName, FeedbackSheet.TEXT_POINTS);
		title(2, (errors > 0) ? this.rejected : this.accepted,
				(errors > 0) ? FeedbackSheet.REJECTED : FeedbackSheet.ACCEPTED,
				FeedbackSheet.VERDICT_POINTS * FeedbackSheet.BOLD);
		title(3, this.text, FeedbackSheet.summary(errors, warnings), FeedbackSheet.TEXT_POINTS);
		int headingLines = 1;
		StringBuilder cells = new StringBuilder();
		for (int i = 0; i < FeedbackSheet.HEADINGS.length; i++) {
			textCell(cells, FeedbackSheet.HEADING_ROW, i, this.heading, FeedbackSheet.HEADINGS[i]);
			headingLines = Math.max(headingLines, lines(FeedbackSheet.HEADINGS[i], FeedbackSheet.WIDTHS[i],
					FeedbackSheet.TEXT_POINTS * FeedbackSheet.BOLD));
		}
		row(FeedbackSheet.HEADING_ROW, WrappedText.rowHeight(headingLines, FeedbackSheet.TEXT_POINTS), cells);
		int rowIndex = FeedbackSheet.HEADING_ROW + 1;
		List<ZipCopy.Located> sorted = findings.stream()
			.sorted(Comparator.comparing((ZipCopy.Located finding) -> !finding.item().isError())
				.thenComparing(ZipCopy.Located::located)
				.thenComparingInt((finding) -> finding.located() ? finding.sheet().index() : -1)
				.thenComparingInt((finding) -> finding.located() ? finding.address().getRow() : -1)
				.thenComparingInt((finding) -> finding.located() ? finding.address().getColumn() : -1)
				.thenComparingInt(ZipCopy.Located::order))
			.toList();
		for (ZipCopy.Located finding : sorted) {
			finding(rowIndex, rowIndex - FeedbackSheet.HEADING_ROW, finding);
			rowIndex++;
		}
		return rowIndex - 1;
	}

	private void finding(int rowIndex, int number, ZipCopy.Located finding) {
		FeedbackItem item = finding.item();
		StringBuilder cells = new StringBuilder(512);
		cells.append("<c r=\"");
		reference(cells, rowIndex, 0).append("\" s=\"")
			.append(this.centred)
			.append("\"><v>")
			.append(number)
			.append("</v></c>");
		textCell(cells, rowIndex, 1, this.centred, item.rule());
		textCell(cells, rowIndex, 2, item.isError() ? this.error : this.warning, item.severityLabel());
		textCell(cells, rowIndex, 3, this.body, item.sheet());
		if (finding.located()) {
			String address = finding.address().formatAsString();
			textCell(cells, rowIndex, 4, this.link, address);
			this.links.append("<hyperlink ref=\"");
			reference(this.links, rowIndex, 4).append("\" location=\"")
				.append(ZipXml.escape(FeedbackSheet.quote(finding.sheet().name()) + "!" + address))
				.append("\" display=\"")
				.append(address)
				.append("\"/>");
		}
		else {
			textCell(cells, rowIndex, 4, this.body, item.cell());
		}
		String instruction = this.instructions.forRule(item.rule());
		textCell(cells, rowIndex, FeedbackSheet.MESSAGE_COLUMN, this.body, item.message());
		textCell(cells, rowIndex, FeedbackSheet.INSTRUCTION_COLUMN, this.body, instruction);
		int lines = 1;
		String[] texts = { item.rule(), item.severityLabel(), item.sheet(), item.cell(), item.message(), instruction };
		for (int i = 0; i < texts.length; i++) {
			lines = Math.max(lines, lines(texts[i], FeedbackSheet.WIDTHS[i + 1],
					FeedbackSheet.TEXT_POINTS * ((i == 1) ? FeedbackSheet.BOLD : 1.0)));
		}
		row(rowIndex, WrappedText.rowHeight(lines, FeedbackSheet.TEXT_POINTS), cells);
	}

	private void title(int rowIndex, int style, String value, double points) {
		StringBuilder cells = new StringBuilder();
		textCell(cells, rowIndex, 0, style, value);
		int lines = lines(value, FeedbackSheet.TOTAL_WIDTH, points);
		row(rowIndex, WrappedText.rowHeight(lines, Math.ceil(points)), cells);
	}

	private void row(int rowIndex, float height, CharSequence cells) {
		this.rows.append("<row r=\"")
			.append(rowIndex + 1)
			.append("\" ht=\"")
			.append(height)
			.append("\" customHeight=\"1\">")
			.append(cells)
			.append("</row>");
	}

	private static void textCell(StringBuilder cells, int row, int column, int style, String value) {
		cells.append("<c r=\"");
		reference(cells, row, column).append("\" s=\"").append(style);
		if (value == null || value.isEmpty()) {
			cells.append("\"/>");
			return;
		}
		cells.append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
			.append(ZipXml.escape(value))
			.append("</t></is></c>");
	}

	/** A cell's A1 reference, appended (the sheet's columns are A to H). */
	private static StringBuilder reference(StringBuilder cells, int row, int column) {
		if (column < 26) {
			cells.append((char) ('A' + column));
		}
		else {
			cells.append(CellReference.convertNumToColString(column));
		}
		return cells.append(row + 1);
	}

	String sheet(int lastRow) {
		int last = FeedbackSheet.HEADINGS.length - 1;
		String lastColumn = CellReference.convertNumToColString(last);
		int heading = FeedbackSheet.HEADING_ROW + 1;
		StringBuilder xml = new StringBuilder(this.rows.length() + 2048);
		xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"")
			.append(ZipCopy.MAIN_NS)
			.append("\" xmlns:r=\"")
			.append(ZipCopy.REL_NS)
			.append("\"><sheetPr><pageSetUpPr autoPageBreaks=\"1\" fitToPage=\"1\"/></sheetPr><dimension ref=\"A1:")
			.append(lastColumn)
			.append(Math.max(lastRow, FeedbackSheet.HEADING_ROW) + 1)
			.append("\"/><sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\"><pane ySplit=\"")
			.append(heading)
			.append("\" topLeftCell=\"A")
			.append(heading + 1)
			.append("\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\"/>"
					+ "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols>");
		for (int i = 0; i < FeedbackSheet.WIDTHS.length; i++) {
			xml.append("<col min=\"")
				.append(i + 1)
				.append("\" max=\"")
				.append(i + 1)
				.append("\" width=\"")
				.append(FeedbackSheet.WIDTHS[i])
				.append("\" customWidth=\"1\"/>");
		}
		xml.append("</cols><sheetData>").append(this.rows).append("</sheetData>");
		if (lastRow > FeedbackSheet.HEADING_ROW) {
			xml.append("<autoFilter ref=\"A")
				.append(heading)
				.append(':')
				.append(lastColumn)
				.append(lastRow + 1)
				.append("\"/>");
		}
		xml.append("<mergeCells count=\"4\">");
		for (int r = 1; r <= 4; r++) {
			xml.append("<mergeCell ref=\"A").append(r).append(':').append(lastColumn).append(r).append("\"/>");
		}
		xml.append("</mergeCells>");
		if (!this.links.isEmpty()) {
			xml.append("<hyperlinks>").append(this.links).append("</hyperlinks>");
		}
		xml.append("<printOptions horizontalCentered=\"1\"/><pageMargins left=\"0.4\" right=\"0.4\" top=\"")
			.append(vn.tonghop.report.A4.TOP_AND_BOTTOM)
			.append("\" bottom=\"")
			.append(vn.tonghop.report.A4.TOP_AND_BOTTOM)
			.append("\" header=\"0.25\" footer=\"0.25\"/><pageSetup paperSize=\"9\" fitToWidth=\"1\""
					+ " fitToHeight=\"0\" orientation=\"landscape\"/><headerFooter><oddFooter>")
			.append(ZipXml.escape("&C" + FeedbackSheet.PAGE_NUMBERS))
			.append("</oddFooter></headerFooter></worksheet>");
		return xml.toString();
	}

}
