package vn.tonghop.report.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.hssf.util.HSSFColor;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Color;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedbackWorkbookTests {

	static final String ERROR_FILL = "FF9999";

	static final String WARNING_FILL = "FFFF66";

	static final String XLS_ERROR_FILL = "FF8080";

	static final String XLS_WARNING_FILL = "FFFF00";

	static final List<FeedbackItem> ITEMS = List.of(
			new FeedbackItem("BaoCao", "F14", "R08", "error",
					"Chỉ tiêu A01 – Tổng số người lao động: số nữ (60) lớn hơn tổng số (48)."),
			new FeedbackItem("BaoCao", "E15", "R09", "error", "A02 (61) lớn hơn A01 (48)."),
			new FeedbackItem("BaoCao", "F14", "W05", "warning", "A02 thay đổi hơn 50% so với năm trước."),
			new FeedbackItem("", "", "W06", "warning", "Báo cáo này thay thế báo cáo trước đó."),
			new FeedbackItem("BaoCao", "H60", "W07", "warning", "Mã chỉ tiêu \"G01\" không có trong danh mục."));

	final FeedbackWorkbook feedback = new FeedbackWorkbook();

	@TempDir
	Path dir;

	Path target;

	@BeforeEach
	void target() {
		this.target = this.dir.resolve("phan-hoi");
	}

	@Test
	void marksAnXlsxCopyAndLeavesTheOriginalAlone() throws Exception {
		Path source = this.dir.resolve("cd-x.xlsx");
		writeForm(new XSSFWorkbook(), source);
		Original original = Original.of(source);
		Path copy = this.target.resolve("ldld__cd-x.xlsx");

		this.feedback.write(source, "CD000001", "Công đoàn Công ty X", ITEMS, copy);

		original.assertUnchanged();
		try (Workbook workbook = open(copy)) {
			assertThat(workbook).isInstanceOf(XSSFWorkbook.class);
			assertFeedback(workbook, "cd-x.xlsx", 2, ERROR_FILL, WARNING_FILL);
			assertMergedCellCommentedAtItsTopLeft(workbook);
		}
	}

	/**
	 * Regression: a return whose {@code docProps/core.xml} was cut or garbage was read
	 * (its cells are fine), then writing its copy failed with POI's "'part' must be a
	 * PackagePropertiesPart instance" and the whole consolidation ended FAILED.
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "cut", "garbage" })
	void writesTheCopyOfAReturnWhoseCorePropertiesAreDamaged(String damage) throws Exception {
		Path good = this.dir.resolve("good.xlsx");
		writeForm(new XSSFWorkbook(), good);
		java.util.Map<String, byte[]> parts = vn.tonghop.hostile.Mutations.parts(Files.readAllBytes(good));
		byte[] core = parts.get("docProps/core.xml");
		assertThat(core).isNotNull();
		parts.put("docProps/core.xml", damage.equals("cut") ? java.util.Arrays.copyOf(core, core.length / 2)
				: "không phải XML".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		Path source = this.dir.resolve("cd-x.xlsx");
		Files.write(source, vn.tonghop.hostile.Mutations.zip(parts));
		Original original = Original.of(source);
		Path copy = this.target.resolve("cd-x.xlsx");

		this.feedback.write(source, "CD000001", "Công đoàn Công ty X", ITEMS, copy);

		original.assertUnchanged();
		try (Workbook workbook = open(copy)) {
			assertFeedback(workbook, "cd-x.xlsx", 2, ERROR_FILL, WARNING_FILL);
		}
	}

	@Test
	void keepsTheMacrosOfAnXlsm() throws Exception {
		Path source = this.dir.resolve("cd-macro.xlsm");
		writeForm(new XSSFWorkbook(XSSFWorkbookType.XLSM), source);
		addVbaProject(source);
		Original original = Original.of(source);
		Path copy = this.target.resolve("cd-macro.xlsm");

		this.feedback.write(source, "CD000001", "Công đoàn Công ty X", ITEMS, copy);

		original.assertUnchanged();
		try (OPCPackage pkg = OPCPackage.open(copy.toFile(), PackageAccess.READ)) {
			assertThat(pkg.getPartsByName(java.util.regex.Pattern.compile("/xl/vbaProject\\.bin"))).hasSize(1);
			PackagePart workbookPart = pkg.getPartsByName(java.util.regex.Pattern.compile("/xl/workbook\\.xml")).get(0);
			assertThat(workbookPart.getContentType()).isEqualTo(XSSFWorkbookType.XLSM.getContentType());
			try (InputStream in = pkg.getPartsByName(java.util.regex.Pattern.compile("/xl/vbaProject\\.bin"))
				.get(0)
				.getInputStream()) {
				assertThat(in.readAllBytes()).isEqualTo(VBA_BYTES);
			}
			pkg.revert();
		}
		try (Workbook workbook = open(copy)) {
			assertFeedback(workbook, "cd-macro.xlsm", 2, ERROR_FILL, WARNING_FILL);
		}
	}

	/**
	 * The run's copies go straight into the empty files it made for them in its
	 * unpublished folder: the same file (not one moved over it), nothing else left beside
	 * it, and the copy as {@link FeedbackWorkbook#write} makes it; an {@code .xls} too.
	 */
	@Test
	void writesIntoTheEmptyFileMadeForTheCopy() throws Exception {
		Path xlsx = this.dir.resolve("cd-x.xlsx");
		writeForm(new XSSFWorkbook(), xlsx);
		Path xls = this.dir.resolve("form-libreoffice.xls");
		Files.copy(sample("form-libreoffice.xls"), xls);
		Files.createDirectories(this.target);
		for (Path source : List.of(xlsx, xls)) {
			Original original = Original.of(source);
			Path copy = Files.createFile(this.target.resolve("ldld__" + source.getFileName()));
			Object file = Files.readAttributes(copy, java.nio.file.attribute.BasicFileAttributes.class).fileKey();

			this.feedback.writeInto(source, "CD000001", "Công đoàn Công ty X", ITEMS, copy);

			original.assertUnchanged();
			assertThat(Files.readAttributes(copy, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
				.isEqualTo(file);
			try (Workbook workbook = open(copy)) {
				if (source == xlsx) {
					assertFeedback(workbook, "cd-x.xlsx", 2, ERROR_FILL, WARNING_FILL);
				}
				else {
					assertFeedback(workbook, "form-libreoffice.xls", 1, XLS_ERROR_FILL, XLS_WARNING_FILL);
				}
			}
		}
		try (java.util.stream.Stream<Path> files = Files.list(this.target)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrder("ldld__cd-x.xlsx",
					"ldld__form-libreoffice.xls");
		}
		assertThatThrownBy(
				() -> this.feedback.writeInto(xlsx, "CD000001", "X", ITEMS, this.target.resolve("none.xlsx")))
			.isInstanceOf(IllegalArgumentException.class);
		// what the file held beyond the copy's end (a first attempt that was given up)
		// is cut off
		Path longer = this.target.resolve("longer.xlsx");
		Files.write(longer, new byte[1 << 20]);
		this.feedback.writeInto(xlsx, "CD000001", "Công đoàn Công ty X", ITEMS, longer);
		Path moved = this.target.resolve("moved.xlsx");
		this.feedback.write(xlsx, "CD000001", "Công đoàn Công ty X", ITEMS, moved);
		assertThat(Files.size(longer)).isEqualTo(Files.size(moved));
		try (Workbook workbook = open(longer)) {
			assertFeedback(workbook, "cd-x.xlsx", 2, ERROR_FILL, WARNING_FILL);
		}
	}

	@Test
	void marksALegacyXlsCopy() throws Exception {
		Path source = this.dir.resolve("form-libreoffice.xls");
		Files.copy(sample("form-libreoffice.xls"), source);
		Original original = Original.of(source);
		Path copy = this.target.resolve("form-libreoffice.xls");

		this.feedback.write(source, "CD11010001", "Công đoàn Ủy ban nhân dân xã Hương Bình số 1", ITEMS, copy);

		original.assertUnchanged();
		try (Workbook workbook = open(copy)) {
			assertThat(workbook).isInstanceOf(HSSFWorkbook.class);
			assertFeedback(workbook, "form-libreoffice.xls", 1, XLS_ERROR_FILL, XLS_WARNING_FILL);
		}
	}

	@Test
	void saysTheReturnIsAcceptedWhenThereAreOnlyWarnings() throws Exception {
		Path source = this.dir.resolve("cd-x.xlsx");
		writeForm(new XSSFWorkbook(), source);
		Path copy = this.target.resolve("cd-x.xlsx");

		this.feedback.write(source, "CD000001", "Công đoàn Công ty X",
				ITEMS.stream().filter((item) -> !item.isError()).toList(), copy);

		try (Workbook workbook = open(copy)) {
			assertThat(text(workbook.getSheetAt(0), 2, 0)).isEqualTo(FeedbackSheet.ACCEPTED);
		}
	}

	@Test
	void replacesItsOwnEarlierFeedbackWhenTheUnionSendsTheCopyBack() throws Exception {
		Path source = this.dir.resolve("cd-x.xlsx");
		writeForm(new XSSFWorkbook(), source);
		Path first = this.target.resolve("first.xlsx");
		this.feedback.write(source, "CD000001", "Công đoàn Công ty X", ITEMS, first);
		Path second = this.target.resolve("second.xlsx");

		this.feedback.write(first, "CD000001", "Công đoàn Công ty X", ITEMS.subList(0, 1), second);

		try (Workbook workbook = open(second)) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
			assertThat(workbook.getSheetName(0)).isEqualTo("Phản hồi");
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(FeedbackSheet.HEADING_ROW + 1);
			String comment = workbook.getSheet("BaoCao").getCellComment(new CellAddress("F14")).getString().getString();
			assertThat(comment).contains("R08").doesNotContain("W05");
		}
	}

	@Nested
	class WhenTheSourceCannotBeRead {

		@Test
		void rejectsAFileThatIsNotAWorkbook() throws IOException {
			Path source = FeedbackWorkbookTests.this.dir.resolve("not-a-workbook.xlsx");
			Files.writeString(source, "Kính gửi công đoàn cấp trên");

			assertThatThrownBy(() -> write(source)).isInstanceOf(FeedbackException.class)
				.satisfies((ex) -> assertThat(((FeedbackException) ex).reason()).contains("không phải là bảng tính"));
			assertThat(FeedbackWorkbookTests.this.target).doesNotExist();
		}

		@Test
		void rejectsADamagedWorkbook() throws IOException {
			Path source = FeedbackWorkbookTests.this.dir.resolve("damaged.xlsx");
			Files.write(source, new byte[] { 'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8 });

			assertThatThrownBy(() -> write(source)).isInstanceOf(FeedbackException.class)
				.satisfies((ex) -> assertThat(((FeedbackException) ex).source()).isEqualTo(source));
		}

		/**
		 * Regression: the reason was the library's ("Tệp bị hỏng hoặc không đọc được:
		 * org.apache.xmlbeans.XmlException: error: …"); it names the damaged part, and
		 * the union's file is left as it was.
		 */
		@Test
		void namesTheDamagedPartOfAWorkbookInVietnamese() throws Exception {
			Path good = FeedbackWorkbookTests.this.dir.resolve("good.xlsx");
			writeForm(new XSSFWorkbook(), good);
			java.util.Map<String, byte[]> parts = vn.tonghop.hostile.Mutations.parts(Files.readAllBytes(good));
			byte[] styles = parts.get("xl/styles.xml");
			parts.put("xl/styles.xml", java.util.Arrays.copyOf(styles, styles.length / 2));
			Path source = FeedbackWorkbookTests.this.dir.resolve("hỏng.xlsx");
			Files.write(source, vn.tonghop.hostile.Mutations.zip(parts));
			Original original = Original.of(source);

			assertThatThrownBy(() -> write(source)).isInstanceOf(FeedbackException.class)
				.hasMessageContaining("phần xl/styles.xml (dòng")
				.hasMessageNotContaining("Exception");
			original.assertUnchanged();
		}

		@Test
		void rejectsAnEncryptedWorkbook() throws Exception {
			Path plain = FeedbackWorkbookTests.this.dir.resolve("plain.xlsx");
			writeForm(new XSSFWorkbook(), plain);
			Path source = FeedbackWorkbookTests.this.dir.resolve("encrypted.xlsx");
			encrypt(plain, source);

			assertThatThrownBy(() -> write(source)).isInstanceOf(FeedbackException.class)
				.satisfies((ex) -> assertThat(((FeedbackException) ex).reason()).contains("mật khẩu"));
		}

		@Test
		void rejectsAMissingFile() {
			Path source = FeedbackWorkbookTests.this.dir.resolve("missing.xlsx");

			assertThatThrownBy(() -> write(source)).isInstanceOf(FeedbackException.class);
		}

		@Test
		void refusesToWriteOverTheUnionsFile() throws IOException {
			Path source = FeedbackWorkbookTests.this.dir.resolve("cd-x.xlsx");
			writeForm(new XSSFWorkbook(), source);
			Original original = Original.of(source);

			assertThatThrownBy(() -> FeedbackWorkbookTests.this.feedback.write(source, "CD1", "X", ITEMS, source))
				.isInstanceOf(IllegalArgumentException.class);
			original.assertUnchanged();
		}

		private void write(Path source) throws IOException, FeedbackException {
			FeedbackWorkbookTests.this.feedback.write(source, "CD1", "X", ITEMS,
					FeedbackWorkbookTests.this.target.resolve("x.xlsx"));
		}

	}

	// --- what every copy must show

	static void assertFeedback(Workbook workbook, String fileName, int formIndex, String errorFill,
			String warningFill) {
		Sheet list = workbook.getSheetAt(0);
		assertThat(list.getSheetName()).isEqualTo("Phản hồi");
		assertThat(workbook.getActiveSheetIndex()).isZero();
		assertThat(text(list, 0, 0)).contains("Công đoàn").contains("CD");
		assertThat(text(list, 1, 0)).contains(fileName);
		assertThat(text(list, 2, 0)).isEqualTo(FeedbackSheet.REJECTED);
		assertThat(rowTexts(list, FeedbackSheet.HEADING_ROW)).containsExactly(FeedbackSheet.HEADINGS);
		assertThat(list.getPrintSetup().getLandscape()).isTrue();
		assertThat(list.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
		assertThat(list.getColumnWidth(5)).isEqualTo(50 * 256);

		// errors first, then warnings; a finding without a cell first within its severity
		int first = FeedbackSheet.HEADING_ROW + 1;
		assertThat(list.getLastRowNum()).isEqualTo(first + ITEMS.size() - 1);
		assertRow(list, first, "R08", "Lỗi", "BaoCao", "F14", "Sửa số nữ để không lớn hơn tổng số, hoặc sửa tổng số.");
		assertRow(list, first + 1, "R09", "Lỗi", "BaoCao", "E15", null);
		assertRow(list, first + 2, "W06", "Cảnh báo", "", "", null);
		assertRow(list, first + 3, "W05", "Cảnh báo", "BaoCao", "F14", null);
		assertRow(list, first + 4, "W07", "Cảnh báo", "BaoCao", "H60", null);
		assertThat(text(list, first + 1, 5)).isEqualTo(ITEMS.get(1).message());
		assertThat(text(list, first + 1, 6)).isEqualTo(Instructions.vietnamese().forRule("R09"));
		assertThat(list.getRow(first + 2).getCell(4).getHyperlink()).isNull();

		Sheet form = workbook.getSheet("BaoCao");
		assertThat(workbook.getSheetIndex(form)).as("the form moved one place right").isEqualTo(formIndex);
		Cell twoFindings = cell(form, "F14");
		assertThat(twoFindings.getCellComment().getString().getString()).contains("R08", ITEMS.get(0).message(), "W05",
				ITEMS.get(2).message());
		assertThat(fill(twoFindings)).isEqualTo(errorFill);
		assertThat(cell(form, "E15").getCellComment().getString().getString()).contains("R09", ITEMS.get(1).message());
		assertThat(fill(cell(form, "E15"))).isEqualTo(errorFill);
		Cell beyond = cell(form, "H60");
		assertThat(beyond).as("cell beyond the used range is created").isNotNull();
		assertThat(beyond.getCellComment().getString().getString()).contains("W07");
		assertThat(fill(beyond)).isEqualTo(warningFill);

		// the flagged cells keep the rest of their formatting; a cell sharing their style
		// is untouched
		Cell untouched = cell(form, "E14");
		CellStyle shared = untouched.getCellStyle();
		assertThat(shared.getFillPattern()).isEqualTo(FillPatternType.NO_FILL);
		assertThat(untouched.getCellComment()).isNull();
		CellStyle flagged = twoFindings.getCellStyle();
		assertThat(flagged.getIndex()).isNotEqualTo(shared.getIndex());
		assertThat(flagged.getFontIndex()).isEqualTo(shared.getFontIndex());
		assertThat(flagged.getBorderTop()).isEqualTo(shared.getBorderTop());
		assertThat(flagged.getDataFormatString()).isEqualTo(shared.getDataFormatString());
		assertThat(flagged.getAlignment()).isEqualTo(shared.getAlignment());
	}

	static void assertRow(Sheet list, int row, String rule, String severity, String sheet, String cell,
			String instruction) {
		assertThat(text(list, row, 1)).isEqualTo(rule);
		assertThat(text(list, row, 2)).isEqualTo(severity);
		assertThat(text(list, row, 3)).isEqualTo(sheet);
		assertThat(text(list, row, 4)).isEqualTo(cell);
		assertThat(text(list, row, 6)).isNotBlank();
		if (instruction != null) {
			assertThat(text(list, row, 6)).isEqualTo(instruction);
		}
		if (!cell.isEmpty()) {
			Hyperlink link = list.getRow(row).getCell(4).getHyperlink();
			assertThat(link).isNotNull();
			assertThat(link.getAddress()).isEqualTo("'" + sheet + "'!" + cell);
		}
	}

	void assertMergedCellCommentedAtItsTopLeft(Workbook workbook) {
		// D20 is inside the merged C20:F20: the union sees C20
		assertThat(cell(workbook.getSheet("BaoCao"), "C20").getCellComment()).isNull();
		Path source = this.dir.resolve("merged.xlsx");
		Path copy = this.target.resolve("merged.xlsx");
		try {
			writeForm(new XSSFWorkbook(), source);
			this.feedback.write(source, "CD1", "X", List.of(new FeedbackItem("BaoCao", "D20", "R05", "error", "chữ")),
					copy);
			try (Workbook merged = open(copy)) {
				assertThat(cell(merged.getSheet("BaoCao"), "C20").getCellComment().getString().getString())
					.contains("R05");
			}
		}
		catch (IOException | FeedbackException ex) {
			throw new AssertionError(ex);
		}
	}

	// --- helpers

	static final byte[] VBA_BYTES = "not a real VBA project".getBytes(java.nio.charset.StandardCharsets.UTF_8);

	/**
	 * A small return form: E14, F14, E15 share one style (bold, bordered, "#,##0"),
	 * C20:F20 merged, a hidden sheet before the form.
	 */
	static void writeForm(Workbook workbook, Path file) throws IOException {
		try (workbook) {
			workbook.createSheet("Hướng dẫn").createRow(0).createCell(0).setCellValue("Hướng dẫn điền biểu");
			workbook.setSheetHidden(0, true);
			Sheet sheet = workbook.createSheet("BaoCao");
			workbook.setActiveSheet(1);
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle number = workbook.createCellStyle();
			number.setFont(bold);
			number.setBorderTop(BorderStyle.THIN);
			number.setBorderBottom(BorderStyle.THIN);
			number.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
			sheet.createRow(3).createCell(0).setCellValue("Mã công đoàn cơ sở:");
			sheet.getRow(3).createCell(2).setCellValue("CD000001");
			Row a01 = sheet.createRow(13);
			a01.createCell(1).setCellValue("A01");
			a01.createCell(4).setCellValue(48);
			a01.createCell(5).setCellValue(60);
			Row a02 = sheet.createRow(14);
			a02.createCell(1).setCellValue("A02");
			a02.createCell(4).setCellValue(61);
			for (String address : List.of("E14", "F14", "E15")) {
				cell(sheet, address).setCellStyle(number);
			}
			sheet.createRow(19).createCell(2).setCellValue("ghi chú gộp ô");
			sheet.addMergedRegion(new CellRangeAddress(19, 19, 2, 5));
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
		}
	}

	static void addVbaProject(Path file) throws Exception {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ_WRITE)) {
			PackagePartName name = PackagingURIHelper.createPartName("/xl/vbaProject.bin");
			PackagePart part = pkg.createPart(name, "application/vnd.ms-office.vbaProject");
			try (OutputStream out = part.getOutputStream()) {
				out.write(VBA_BYTES);
			}
			PackagePart workbookPart = pkg.getPartsByName(java.util.regex.Pattern.compile("/xl/workbook\\.xml")).get(0);
			workbookPart.addRelationship(name, TargetMode.INTERNAL,
					"http://schemas.microsoft.com/office/2006/relationships/vbaProject");
		}
	}

	static void encrypt(Path plain, Path encrypted) throws Exception {
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
			Encryptor encryptor = info.getEncryptor();
			encryptor.confirmPassword("matkhau");
			try (OPCPackage pkg = OPCPackage.open(plain.toFile(), PackageAccess.READ_WRITE);
					OutputStream out = encryptor.getDataStream(fs)) {
				pkg.save(out);
			}
			try (OutputStream out = Files.newOutputStream(encrypted)) {
				fs.writeFilesystem(out);
			}
		}
	}

	static Workbook open(Path file) throws IOException {
		return WorkbookFactory.create(file.toFile(), null, true);
	}

	static Cell cell(Sheet sheet, String a1) {
		CellAddress address = new CellAddress(a1);
		Row row = sheet.getRow(address.getRow());
		if (row == null) {
			row = sheet.createRow(address.getRow());
		}
		Cell cell = row.getCell(address.getColumn());
		return (cell != null) ? cell : row.createCell(address.getColumn());
	}

	static String text(Sheet sheet, int row, int column) {
		Row r = sheet.getRow(row);
		Cell cell = (r != null) ? r.getCell(column) : null;
		return (cell != null) ? cell.getStringCellValue() : "";
	}

	static List<String> rowTexts(Sheet sheet, int row) {
		return java.util.stream.IntStream.rangeClosed(0, sheet.getRow(row).getLastCellNum() - 1)
			.mapToObj((column) -> text(sheet, row, column))
			.toList();
	}

	/** The solid fill of a cell as RRGGBB, or null. */
	static String fill(Cell cell) {
		CellStyle style = cell.getCellStyle();
		if (style.getFillPattern() != FillPatternType.SOLID_FOREGROUND) {
			return null;
		}
		Color color = style.getFillForegroundColorColor();
		if (color instanceof XSSFColor xssf) {
			return HexFormat.of().withUpperCase().formatHex(xssf.getRGB());
		}
		short[] rgb = ((HSSFColor) color).getTriplet();
		return String.format("%02X%02X%02X", rgb[0], rgb[1], rgb[2]);
	}

	static Path sample(String name) {
		try {
			return Path.of(FeedbackWorkbookTests.class.getResource("/samples/" + name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The bytes and modified time of a file, to prove it was not touched. */
	record Original(Path file, String sha256, FileTime modified) {

		static Original of(Path file) throws IOException {
			// an old time, so that any write would show
			Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-12-20T08:00:00Z")));
			return new Original(file, sha256(file), Files.getLastModifiedTime(file));
		}

		void assertUnchanged() throws IOException {
			assertThat(sha256(this.file)).isEqualTo(this.sha256);
			assertThat(Files.getLastModifiedTime(this.file)).isEqualTo(this.modified);
		}

		static String sha256(Path file) throws IOException {
			try {
				return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
			}
			catch (java.security.NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
