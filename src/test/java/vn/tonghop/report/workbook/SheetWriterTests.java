package vn.tonghop.report.workbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.ZipFile;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast sheet writer against POI's own: the same sheet XML but for whole numbers
 * written without ".0", and the same cells read back.
 */
class SheetWriterTests {

	@Test
	void writesWhatPoiWritesButWholeNumbersWithoutTheirPointZero() throws IOException {
		byte[] poi = write((template) -> new SXSSFWorkbook(template, 2));
		byte[] fast = write((template) -> SheetWriter.workbook(template, 2));
		String poiXml = sheetXml(poi);
		String fastXml = sheetXml(fast);
		assertThat(poiXml).contains("<v>5830.0</v>", "<v>-12.0</v>", "<v>0.0</v>", "r=\"WQK1\"");
		assertThat(fastXml).contains("<v>5830</v>", "<v>-12</v>", "<v>0</v>", "<v>0.5</v>", "<v>-0.0</v>",
				"<v>1.0E20</v>", "<v>1000000000000000</v>", "<c r=\"IV1\" t=\"n\"><v>255</v>",
				"<c r=\"WQK1\" t=\"n\"><v>16000.0</v>");
		assertThat(fastXml)
			.isEqualTo(poiXml.replaceAll("(<c r=\"[A-Z]{1,2}\\d+\"[^>]*t=\"n\"><v>-?\\d+)\\.0</v>", "$1</v>")
				.replace("<v>-0</v>", "<v>-0.0</v>")
				.replace("<v>1.0E15</v>", "<v>1000000000000000</v>"));
		assertThat(cells(fast)).isEqualTo(cells(poi));
	}

	@Test
	void writesLongSheetsAsPoiDoesAcrossItsBuffer() throws IOException {
		Function<SXSSFWorkbook, SXSSFWorkbook> rows = (workbook) -> {
			Sheet sheet = workbook.createSheet("Dài");
			StringBuilder longText = new StringBuilder();
			for (int r = 0; r < 3000; r++) {
				Row row = sheet.createRow(r);
				row.createCell(0).setCellValue("Công đoàn cơ sở số " + r + " <&> ");
				row.createCell(1).setCellValue(r * 7);
				if (r % 500 == 0) {
					// longer than the writer's buffer: written past it
					longText.append("Nhiều chữ tiếng Việt có dấu, ".repeat(300));
					row.createCell(2).setCellValue(longText.substring(0, Math.min(longText.length(), 32_000)));
				}
			}
			return workbook;
		};
		byte[] poi = write((template) -> rows.apply(new SXSSFWorkbook(template, 2)));
		byte[] fast = write((template) -> rows.apply(SheetWriter.workbook(template, 2)));
		String fastXml = sheetXml(fast);
		assertThat(fastXml).hasSizeGreaterThan(200_000).contains("<v>20993</v>");
		assertThat(fastXml).isEqualTo(sheetXml(poi).replaceAll("(<v>-?\\d+)\\.0</v>", "$1</v>"));
		// deflated at the fastest level
		assertThat(compressedSize(fast)).isEqualTo(deflatedSize(fastXml, Deflater.BEST_SPEED))
			.isGreaterThan(deflatedSize(fastXml, Deflater.DEFAULT_COMPRESSION));
	}

	private static long compressedSize(byte[] workbook) throws IOException {
		Path file = Files.createTempFile("sheet-writer", ".xlsx");
		try {
			Files.write(file, workbook);
			try (ZipFile zip = new ZipFile(file.toFile())) {
				return zip.getEntry("xl/worksheets/sheet1.xml").getCompressedSize();
			}
		}
		finally {
			Files.delete(file);
		}
	}

	private static long deflatedSize(String xml, int level) {
		Deflater deflater = new Deflater(level, true);
		deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
		deflater.finish();
		byte[] buffer = new byte[64 * 1024];
		long size = 0;
		while (!deflater.finished()) {
			size += deflater.deflate(buffer);
		}
		deflater.end();
		return size;
	}

	@Test
	void plainWriterKeepsEveryCharacterInOrder() throws IOException {
		java.io.StringWriter below = new java.io.StringWriter();
		StringBuilder expected = new StringBuilder();
		boolean[] closed = { false };
		try (SheetWriter.PlainWriter writer = new SheetWriter.PlainWriter(new java.io.FilterWriter(below) {
			@Override
			public void close() {
				closed[0] = true;
			}
		})) {
			for (int i = 0; i < 20_000; i++) {
				String text = "ô" + i;
				switch (i % 5) {
					case 0 -> writer.write('đ');
					case 1 -> writer.write(text);
					case 2 -> writer.write("[" + text + "]", 1, text.length());
					case 3 -> writer.write(text.toCharArray(), 0, text.length());
					default -> {
						// now and then longer than the buffer: written past it
						text = "x".repeat((i % 1000 == 4) ? 20_000 : i % 37);
						writer.write(text);
					}
				}
				expected.append((i % 5 == 0) ? "đ" : text);
				if (i == 10_000) {
					writer.flush();
					assertThat(below.toString()).isEqualTo(expected.toString());
				}
			}
			String large = "ư".repeat(40_000);
			writer.write(large.toCharArray(), 0, large.length());
			expected.append(large);
		}
		assertThat(closed[0]).isTrue();
		assertThat(below.toString()).isEqualTo(expected.toString());
	}

	private static byte[] write(Function<XSSFWorkbook, SXSSFWorkbook> streamed) throws IOException {
		try (XSSFWorkbook template = new XSSFWorkbook()) {
			CellStyle bold = template.createCellStyle();
			bold.setFont(template.createFont());
			CellStyle number = template.createCellStyle();
			number.setDataFormat(template.createDataFormat().getFormat("#,##0"));
			SXSSFWorkbook workbook = streamed.apply(template);
			try {
				Sheet sheet = workbook.createSheet("Báo cáo");
				for (int r = 0; r < 7; r++) {
					Row row = sheet.createRow(r * 3);
					int c = 0;
					row.createCell(c++).setCellValue("Công đoàn <Cơ sở> & \"Hà Nội\" " + r);
					row.createCell(c++).setCellValue(" khoảng trắng ");
					row.createCell(c++).setCellValue("ký tự điều khiển \u0001\u0007 tab\t");
					row.createCell(c++).setCellValue("");
					Cell blank = row.createCell(c++);
					blank.setCellStyle(number);
					row.createCell(c++);
					for (double value : new double[] { 5830, -12, 0, -0.0, 0.5, 1e15, 1e20, Double.MAX_VALUE, 1.25e-7,
							Double.NaN }) {
						Cell cell = row.createCell(c++);
						cell.setCellValue(value);
						cell.setCellStyle((r % 2 == 0) ? number : bold);
					}
					row.createCell(c++).setCellValue(true);
					row.createCell(c++).setCellFormula("1+" + r);
					row.createCell(16000).setCellValue(16000);
					row.createCell(16001).setCellValue("cột xa");
					row.createCell(255).setCellValue(255);
				}
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				workbook.write(out);
				return out.toByteArray();
			}
			finally {
				workbook.close();
			}
		}
	}

	private static String sheetXml(byte[] workbook) throws IOException {
		Path file = Files.createTempFile("sheet-writer", ".xlsx");
		try {
			Files.write(file, workbook);
			try (ZipFile zip = new ZipFile(file.toFile())) {
				return new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
						StandardCharsets.UTF_8);
			}
		}
		finally {
			Files.delete(file);
		}
	}

	private static List<String> cells(byte[] workbook) throws IOException {
		List<String> cells = new ArrayList<>();
		try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
			for (Row row : read.getSheetAt(0)) {
				for (Cell cell : row) {
					String value = switch (cell.getCellType()) {
						case NUMERIC -> Double.toString(cell.getNumericCellValue());
						case STRING -> cell.getStringCellValue();
						case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
						case FORMULA -> cell.getCellFormula();
						default -> "";
					};
					cells.add(cell.getAddress() + " " + cell.getCellType() + " " + cell.getCellStyle().getIndex() + " "
							+ cell.getCellStyle().getDataFormatString() + " " + value);
				}
			}
		}
		assertThat(cells).anyMatch((cell) -> cell.contains(CellType.BLANK.name()));
		return cells;
	}

}
