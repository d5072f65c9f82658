package vn.tonghop.console.unions;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.tonghop.console.unions.UnionAccounts.Change;
import vn.tonghop.console.unions.UnionAccounts.Line;
import vn.tonghop.console.unions.UnionAccounts.Outcome;
import vn.tonghop.report.A4;
import vn.tonghop.report.CsvOutput;

/**
 * The list of the unions' accounts that the federation mails out with the blank form:
 * union code, name, province, sign-in name, one-time code and the console's address, as
 * an {@code .xlsx} (A4 landscape, one page wide, the headings repeated on every page) and
 * a {@code .csv} (UTF-8 with a byte order mark, cells a spreadsheet would run defused, as
 * the tool's other CSVs). Written to a stream (the console's download: the codes never
 * touch its disk) or to a folder (the command line: each file under a temporary name,
 * then moved into place).
 */
public final class UnionAccountsList {

	/** The columns, in Vietnamese. */
	public static final List<String> HEADINGS = List.of("Mã CĐCS", "Tên CĐCS", "Tỉnh/thành phố", "Tên đăng nhập",
			"Mã đăng nhập một lần", "Địa chỉ console", "Ghi chú");

	/** Each column's width, in characters. */
	private static final int[] WIDTHS = { 12, 40, 14, 15, 21, 26, 20 };

	/** The row of the headings (0-based): a title and a line of use above it. */
	private static final int HEADING_ROW = 2;

	private final Outcome outcome;

	private final String address;

	/**
	 * @param outcome what a run did
	 * @param address the console's address as the unions type it
	 */
	public UnionAccountsList(Outcome outcome, String address) {
		this.outcome = outcome;
		this.address = address;
	}

	/** The file's name: {@code tai-khoan-cdcs-2026[-01-75].xlsx}. */
	public String fileName(String extension) {
		StringBuilder name = new StringBuilder("tai-khoan-cdcs-").append(this.outcome.year());
		this.outcome.provinces().stream().sorted().forEach((code) -> name.append('-').append(code));
		return name.append('.').append(extension).toString();
	}

	/** A line's cells, in the order of {@link #HEADINGS}. */
	List<String> cells(Line line) {
		String code = switch (line.change()) {
			case NEW, RE_ENABLED -> line.oneTimeCode();
			case KEPT -> "đã có tài khoản";
			case DISABLED -> "";
		};
		return List.of(line.unionCode(), nullToEmpty(line.unionName()), line.provinceName(), line.username(), code,
				(line.change() == Change.DISABLED) ? "" : this.address, line.change().label());
	}

	/** Writes the CSV to {@code out}, which it leaves open. */
	public void csv(OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write(CsvOutput.BOM);
		ICSVWriter csv = new CSVWriterBuilder(writer).withLineEnd("\n").build();
		csv.writeNext(HEADINGS.toArray(String[]::new), false);
		for (Line line : this.outcome.lines()) {
			csv.writeNext(cells(line).stream().map(CsvOutput::defused).toArray(String[]::new), false);
		}
		csv.flush();
	}

	/** Writes the workbook to {@code out}, which it leaves open. */
	public void xlsx(OutputStream out) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("Tài khoản CĐCS " + this.outcome.year());
			Styles styles = new Styles(workbook);
			Row title = sheet.createRow(0);
			text(title, 0, styles.title, "Tài khoản bảng điều khiển của các công đoàn cơ sở, năm " + this.outcome.year()
					+ (this.outcome.provinces().isEmpty() ? "" : " — " + provinceNames()));
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADINGS.size() - 1));
			Row use = sheet.createRow(1);
			use.setHeightInPoints(30);
			text(use, 0, styles.note, "Mỗi CĐCS mở " + this.address + ", đăng nhập bằng tên đăng nhập và mã đăng nhập"
					+ " một lần của mình; lần đăng nhập đầu phải đặt mật khẩu mới. Mã chỉ dùng được một lần: giữ kín"
					+ " danh sách này, gửi mỗi CĐCS dòng của mình.");
			sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, HEADINGS.size() - 1));
			Row headings = sheet.createRow(HEADING_ROW);
			for (int i = 0; i < HEADINGS.size(); i++) {
				text(headings, i, styles.heading, HEADINGS.get(i));
			}
			int r = HEADING_ROW + 1;
			for (Line line : this.outcome.lines()) {
				Row row = sheet.createRow(r++);
				List<String> cells = cells(line);
				for (int i = 0; i < cells.size(); i++) {
					boolean code = i == 4 && line.oneTimeCode() != null;
					text(row, i, code ? styles.code : styles.body, cells.get(i));
				}
			}
			layout(sheet, r - 1);
			workbook.write(out);
		}
	}

	/**
	 * Writes both files into {@code folder}, each under a temporary name first, then
	 * moved into place: a full disk leaves no half file. Returns the two files.
	 */
	public List<Path> save(Path folder) throws IOException {
		Files.createDirectories(folder);
		List<Path> written = new ArrayList<>();
		List<Path> temporaries = new ArrayList<>();
		try {
			for (String extension : List.of("xlsx", "csv")) {
				Path target = folder.resolve(fileName(extension));
				Path temporary = folder.resolve("." + target.getFileName() + ".tmp");
				temporaries.add(temporary);
				try (OutputStream out = Files.newOutputStream(temporary)) {
					if (extension.equals("xlsx")) {
						xlsx(out);
					}
					else {
						csv(out);
					}
				}
				written.add(target);
			}
			for (int i = 0; i < written.size(); i++) {
				Files.move(temporaries.get(i), written.get(i), StandardCopyOption.REPLACE_EXISTING,
						StandardCopyOption.ATOMIC_MOVE);
			}
			return written;
		}
		finally {
			for (Path temporary : temporaries) {
				Files.deleteIfExists(temporary);
			}
		}
	}

	private String provinceNames() {
		List<String> names = new ArrayList<>();
		for (String code : this.outcome.provinces().stream().sorted().toList()) {
			String name = this.outcome.lines()
				.stream()
				.filter((line) -> code.equals(line.provinceCode()))
				.map(Line::provinceName)
				.findFirst()
				.orElse(code);
			names.add(name);
		}
		return String.join(", ", names);
	}

	private static void text(Row row, int column, CellStyle style, String value) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	/** Column widths, frozen headings, filter, and A4 landscape one page wide. */
	private static void layout(Sheet sheet, int lastRow) {
		for (int i = 0; i < WIDTHS.length; i++) {
			sheet.setColumnWidth(i, WIDTHS[i] * 256);
		}
		sheet.createFreezePane(0, HEADING_ROW + 1);
		if (lastRow > HEADING_ROW) {
			sheet.setAutoFilter(new CellRangeAddress(HEADING_ROW, lastRow, 0, HEADINGS.size() - 1));
		}
		sheet.setRepeatingRows(new CellRangeAddress(HEADING_ROW, HEADING_ROW, -1, -1));
		A4.page(sheet, true);
		sheet.setFitToPage(true);
		sheet.setAutobreaks(true);
		PrintSetup print = sheet.getPrintSetup();
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
	}

	private static String nullToEmpty(String text) {
		return (text != null) ? text : "";
	}

	/** The few styles of the sheet. */
	private static final class Styles {

		final CellStyle title;

		final CellStyle note;

		final CellStyle heading;

		final CellStyle body;

		final CellStyle code;

		Styles(XSSFWorkbook workbook) {
			this.title = style(workbook, font(workbook, true, 13, null), false);
			this.note = style(workbook, font(workbook, false, 10, null), false);
			this.note.setWrapText(true);
			this.note.setVerticalAlignment(VerticalAlignment.TOP);
			this.heading = style(workbook, font(workbook, true, 10, null), true);
			this.heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			this.heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.heading.setAlignment(HorizontalAlignment.CENTER);
			this.heading.setVerticalAlignment(VerticalAlignment.CENTER);
			this.body = style(workbook, font(workbook, false, 10, null), true);
			this.code = style(workbook, font(workbook, true, 11, "Courier New"), true);
		}

		private static Font font(XSSFWorkbook workbook, boolean bold, int points, String name) {
			Font font = workbook.createFont();
			font.setBold(bold);
			font.setFontHeightInPoints((short) points);
			if (name != null) {
				font.setFontName(name);
			}
			return font;
		}

		private static CellStyle style(XSSFWorkbook workbook, Font font, boolean boxed) {
			CellStyle style = workbook.createCellStyle();
			style.setFont(font);
			if (boxed) {
				style.setBorderTop(BorderStyle.THIN);
				style.setBorderBottom(BorderStyle.THIN);
				style.setBorderLeft(BorderStyle.THIN);
				style.setBorderRight(BorderStyle.THIN);
				style.setWrapText(true);
				style.setVerticalAlignment(VerticalAlignment.TOP);
			}
			return style;
		}

	}

}
