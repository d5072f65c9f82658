package vn.tonghop.samples;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.read.RawCell;
import vn.tonghop.read.SheetCells;
import vn.tonghop.read.UnreadableFileException;
import vn.tonghop.read.WorkbookReader;
import vn.tonghop.template.FormStyle;
import vn.tonghop.template.ReturnFormWriter;
import vn.tonghop.testing.ValidReturns;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A return rewritten as LibreOffice, openpyxl or WPS saves it reads, through the run's
 * reader, to exactly the values of the return POI wrote; each kind leaves its marks in
 * the parts it rewrites and keeps every other part byte for byte.
 */
class OtherWritersTests {

	private static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.load();

	/**
	 * A union name with what XML escapes, a carriage return (POI writes {@code &#13;})
	 * and an {@code _xHHHH_} code (POI writes it as it is; readers decode it).
	 */
	private static final String ODD_NAME = "Công đoàn Công ty A & B <\"Ánh Dương\"> \r\n_x0041_ cuối";

	private static final Pattern NUMBER_CELL = Pattern.compile("<c r=\"[A-Z]+[0-9]+\"(?: s=\"[0-9]+\")? t=\"n\"><v>");

	private final WorkbookReader reader = new WorkbookReader();

	@TempDir
	Path dir;

	@ParameterizedTest
	@EnumSource(OtherWriters.Kind.class)
	void readsAsTheReturnPoiWrote(OtherWriters.Kind kind) throws IOException, UnreadableFileException {
		List<Path> forms = forms();
		for (Path form : forms) {
			byte[] original = Files.readAllBytes(form);
			byte[] rewritten = OtherWriters.rewrite(kind, original);
			assertThat(OtherWriters.rewrite(kind, original)).as("the same bytes again").isEqualTo(rewritten);
			Path file = this.dir.resolve(kind.name().toLowerCase(Locale.ROOT)).resolve(form.getFileName());
			Files.createDirectories(file.getParent());
			Files.write(file, rewritten);
			assertThat(cells(this.reader.readReturnSheet(file))).as("%s %s", kind, form.getFileName())
				.isEqualTo(cells(this.reader.readReturnSheet(form)))
				.hasSizeGreaterThan(150);
			// every part the kind does not rewrite, byte for byte
			Map<String, byte[]> before = parts(original);
			Map<String, byte[]> after = parts(rewritten);
			Set<String> rewrittenParts = switch (kind) {
				case LIBREOFFICE, OPENPYXL -> Set.of("docProps/app.xml", "xl/worksheets/sheet1.xml");
				case WPS -> Set.of("docProps/app.xml", "xl/worksheets/sheet1.xml", "xl/_rels/workbook.xml.rels",
						"[Content_Types].xml", "xl/sharedStrings.xml");
			};
			assertThat(after.keySet())
				.containsAll(rewrittenParts.stream().filter((name) -> !name.equals("xl/sharedStrings.xml")).toList());
			before.forEach((name, bytes) -> {
				if (!rewrittenParts.contains(name)) {
					assertThat(after.get(name)).as("%s %s", kind, name).isEqualTo(bytes);
				}
			});
			assertThat(after.keySet()).containsExactlyInAnyOrderElementsOf(before.keySet()
				.stream()
				.filter((name) -> kind != OtherWriters.Kind.WPS || !name.equals("xl/sharedStrings.xml"))
				.toList());
		}
	}

	@Test
	void libreOfficeWritesNumbersWithTheirTypeAndRowsWithItsAttributes() throws IOException {
		byte[] rewritten = OtherWriters.rewrite(OtherWriters.Kind.LIBREOFFICE, Files.readAllBytes(forms().get(0)));
		Map<String, String> parts = texts(rewritten);
		String sheet = parts.get("xl/worksheets/sheet1.xml");
		assertThat(NUMBER_CELL.matcher(sheet).results().count()).isGreaterThan(50);
		assertThat(sheet).doesNotContainPattern("<v>[0-9]+\\.0</v>")
			.contains("<sheetPr filterMode=\"false\"><pageSetUpPr fitToPage=\"true\"/></sheetPr>")
			.contains(" customFormat=\"false\" ht=\"16\" hidden=\"false\" customHeight=\"false\" outlineLevel=\"0\""
					+ " collapsed=\"false\">");
		Matcher rows = Pattern.compile("<row [^>]*>").matcher(sheet);
		while (rows.find()) {
			assertThat(rows.group()).contains(" customFormat=", " ht=", " hidden=", " customHeight=", " outlineLevel=",
					" collapsed=");
		}
		// the title row's height kept as it was
		assertThat(sheet).contains(" customFormat=\"false\" ht=\"24.0\" hidden=\"false\" customHeight=\"true\"");
		assertThat(parts.get("docProps/app.xml")).contains("<Application>LibreOffice/24.2.7.2$Linux_X86_64");
		assertThat(new ArrayList<>(parts.keySet())).startsWith("_rels/.rels", "xl/workbook.xml")
			.endsWith("[Content_Types].xml");
	}

	@Test
	void openpyxlWritesItsOrderAndNoDimension() throws IOException {
		byte[] rewritten = OtherWriters.rewrite(OtherWriters.Kind.OPENPYXL, Files.readAllBytes(forms().get(0)));
		Map<String, String> parts = texts(rewritten);
		assertThat(new ArrayList<>(parts.keySet())).containsExactly("docProps/app.xml", "docProps/core.xml",
				"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "_rels/.rels", "xl/workbook.xml",
				"xl/_rels/workbook.xml.rels", "[Content_Types].xml");
		String sheet = parts.get("xl/worksheets/sheet1.xml");
		assertThat(sheet).doesNotContain("<dimension").doesNotContainPattern("<v>[0-9]+\\.0</v>");
		assertThat(NUMBER_CELL.matcher(sheet).results().count()).isGreaterThan(50);
		assertThat(parts.get("docProps/app.xml")).contains("<Application>Microsoft Excel</Application>");
	}

	@Test
	void wpsWritesEveryStringInlineAndNoSharedStrings() throws IOException {
		Path form = oddForm();
		byte[] original = Files.readAllBytes(form);
		Map<String, String> before = texts(original);
		Map<String, String> parts = texts(OtherWriters.rewrite(OtherWriters.Kind.WPS, original));
		assertThat(parts).doesNotContainKey("xl/sharedStrings.xml");
		assertThat(parts.get("xl/_rels/workbook.xml.rels")).doesNotContain("sharedStrings")
			.contains("/styles\"", "/worksheet\"");
		assertThat(parts.get("[Content_Types].xml")).doesNotContain("sharedStrings").contains("/xl/styles.xml");
		String sheet = parts.get("xl/worksheets/sheet1.xml");
		assertThat(sheet).doesNotContain("t=\"s\"");
		assertThat(Pattern.compile("<is><t xml:space=\"preserve\">").matcher(sheet).results().count())
			.isGreaterThan(100);
		// the name as the shared strings held it: escaped, its _xHHHH_ codes as they were
		Matcher name = Pattern.compile("<si><t[^>]*>([^<]*Ánh Dương[^<]*)</t></si>")
			.matcher(before.get("xl/sharedStrings.xml"));
		assertThat(name.find()).isTrue();
		assertThat(name.group(1)).contains("&amp;", "&lt;", "&#13;", "_x0041_");
		assertThat(sheet).contains("<is><t xml:space=\"preserve\">" + name.group(1) + "</t></is>");
		assertThat(parts.get("docProps/app.xml")).contains("<Application>WPS Spreadsheets</Application>");
	}

	@Test
	void oddTextReadsTheSameInEveryKind() throws IOException, UnreadableFileException {
		Path form = oddForm();
		List<String> expected = cells(this.reader.readReturnSheet(form));
		assertThat(expected).anySatisfy((cell) -> assertThat(cell).contains("A & B <\"Ánh Dương\">"));
		for (OtherWriters.Kind kind : OtherWriters.Kind.values()) {
			Path file = this.dir.resolve(kind + "-odd.xlsx");
			Files.write(file, OtherWriters.rewrite(kind, Files.readAllBytes(form)));
			assertThat(cells(this.reader.readReturnSheet(file))).as(kind.name()).isEqualTo(expected);
		}
	}

	/** Synthetic forms, some with findings, and the odd one in merged cells. */
	private List<Path> forms() throws IOException {
		Path folder = this.dir.resolve("forms");
		SyntheticReturns.write(folder, 12, 2026, 5, 30, 0);
		List<Path> forms = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(folder)) {
			walk.filter(Files::isRegularFile).sorted().forEach(forms::add);
		}
		forms.add(oddForm());
		return forms;
	}

	private Path oddForm() throws IOException {
		Path file = this.dir.resolve("odd").resolve("cd79000123.xlsx");
		if (!Files.exists(file)) {
			Map<String, String> header = new LinkedHashMap<>();
			header.put("union_code", "CD79000123");
			header.put("union_name", ODD_NAME);
			header.put("province", "79");
			new ReturnFormWriter(CATALOGUE).write(ValidReturns.content(CATALOGUE, header),
					FormStyle.standard().withMergedCells(true).withPaddingRows(1), file);
		}
		return file;
	}

	/** Every cell the reader gives, in order, with all its fields. */
	private static List<String> cells(SheetCells cells) {
		List<String> all = new ArrayList<>();
		all.add("sheet " + cells.name());
		for (int row : cells.rowNumbers()) {
			for (RawCell cell : cells.row(row)) {
				all.add(cell.toString());
			}
		}
		return all;
	}

	/** The parts of a zip, in their order. */
	static Map<String, byte[]> parts(byte[] zip) throws IOException {
		Map<String, byte[]> parts = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				parts.put(entry.getName(), in.readAllBytes());
			}
		}
		return parts;
	}

	static Map<String, String> texts(byte[] zip) throws IOException {
		Map<String, String> texts = new LinkedHashMap<>();
		parts(zip).forEach((name, bytes) -> texts.put(name, new String(bytes, StandardCharsets.UTF_8)));
		return texts;
	}

}
