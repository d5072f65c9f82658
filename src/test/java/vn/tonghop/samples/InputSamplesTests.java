package vn.tonghop.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.catalogue.ReferenceCsv;
import vn.tonghop.template.WrittenForm;

import static org.assertj.core.api.Assertions.assertThat;

class InputSamplesTests {

	private static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.load();

	@TempDir
	static Path dir;

	static List<Path> written;

	@BeforeAll
	static void writeSamples() throws IOException {
		written = InputSamples.write(dir);
	}

	private static String relative(Path file) {
		return dir.relativize(file).toString().replace('\\', '/');
	}

	private static List<Path> workbooks() {
		return written.stream().filter((path) -> path.toString().matches(".*\\.xls[xm]?$")).toList();
	}

	@Nested
	class Seeds {

		private final Map<String, SeedReturns.SeedReturn> seeds = SeedReturns.load(CATALOGUE)
			.stream()
			.collect(Collectors.toMap(SeedReturns.SeedReturn::seed, (seed) -> seed));

		@Test
		void holdsTheFiveSeedReports() {
			assertThat(this.seeds).containsOnlyKeys("000", "001", "002", "003", "004");
		}

		@Test
		void seed000HasTheFiguresItsReportStates() {
			SeedReturns.SeedReturn seed = this.seeds.get("000");
			assertThat(seed.year()).isEqualTo(2024);
			assertThat(seed.content().header()).containsEntry("union_name", "Công đoàn Sở Xây dựng")
				.containsEntry("union_code", "CD75SEED000")
				.containsEntry("province", "Đồng Nai")
				.containsEntry("year", "2024");
			Map<String, Long> stated = Map.ofEntries(Map.entry("A02", 91L), Map.entry("B02", 86L),
					Map.entry("B03", 29L), Map.entry("B04", 15L), Map.entry("B05", 86L), Map.entry("B06", 17L),
					Map.entry("B07", 23L), Map.entry("C01", 9L), Map.entry("C02", 7L), Map.entry("C03", 2L),
					Map.entry("C04", 3L), Map.entry("D01", 1L), Map.entry("D03", 53L), Map.entry("D04", 5L),
					Map.entry("E01", 3L), Map.entry("E03", 6L), Map.entry("E05", 3L));
			stated.forEach((code, value) -> assertThat(seed.total(code)).as(code).isEqualTo(value));
			assertThat(seed.content().values()).hasSize(stated.size());
		}

		@Test
		void seed000LeavesWhatTheReportDoesNotSayBlank() {
			SeedReturns.SeedReturn seed = this.seeds.get("000");
			for (String code : List.of("A01", "F03", "A04", "D02", "E04", "F04")) {
				assertThat(seed.total(code)).as(code).isNull();
			}
			assertThat(seed.female("A02")).isNull();
		}

		@Test
		void seed001KeepsTheFemaleCountTheApproximateMoneyAndTheRating() {
			SeedReturns.SeedReturn seed = this.seeds.get("001");
			assertThat(seed.total("A02")).isEqualTo(30L);
			assertThat(seed.female("A02")).isEqualTo(7L);
			assertThat(seed.total("E06")).isEqualTo("trên 5.000.000 đồng");
			assertThat(seed.total("F03")).isEqualTo("HTTNV");
			assertThat(seed.total("A01")).isNull();
		}

		@Test
		void seed002KeepsTheOlderRatingWording() {
			SeedReturns.SeedReturn seed = this.seeds.get("002");
			assertThat(seed.total("F03")).isEqualTo("CĐCS vững mạnh xuất sắc");
			assertThat(seed.total("F01")).isEqualTo(6L);
			assertThat(seed.total("F02")).isEqualTo(6L);
		}

		@Test
		void seedsThatStateNoFigureHaveNone() {
			assertThat(this.seeds.get("003").content().values()).isEmpty();
			assertThat(this.seeds.get("004").content().values()).isEmpty();
		}

		@Test
		void everySeedFileCarriesTheFiguresOfTheCsv() throws IOException {
			for (SeedReturns.SeedReturn seed : this.seeds.values()) {
				Path file = dir.resolve(seed.year() + "/seeds/" + seed.file() + ".xlsx");
				WrittenForm form = WrittenForm.read(file, CATALOGUE);
				for (var indicator : CATALOGUE.all()) {
					assertThat(form.indicator(indicator.code()).total()).as(seed.seed() + " " + indicator.code())
						.isEqualTo(seed.total(indicator.code()));
				}
			}
		}

	}

	@Test
	void writesThirtyOneReturnsAndAReadme() {
		assertThat(workbooks()).hasSize(31);
		assertThat(written).hasSize(32);
		assertThat(written).allSatisfy((path) -> assertThat(path).isRegularFile());
		assertThat(written.get(written.size() - 1)).hasFileName("README.md");
		assertThat(workbooks().stream().filter((path) -> relative(path).contains("/seeds/"))).hasSize(5);
		assertThat(workbooks().stream().filter((path) -> relative(path).startsWith("2026/"))).hasSize(26);
	}

	@Test
	void theReadmeListsEveryFile() throws IOException {
		String readme = Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8);
		for (Path file : workbooks()) {
			String path = relative(file);
			String year = path.substring(0, path.indexOf('/'));
			assertThat(readme).contains("## " + year, "`" + path.substring(year.length() + 1) + "`");
		}
		for (String rule : List.of("R01", "R02", "R04", "R05", "R08", "R09", "R11", "R15", "R17", "W01", "W06")) {
			assertThat(readme).contains("| " + rule);
		}
	}

	@Test
	void theDuplicateIsByteIdenticalToItsOriginalInAnotherFolder() throws IOException {
		Path original = dir.resolve("2026/Thư điện tử nhận về/CĐCS Công ty Than Bình Minh.xlsx");
		Path copy = dir.resolve("2026/zalo-gui-lai/CĐCS Công ty Than Bình Minh (1).xlsx");
		assertThat(Files.mismatch(original, copy)).isEqualTo(-1L);
		assertThat(original.getParent()).isNotEqualTo(copy.getParent());
	}

	@Test
	void theResubmissionSortsAfterItsOriginalAndChangesFigures() throws IOException {
		Path first = dir.resolve("2026/ldld-dong-nai/cd-cong-ty-may-tin-phat-lan-1.xlsx");
		Path second = dir.resolve("2026/ldld-dong-nai/cd-cong-ty-may-tin-phat-lan-2.xlsx");
		assertThat(relative(second)).isGreaterThan(relative(first));
		assertThat(Files.getLastModifiedTime(second)).isGreaterThan(Files.getLastModifiedTime(first));
		WrittenForm before = WrittenForm.read(first, CATALOGUE);
		WrittenForm after = WrittenForm.read(second, CATALOGUE);
		assertThat(after.header("Mã công đoàn cơ sở")).isEqualTo(before.header("Mã công đoàn cơ sở"))
			.isEqualTo("CD750101");
		assertThat((Long) after.indicator("A02").total()).isEqualTo((Long) before.indicator("A02").total() + 12);
	}

	@Test
	void theSyntheticReturnsCoverEightProvincesAllSectorsAndBothFormats() throws IOException {
		Map<String, String> sectorByName = new HashMap<>();
		for (ReferenceCsv.Row row : ReferenceCsv.read("reference/sectors.csv", "code", "label_vi", "aliases")) {
			String code = row.required("code");
			sectorByName.put(fold(code), code);
			sectorByName.put(fold(row.required("label_vi")), code);
			for (String alias : row.optional("aliases").split("\\|")) {
				sectorByName.put(fold(alias), code);
			}
		}
		Set<String> sectors = new HashSet<>();
		Set<String> provinces = new HashSet<>();
		for (Path file : workbooks()) {
			if (!relative(file).startsWith("2026/")) {
				continue;
			}
			WrittenForm form = WrittenForm.read(file, CATALOGUE);
			String sector = (form.header("Khu vực") != null) ? form.header("Khu vực") : form.header("Loại hình:");
			sectors.add(sectorByName.get(fold(sector)));
			provinces.add((form.header("Tỉnh/thành phố") != null) ? form.header("Tỉnh/thành phố")
					: form.header("Tỉnh, thành phố:"));
		}
		assertThat(sectors).containsExactlyInAnyOrder("HCSN", "DNNN", "NNN", "FDI", "HTX", "XP", "KHAC");
		assertThat(provinces).hasSizeGreaterThanOrEqualTo(12)
			.contains("TP.HCM", "Bình Dương", "Hải Dương", "01", "24", "Sông Bé");
		assertThat(workbooks()).anySatisfy((path) -> assertThat(path.toString()).endsWith(".xls"));
		assertThat(workbooks()).anySatisfy((path) -> assertThat(path.toString()).endsWith(".xlsm"));
		assertThat(workbooks()).anySatisfy((path) -> assertThat(path.getFileName().toString()).contains(" ", "ĐCS"));
	}

	@Test
	void theMessyReturnsCarryTheirMess() throws IOException {
		Map<String, Object> totals = new HashMap<>();
		for (Path file : workbooks()) {
			WrittenForm form = WrittenForm.read(file, CATALOGUE);
			form.indicators().forEach((code, cells) -> {
				if (cells.total() instanceof String text) {
					totals.put(text, code);
				}
			});
		}
		assertThat(totals).containsKeys("trên 30", "5 triệu", "12.500.000 đồng", "Vững mạnh", "Khá", "x", "Có", "Không",
				"không rõ", "Loại A", "HTNV");
		assertThat(totals.keySet()).anySatisfy((text) -> assertThat(text).matches("[0-9]\\.[0-9]{3}"));
		try (Workbook workbook = WorkbookFactory
			.create(dir.resolve("2026/ldld-ha-noi/cd-benh-vien-bac-thang-long.xlsm").toFile(), null, true)) {
			assertThat(workbook.isSheetHidden(0)).isTrue();
			assertThat(workbook.getSheetName(1)).isEqualTo("Sheet1");
		}
		WrittenForm unknown = WrittenForm
			.read(dir.resolve("2026/cd-cac-kcn-bac-ninh/cd-cong-ty-linh-kien-shinwoo-vina.xlsx"), CATALOGUE);
		assertThat(unknown.indicator("G01").total()).isEqualTo(2L);
		WrittenForm industry = WrittenForm
			.read(dir.resolve("2026/cd-cac-kcn-bac-ninh/cd-cong-ty-co-khi-kyoei-viet-nam.xlsx"), CATALOGUE);
		assertThat(industry.header("Ngành")).isEqualTo("Ngành gì đó");
	}

	@Test
	void reGeneratingWritesTheSameBytes(@TempDir Path again) throws IOException {
		InputSamples.write(again);
		for (Path file : written) {
			assertThat(Files.mismatch(file, again.resolve(dir.relativize(file)))).as(relative(file)).isEqualTo(-1L);
		}
	}

	@Test
	void noSampleBreaksARuleItDoesNotAnnounce() throws IOException {
		// the clean returns must stay clean: check the arithmetic rules on every numeric
		// figure
		try (Stream<Path> files = Files.walk(dir.resolve("2026"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				WrittenForm form = WrittenForm.read(file, CATALOGUE);
				String name = file.getFileName().toString();
				Map<String, Long> total = new HashMap<>();
				Map<String, Long> female = new HashMap<>();
				form.indicators().forEach((code, cells) -> {
					number(cells.total()).ifPresent((n) -> total.put(code, n));
					number(cells.female()).ifPresent((n) -> female.put(code, n));
				});
				female.forEach((code, n) -> {
					if (!name.contains("can-tho")) {
						assertThat(n).as(name + " " + code + "_nu").isLessThanOrEqualTo(total.get(code));
					}
				});
				if (!name.contains("bao-bi-tan-tien")) {
					assertThat(total.get("A02")).as(name + " A02").isLessThanOrEqualTo(total.get("A01"));
				}
				if (total.containsKey("B03") && !name.contains("dien-chau") && !name.contains("ca-phe-lam-dong")) {
					assertThat(total.get("B03")).as(name + " B03").isLessThanOrEqualTo(total.get("B02") * 15 / 100);
				}
				assertThat(total.get("B02")).as(name + " B02").isLessThanOrEqualTo(total.get("A01"));
				assertThat(total.get("C03")).as(name).isLessThanOrEqualTo(total.get("C02"));
				assertThat(total.get("C02")).as(name).isLessThanOrEqualTo(total.get("C01"));
				assertThat(total.get("F02")).as(name).isLessThanOrEqualTo(total.get("F01"));
				assertThat(total.get("C04")).as(name).isLessThanOrEqualTo(total.get("A04"));
				assertThat(total.get("B05")).as(name).isLessThanOrEqualTo(total.get("A02"));
				assertThat(total.get("B06")).as(name).isLessThanOrEqualTo(female.get("A01"));
			}
		}
	}

	private static java.util.Optional<Long> number(Object value) {
		if (value instanceof Long number) {
			return java.util.Optional.of(number);
		}
		if (value instanceof String text && text.matches("[0-9]{1,3}(\\.[0-9]{3})*")) {
			return java.util.Optional.of(Long.parseLong(text.replace(".", "")));
		}
		return java.util.Optional.empty();
	}

	private static String fold(String text) {
		return (text != null) ? text.strip().toLowerCase(Locale.ROOT) : "";
	}

}
