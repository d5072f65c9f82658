package vn.tonghop.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.template.WrittenForm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SyntheticReturnsTests {

	private static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.load();

	private static final int COUNT = 40;

	@Test
	void writesTheRequestedNumberOfForms(@TempDir Path dir) throws IOException {
		assertThat(SyntheticReturns.write(dir, COUNT, 2026, 7)).isEqualTo(COUNT);
		assertThat(files(dir)).hasSize(COUNT).allSatisfy((file) -> {
			assertThat(file.getParent().getFileName()).hasToString("lo-000");
			assertThat(file.getFileName().toString()).endsWith(".xlsx");
			assertThat(Files.size(file)).isBetween(4_000L, 12_000L);
		});
	}

	@Test
	void writesNothingForZero(@TempDir Path dir) throws IOException {
		assertThat(SyntheticReturns.write(dir, 0, 2026, 7)).isZero();
		assertThat(files(dir)).isEmpty();
	}

	@Test
	void rejectsANegativeCount(@TempDir Path dir) {
		assertThatIllegalArgumentException().isThrownBy(() -> SyntheticReturns.write(dir, -1, 2026, 7));
	}

	@Test
	void putsAtMostAThousandFilesInAFolder() {
		Path dir = Path.of("out");
		assertThat(SyntheticReturns.path(dir, 0, "CD01000001")).isEqualTo(Path.of("out/lo-000/000001-cd01000001.xlsx"));
		assertThat(SyntheticReturns.path(dir, 999, "X").getParent()).isEqualTo(Path.of("out/lo-000"));
		assertThat(SyntheticReturns.path(dir, 1000, "X").getParent()).isEqualTo(Path.of("out/lo-001"));
		assertThat(SyntheticReturns.path(dir, 123_456, "X").getParent()).isEqualTo(Path.of("out/lo-123"));
	}

	@Test
	void theSameSeedGivesTheSameFiguresAndAnotherSeedOthers(@TempDir Path first, @TempDir Path second,
			@TempDir Path third) throws IOException {
		SyntheticReturns.write(first, COUNT, 2026, 7);
		SyntheticReturns.write(second, COUNT, 2026, 7);
		SyntheticReturns.write(third, COUNT, 2026, 8);
		Map<String, Object> one = figures(first);
		assertThat(one).hasSizeGreaterThan(COUNT * CATALOGUE.all().size());
		assertThat(figures(second)).isEqualTo(one);
		assertThat(figures(third)).isNotEqualTo(one);
	}

	@Test
	void everyFormHasItsOwnUnionCodeAndTheRequestedYear(@TempDir Path dir) throws IOException {
		SyntheticReturns.write(dir, COUNT, 2031, 11);
		Set<String> codes = new HashSet<>();
		Set<String> provinces = new HashSet<>();
		Set<String> sectors = new HashSet<>();
		for (Path file : files(dir)) {
			WrittenForm form = WrittenForm.read(file, CATALOGUE);
			codes.add(form.header("Mã công đoàn cơ sở"));
			provinces.add(form.header("Tỉnh/thành phố"));
			sectors.add(form.header("Khu vực"));
			assertThat(form.header("Năm báo cáo")).isEqualTo("2031");
		}
		assertThat(codes).hasSize(COUNT).allSatisfy((code) -> assertThat(code).matches("CD[0-9]{2}[0-9]{6}"));
		assertThat(provinces).hasSizeGreaterThan(10);
		assertThat(sectors).hasSizeGreaterThan(5);
	}

	@Test
	void theFiguresAreCleanAndRealistic(@TempDir Path dir) throws IOException {
		SyntheticReturns.write(dir, COUNT, 2026, 3);
		for (Path file : files(dir)) {
			WrittenForm form = WrittenForm.read(file, CATALOGUE);
			Map<String, Long> total = new LinkedHashMap<>();
			form.indicators().forEach((code, cells) -> {
				if (cells.total() instanceof Long number) {
					total.put(code, number);
				}
				if (cells.female() instanceof Long female) {
					assertThat(female).as(file + " " + code).isLessThanOrEqualTo((Long) cells.total());
				}
			});
			String name = file.getFileName().toString();
			assertThat(total.get("A02")).as(name).isLessThanOrEqualTo(total.get("A01"));
			assertThat(total.get("B02")).as(name).isLessThanOrEqualTo(total.get("A01"));
			assertThat(total.get("B03") * 100).as(name).isLessThanOrEqualTo(total.get("B02") * 15);
			assertThat(total.get("C03")).as(name).isLessThanOrEqualTo(total.get("C02"));
			assertThat(total.get("C02")).as(name).isLessThanOrEqualTo(total.get("C01"));
			assertThat(total.get("F02")).as(name).isLessThanOrEqualTo(total.get("F01"));
			assertThat(total.get("E06")).as(name).isGreaterThanOrEqualTo(1_000_000L);
			assertThat(List.of(Figures.RATINGS)).contains((String) form.indicator("F03").total());
		}
	}

	@Test
	void aShareOfTheXlsxIsSavedAsOtherProgramsSaveIt(@TempDir Path dir) throws IOException {
		int count = 300;
		SyntheticReturns.write(dir, count, 2026, 7, 0, 10, 60);
		Map<String, Integer> kinds = new TreeMap<>();
		for (Path file : files(dir)) {
			kinds.merge(file.toString().endsWith(".xls") ? "xls" : kind(Files.readAllBytes(file)), 1, Integer::sum);
		}
		// .xlsx: about 270, 60% of them rewritten, a third by each program
		assertThat(kinds.keySet()).containsExactly("LIBREOFFICE", "OPENPYXL", "POI", "WPS", "xls");
		assertThat(kinds.get("xls")).isBetween(count * 4 / 100, count * 18 / 100);
		assertThat(kinds.get("POI")).isBetween(80, 140);
		for (OtherWriters.Kind kind : OtherWriters.Kind.values()) {
			assertThat(kinds.get(kind.name())).as(kind.name()).isBetween(35, 75);
		}
	}

	@Test
	void withoutOtherWritersTheFilesAreThoseOfBefore(@TempDir Path before, @TempDir Path none, @TempDir Path some)
			throws IOException {
		SyntheticReturns.write(before, COUNT, 2026, 7, 30, 10);
		SyntheticReturns.write(none, COUNT, 2026, 7, 30, 10, 0);
		SyntheticReturns.write(some, COUNT, 2026, 7, 30, 10, 50);
		List<Path> files = files(before);
		assertThat(files(none)).hasSameSizeAs(files);
		assertThat(files(some)).hasSameSizeAs(files);
		int rewritten = 0;
		for (Path file : files) {
			Path relative = before.relativize(file);
			byte[] bytes = Files.readAllBytes(file);
			assertThat(none.resolve(relative)).as("%s", relative).hasBinaryContent(bytes);
			byte[] other = Files.readAllBytes(some.resolve(relative));
			if (file.toString().endsWith(".xls") || kind(other).equals("POI")) {
				// the forms other programs did not save are untouched by the choice
				assertThat(other).as("%s", relative).isEqualTo(bytes);
			}
			else {
				rewritten++;
				assertThat(kind(bytes)).isEqualTo("POI");
			}
		}
		assertThat(rewritten).isBetween(COUNT / 5, COUNT * 4 / 5);
	}

	/** Which program saved an {@code .xlsx}, by the marks it leaves in the parts. */
	private static String kind(byte[] xlsx) throws IOException {
		Map<String, String> parts = OtherWritersTests.texts(xlsx);
		List<String> names = List.copyOf(parts.keySet());
		String application = parts.get("docProps/app.xml");
		String sheet = parts.get("xl/worksheets/sheet1.xml");
		if (!parts.containsKey("xl/sharedStrings.xml") && sheet.contains("t=\"inlineStr\"")) {
			assertThat(application).contains("WPS");
			return OtherWriters.Kind.WPS.name();
		}
		if (names.get(0).equals("docProps/app.xml") && names.get(names.size() - 1).equals("[Content_Types].xml")
				&& !sheet.contains("<dimension")) {
			assertThat(application).contains("Microsoft Excel");
			return OtherWriters.Kind.OPENPYXL.name();
		}
		if (sheet.contains("<sheetPr filterMode=\"false\">") && sheet.contains(" t=\"n\"><v>")) {
			assertThat(application).contains("LibreOffice");
			return OtherWriters.Kind.LIBREOFFICE.name();
		}
		assertThat(application).contains("Apache POI");
		return "POI";
	}

	private static List<Path> files(Path dir) throws IOException {
		try (Stream<Path> walk = Files.walk(dir)) {
			return walk.filter(Files::isRegularFile).sorted().toList();
		}
	}

	/**
	 * Every header value and figure of every form, keyed by file name and label or code.
	 */
	private static Map<String, Object> figures(Path dir) throws IOException {
		Map<String, Object> figures = new LinkedHashMap<>();
		for (Path file : files(dir)) {
			String name = dir.relativize(file).toString();
			WrittenForm form = WrittenForm.read(file, CATALOGUE);
			form.headers().forEach((label, value) -> figures.put(name + " " + label, value));
			form.indicators().forEach((code, cells) -> {
				figures.put(name + " " + code, cells.total());
				figures.put(name + " " + code + "_nu", cells.female());
			});
		}
		return figures;
	}

}
