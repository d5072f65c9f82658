package vn.tonghop.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.tonghop.cli.Workbooks;
import vn.tonghop.read.CellRef;
import vn.tonghop.read.WorkbookReader;

/**
 * The broken, odd and hostile files unions' email brings, made afresh in a folder with
 * the status each must get ({@code files.csv}) and a word its reason must hold. Made by
 * code rather than kept as files: several are large (a sheet of a million rows, a 10 MB
 * cell, a zip bomb) and some cannot live in git (links, permissions). The valid forms
 * they start from are the samples of {@code src/test/resources/samples}, saved by
 * LibreOffice.
 */
public final class HostileCorpus {

	public static final Path SAMPLES = Path.of("src/test/resources/samples");

	/** A file of the corpus and what must become of it. */
	public record Case(String file, String status, String reason) {
	}

	private final Path folder;

	private final List<Case> cases = new ArrayList<>();

	private HostileCorpus(Path folder) {
		this.folder = folder;
	}

	/** Writes the corpus into {@code folder}; returns each file with its expectation. */
	public static List<Case> write(Path folder) throws Exception {
		HostileCorpus corpus = new HostileCorpus(folder);
		corpus.all();
		return List.copyOf(corpus.cases);
	}

	private void all() throws Exception {
		Path form = SAMPLES.resolve("form-edited.xlsx");
		Path xls = SAMPLES.resolve("form-libreoffice.xls");
		byte[] good = Files.readAllBytes(form);

		write("rỗng.xlsx", new byte[0], "unreadable", "rỗng");
		write("cắt dở.xlsx", java.util.Arrays.copyOf(good, good.length / 2), "unreadable", "không trọn vẹn");
		byte[] scrambled = good.clone();
		for (int i = 400; i < good.length - 400; i++) {
			scrambled[i] = (byte) (scrambled[i] ^ 0x5A);
		}
		write("zip hỏng.xlsx", scrambled, "unreadable", "hỏng");
		write("xuất từ cổng thông tin.xls",
				("<html><head><meta charset=\"utf-8\"></head><body><table>"
						+ "<tr><td>Mã CĐCS</td><td>A01</td></tr><tr><td>CD01</td><td>5</td></tr></table></body></html>")
					.getBytes(StandardCharsets.UTF_8),
				"unreadable", "HTML");
		write("công văn.xlsx",
				"%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.ISO_8859_1),
				"unreadable", "PDF");
		write("bảng tính 2003.xls",
				("<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n"
						+ "<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"></Workbook>")
					.getBytes(StandardCharsets.UTF_8),
				"unreadable", "XML");
		write("ảnh chụp.jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16 }, "skipped",
				"Không phải tệp bảng tính");
		write("~$báo cáo.xlsx", "khóa của Excel".getBytes(StandardCharsets.UTF_8), "skipped", "khóa");
		write(".~lock.báo cáo.xlsx#", "1,máy,2026".getBytes(StandardCharsets.UTF_8), "skipped", "khóa");
		write("danh sách xuất ra.xls", csvList().getBytes(StandardCharsets.UTF_8), "accepted", "");
		write("ghi chú.txt", "Kính gửi LĐLĐ tỉnh,\nxin gửi báo cáo kèm theo.\n".getBytes(StandardCharsets.UTF_8),
				"unreadable", "");
		write("đổi đuôi.xlsx", Files.readAllBytes(xls), "accepted", "");

		Files.copy(form, this.folder.resolve("Báo cáo CĐCS Hòa Bình 2026 (bản cuối).xlsx"));
		expect("Báo cáo CĐCS Hòa Bình 2026 (bản cuối).xlsx", "accepted", "");

		encryptedXlsx(form, "có mật khẩu.xlsx");
		encryptedXls(xls, "có mật khẩu.xls");
		formulaErrors(form, "lỗi công thức.xlsx");
		formulaErrors(xls, "lỗi công thức.xls");
		manySheets(form, "ba trăm trang.xlsx", 300);
		externalLink(form, "liên kết ngoài.xlsx");

		millionRows("một triệu dòng.xlsx");
		bigCell("ô 10 MB.xlsx");
		zipBomb("bom nén.xlsx");
		xxe("thực thể ngoài.xlsx");
		entityExpansion("tỉ tỉ thực thể.xlsx");
		sharedStrings("bảng chuỗi khổng lồ.xlsx");

		links();
	}

	// ---- files -------------------------------------------------------------------

	private void write(String name, byte[] bytes, String status, String reason) throws IOException {
		Files.write(this.folder.resolve(name), bytes);
		expect(name, status, reason);
	}

	private void expect(String name, String status, String reason) {
		this.cases.add(new Case(name, status, reason));
	}

	/**
	 * Last year's list of sample.csv, made a 2026 list in UTF-8: a web export named .xls.
	 */
	private static String csvList() throws IOException {
		String list = Files.readString(SAMPLES.resolve("table-2024-windows1258.csv"), Charset.forName("windows-1258"));
		return list.replace(";2024;", ";2026;");
	}

	/** The form encrypted with a password, as Excel's "Encrypt with password" does. */
	private void encryptedXlsx(Path form, String name) throws Exception {
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
			Encryptor encryptor = info.getEncryptor();
			encryptor.confirmPassword("mật khẩu");
			try (OutputStream out = encryptor.getDataStream(fs); InputStream in = Files.newInputStream(form)) {
				in.transferTo(out);
			}
			try (OutputStream out = Files.newOutputStream(this.folder.resolve(name))) {
				fs.writeFilesystem(out);
			}
		}
		expect(name, "unreadable", "mật khẩu");
	}

	/** An .xls saved with a password to open (RC4). */
	private void encryptedXls(Path xls, String name) throws Exception {
		try (InputStream in = Files.newInputStream(xls); HSSFWorkbook workbook = new HSSFWorkbook(in)) {
			Biff8EncryptionKey.setCurrentUserPassword("matkhau");
			try (OutputStream out = Files.newOutputStream(this.folder.resolve(name))) {
				workbook.write(out);
			}
			finally {
				Biff8EncryptionKey.setCurrentUserPassword(null);
			}
		}
		expect(name, "unreadable", "mật khẩu");
	}

	/** #REF!, #DIV/0! and #N/A in three value cells: R05 each, naming the error. */
	private void formulaErrors(Path form, String name) throws Exception {
		Map<String, FormulaError> errors = Map.of("A03", FormulaError.REF, "B01", FormulaError.DIV0, "C01",
				FormulaError.NA);
		String sheetName = new WorkbookReader().readReturnSheet(form).name();
		Map<CellRef, FormulaError> cells = new java.util.HashMap<>();
		for (Map.Entry<String, FormulaError> error : errors.entrySet()) {
			cells.put(Workbooks.value(form, error.getKey(), false), error.getValue());
		}
		try (InputStream in = Files.newInputStream(form); Workbook workbook = WorkbookFactory.create(in)) {
			Sheet sheet = workbook.getSheet(sheetName);
			cells.forEach((ref, error) -> {
				Cell cell = cell(sheet, ref);
				if (error == FormulaError.DIV0) {
					// a formula whose saved result is the error, as Excel saves 1/0
					cell.setCellFormula("1/0");
					workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
				}
				else {
					cell.setCellErrorValue(error.getCode());
				}
			});
			save(workbook, name);
		}
		expect(name, "rejected", "R05×3");
	}

	private static Cell cell(Sheet sheet, CellRef ref) {
		Row row = (sheet.getRow(ref.row()) != null) ? sheet.getRow(ref.row()) : sheet.createRow(ref.row());
		return (row.getCell(ref.column()) != null) ? row.getCell(ref.column()) : row.createCell(ref.column());
	}

	private void save(Workbook workbook, String name) throws IOException {
		try (OutputStream out = Files.newOutputStream(this.folder.resolve(name))) {
			workbook.write(out);
		}
	}

	/** The form followed by hundreds of other sheets. */
	private void manySheets(Path form, String name, int sheets) throws Exception {
		try (InputStream in = Files.newInputStream(form); Workbook workbook = WorkbookFactory.create(in)) {
			for (int i = 1; i <= sheets; i++) {
				workbook.createSheet("Trang " + i).createRow(0).createCell(0).setCellValue("ghi chú " + i);
			}
			save(workbook, name);
		}
		expect(name, "accepted", "");
	}

	/**
	 * A value taken from another workbook on the union's computer: the cached value is
	 * read, the other workbook never looked for.
	 */
	private void externalLink(Path form, String name) throws Exception {
		CellRef a01 = Workbooks.value(form, "A01", false);
		String sheetName = new WorkbookReader().readReturnSheet(form).name();
		try (InputStream in = Files.newInputStream(form);
				XSSFWorkbook workbook = new XSSFWorkbook(in);
				XSSFWorkbook other = new XSSFWorkbook()) {
			other.createSheet("Sheet1");
			workbook.linkExternalWorkbook("so-lieu-goc.xlsx", other);
			Cell cell = cell(workbook.getSheet(sheetName), a01);
			double value = new WorkbookReader().readReturnSheet(form).get(a01.row(), a01.column()).number();
			cell.setCellFormula("[so-lieu-goc.xlsx]Sheet1!A1");
			cell.setCellValue(value);
			save(workbook, name);
		}
		expect(name, "accepted", "");
	}

	// ---- workbooks written by hand, part by part --------------------------------

	/** Writes a one-sheet xlsx whose sheet XML (and shared strings, if any) are given. */
	private void rawXlsx(String name, SheetXml sheet, SheetXml sharedStrings) throws IOException {
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(this.folder.resolve(name)))) {
			entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
					+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
					+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
					+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
					+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
					+ "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
					+ ((sharedStrings != null)
							? "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
							: "")
					+ "</Types>");
			entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
					+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
					+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
					+ "</Relationships>");
			entry(zip, "xl/workbook.xml",
					"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
							+ "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
							+ " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
							+ "<sheets><sheet name=\"Báo cáo\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
			entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
					+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
					+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
					+ ((sharedStrings != null)
							? "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
							: "")
					+ "</Relationships>");
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			Writer out = new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8);
			sheet.write(out);
			out.flush();
			zip.closeEntry();
			if (sharedStrings != null) {
				zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
				sharedStrings.write(out);
				out.flush();
				zip.closeEntry();
			}
		}
	}

	@FunctionalInterface
	private interface SheetXml {

		void write(Writer out) throws IOException;

	}

	private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	private static final String SHEET_START = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
			+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";

	private static final String SHEET_END = "</sheetData></worksheet>";

	private void millionRows(String name) throws IOException {
		rawXlsx(name, (out) -> {
			out.write(SHEET_START);
			for (int r = 1; r <= 1_000_000; r++) {
				out.write("<row r=\"" + r + "\"><c r=\"A" + r + "\"><v>" + r + "</v></c></row>");
			}
			out.write(SHEET_END);
		}, null);
		expect(name, "unreadable", "200.000 ô");
	}

	private void bigCell(String name) throws IOException {
		Random random = new Random(10);
		rawXlsx(name, (out) -> {
			out.write(SHEET_START + "<row r=\"1\"><c r=\"B1\" t=\"inlineStr\"><is><t>");
			char[] chunk = new char[10_000];
			for (int i = 0; i < 1000; i++) {
				for (int j = 0; j < chunk.length; j++) {
					chunk[j] = (char) ('a' + random.nextInt(26));
				}
				out.write(chunk);
			}
			out.write("</t></is></c></row>" + SHEET_END);
		}, null);
		expect(name, "unreadable", "B1");
	}

	private void zipBomb(String name) throws IOException {
		rawXlsx(name, (out) -> {
			out.write(SHEET_START);
			char[] spaces = new char[1 << 20];
			java.util.Arrays.fill(spaces, ' ');
			for (int i = 0; i < 150; i++) {
				out.write(spaces);
			}
			out.write(SHEET_END);
		}, null);
		expect(name, "unreadable", "zip bomb");
	}

	/**
	 * The marker of the file an external entity points at: never to be read into a cell.
	 */
	public static final String SECRET = "bí-mật-của-máy-chủ";

	private void xxe(String name) throws IOException {
		Path secret = Files.writeString(Files.createTempDirectory("tonghop-secret").resolve("secret.txt"), SECRET);
		secret.toFile().deleteOnExit();
		secret.getParent().toFile().deleteOnExit();
		rawXlsx(name,
				(out) -> out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE worksheet ["
						+ "<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
						+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
						+ "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>" + SHEET_END),
				null);
		expect(name, "unreadable", "DOCTYPE");
	}

	private void entityExpansion(String name) throws IOException {
		StringBuilder doctype = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY lol0 \"lol\">");
		for (int i = 1; i <= 9; i++) {
			doctype.append("<!ENTITY lol").append(i).append(" \"");
			doctype.append(("&lol" + (i - 1) + ";").repeat(10));
			doctype.append("\">");
		}
		doctype.append("]>");
		rawXlsx(name,
				(out) -> out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype
						+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
						+ "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row>" + SHEET_END),
				null);
		expect(name, "unreadable", "DOCTYPE");
	}

	private void sharedStrings(String name) throws IOException {
		int count = 1_200_000;
		rawXlsx(name,
				(out) -> out.write(SHEET_START + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>" + SHEET_END),
				(out) -> {
					out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
							+ "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\""
							+ count + "\" uniqueCount=\"" + count + "\">");
					for (int i = 0; i < count; i++) {
						out.write("<si><t>chuỗi " + i + "</t></si>");
					}
					out.write("</sst>");
				});
		expect(name, "unreadable", "chuỗi dùng chung");
	}

	// ---- links and permissions ----------------------------------------------------

	private void links() throws IOException {
		Files.createSymbolicLink(this.folder.resolve("vòng a.xlsx"), this.folder.resolve("vòng b.xlsx"));
		Files.createSymbolicLink(this.folder.resolve("vòng b.xlsx"), this.folder.resolve("vòng a.xlsx"));
		expect("vòng a.xlsx", "skipped", "vòng");
		expect("vòng b.xlsx", "skipped", "vòng");
		Files.createSymbolicLink(this.folder.resolve("đã xóa.xlsx"), this.folder.resolve("không còn.xlsx"));
		expect("đã xóa.xlsx", "skipped", "không còn tồn tại");
		Files.createDirectories(this.folder.resolve("thư mục"));
		Files.createSymbolicLink(this.folder.resolve("thư mục/lên trên"), this.folder);
		expect("thư mục/lên trên", "skipped", "thư mục");
		Path locked = Files.writeString(this.folder.resolve("không cho đọc.xlsx"), "x");
		Files.setPosixFilePermissions(locked, java.util.Set.of());
		if (!Files.isReadable(locked)) {
			expect("không cho đọc.xlsx", "unreadable", "quyền");
		}
		else {
			// run as root, who reads everything: an ordinary file that is no workbook
			expect("không cho đọc.xlsx", "unreadable", "");
		}
	}

}
