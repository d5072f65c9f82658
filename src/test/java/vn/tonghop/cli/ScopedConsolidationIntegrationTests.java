package vn.tonghop.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consolidation scoped to some provinces (an analyst's downloads): the same outputs as
 * a national one of the same data, with only those provinces' rows. The sample returns
 * and the sample registry, consolidated nationally, then for Hà Nội and Đồng Nai
 * ({@code run --province}), then for Đồng Nai alone ({@code consolidate --province}),
 * each into a folder of its own; every check reads the outputs back.
 */
class ScopedConsolidationIntegrationTests {

	private static final Set<String> SCOPE = Set.of("01", "75");

	@TempDir
	static Path work;

	static Path data;

	static Path national;

	static Path scoped;

	static Path dongNai;

	static Runs.Result scopedRun;

	@BeforeAll
	static void consolidate() throws Exception {
		data = work.resolve("data");
		national = work.resolve("national");
		scoped = work.resolve("scoped");
		dongNai = work.resolve("dong-nai");
		Runs.Result registry = Runs.tonghop("registry", "--input", "input-samples/danh-sach-cdcs-2026.xlsx", "--year",
				"2026", "--data-dir", data.toString());
		assertThat(registry.status()).as(registry.err()).isZero();
		Runs.Result all = Runs.tonghop("run", "--input", "input-samples/2026", "--year", "2026", "--output",
				national.toString(), "--data-dir", data.toString());
		assertThat(all.status()).as(all.err()).isZero();
		// the inbox is read whole again (nothing new); only the consolidation is scoped
		scopedRun = Runs.tonghop("run", "--input", "input-samples/2026", "--year", "2026", "--output",
				scoped.toString(), "--data-dir", data.toString(), "--province", "Đồng Nai", "--province", "01");
		assertThat(scopedRun.status()).as(scopedRun.err()).isZero();
		Runs.Result one = Runs.tonghop("consolidate", "--year", "2026", "--output", dongNai.toString(), "--data-dir",
				data.toString(), "--province", "75");
		assertThat(one.status()).as(one.err()).isZero();
	}

	@Test
	void returnsAreThoseOfTheScopesProvincesAsInTheNationalFile() throws Exception {
		List<String[]> returns = Runs.csv(scoped.resolve("2026/returns.csv"));
		List<String[]> all = Runs.csv(national.resolve("2026/returns.csv"));
		assertThat(returns.get(0)).isEqualTo(all.get(0));
		assertThat(Runs.column(returns, "province_code")).isNotEmpty().allMatch(SCOPE::contains).contains("01", "75");
		List<String> expected = all.subList(1, all.size())
			.stream()
			.filter((row) -> SCOPE.contains(row[2]))
			.map((row) -> String.join("|", row))
			.toList();
		assertThat(returns.subList(1, returns.size()).stream().map((row) -> String.join("|", row)).toList())
			.containsExactlyElementsOf(expected);
		assertThat(expected).hasSizeLessThan(all.size() - 1);
	}

	@Test
	void filesAndIssuesAreThoseOfTheScopesFiles() throws Exception {
		Set<String> inScope = filesOf("r.province_code IN ('01', '75')");
		List<String> files = Runs.column(Runs.csv(scoped.resolve("2026/files.csv")), "source_file");
		assertThat(files).isNotEmpty().allMatch(inScope::contains);
		List<String[]> nationalFiles = Runs.csv(national.resolve("2026/files.csv"));
		// every file of the scope is listed, as the national files.csv lists it
		assertThat(nationalFiles.subList(1, nationalFiles.size())
			.stream()
			.filter((row) -> inScope.contains(row[0]))
			.map((row) -> String.join("|", row))
			.toList())
			.containsExactlyElementsOf(Runs.csv(scoped.resolve("2026/files.csv"))
				.stream()
				.skip(1)
				.map((row) -> String.join("|", row))
				.toList());
		// a file whose province is not known is in no scope: Sông Bé, dissolved in 1997
		String songBe = "ldld-tp-ho-chi-minh/cd-cong-ty-co-phan-det-an-phu.xlsx";
		assertThat(Runs.column(nationalFiles, "source_file")).contains(songBe);
		assertThat(files).doesNotContain(songBe);

		List<String[]> issues = Runs.csv(scoped.resolve("2026/issues.csv"));
		assertThat(Runs.column(issues, "source_file")).isNotEmpty().allMatch(inScope::contains);
		Set<String> other = filesOf("r.province_code NOT IN ('01', '75')");
		List<String[]> nationalIssues = Runs.csv(national.resolve("2026/issues.csv"));
		assertThat(Runs.column(nationalIssues, "source_file")).anyMatch(other::contains);
		assertThat(issues).hasSizeLessThan(nationalIssues.size());
	}

	@Test
	void feedbackCopiesAreThoseOfTheScopesFiles() throws Exception {
		Set<String> copies = names(scoped.resolve("2026/phan-hoi"));
		Set<String> all = names(national.resolve("2026/phan-hoi"));
		assertThat(copies).isNotEmpty().isSubsetOf(all);
		assertThat(copies).hasSizeLessThan(all.size());
	}

	@Test
	void completenessHasTheScopesProvincesAsNationallyAndTheirRegistryEntriesOnly() throws Exception {
		List<String[]> lines = Runs.csv(scoped.resolve("2026/completeness.csv"));
		List<String[]> all = Runs.csv(national.resolve("2026/completeness.csv"));
		assertThat(Runs.column(lines, "province_code")).containsExactly("01", "75", "TOTAL");
		for (String code : SCOPE) {
			assertThat(RegistryIntegrationTests.row(lines, code)).isEqualTo(RegistryIntegrationTests.row(all, code));
		}
		String[] total = RegistryIntegrationTests.row(lines, "TOTAL");
		// the counts, up to missing (no deadline here: the last three columns are blank)
		for (int column = 2; column < 7; column++) {
			long sum = Long.parseLong(RegistryIntegrationTests.row(lines, "01")[column])
					+ Long.parseLong(RegistryIntegrationTests.row(lines, "75")[column]);
			assertThat(Long.parseLong(total[column])).as(lines.get(0)[column]).isEqualTo(sum);
		}
		// the registry lists unions of other provinces: the national total expects more
		assertThat(Long.parseLong(RegistryIntegrationTests.row(all, "TOTAL")[2]))
			.isGreaterThan(Long.parseLong(total[2]));
	}

	@Test
	void rollUpsAreTheNationalRowsOfTheScopesProvincesAndSumsOfItsReturns() throws Exception {
		List<String[]> byProvince = Runs.csv(scoped.resolve("2026/by-province.csv"));
		List<String[]> all = Runs.csv(national.resolve("2026/by-province.csv"));
		assertThat(Runs.column(byProvince, "province_code")).containsExactly("01", "75", "TOTAL");
		for (String code : SCOPE) {
			assertThat(RegistryIntegrationTests.row(byProvince, code))
				.isEqualTo(RegistryIntegrationTests.row(all, code));
		}
		List<String[]> returns = Runs.csv(scoped.resolve("2026/returns.csv"));
		List<String> columns = List.of(byProvince.get(0)).subList(2, byProvince.get(0).length);
		Map<String, String> sums = ProvincialViewIntegrationTests.sums(returns, columns);
		assertThat(sums.get("A01")).isNotEmpty();
		assertThat(ProvincialViewIntegrationTests.values(byProvince, RegistryIntegrationTests.row(byProvince, "TOTAL"),
				columns))
			.isEqualTo(sums);
		List<String[]> bySector = Runs.csv(scoped.resolve("2026/by-sector.csv"));
		assertThat(ProvincialViewIntegrationTests.values(bySector, RegistryIntegrationTests.row(bySector, "TOTAL"),
				columns))
			.isEqualTo(sums);
		// and its sectors add up to it
		assertThat(ProvincialViewIntegrationTests.sums(bySector.subList(0, bySector.size() - 1), columns))
			.isEqualTo(sums);
		List<String[]> byIndustry = Runs.csv(scoped.resolve("2026/by-industry.csv"));
		assertThat(ProvincialViewIntegrationTests.values(byIndustry, RegistryIntegrationTests.row(byIndustry, "TOTAL"),
				columns))
			.isEqualTo(sums);
		assertThat(Runs.column(Runs.csv(scoped.resolve("2026/by-province-sector.csv")), "province_code")).isNotEmpty()
			.allMatch(SCOPE::contains);
	}

	@Test
	void workbookNamesTheScopeAndHoldsItsProvincesOnly() throws Exception {
		try (InputStream in = Files.newInputStream(scoped.resolve("2026/tong-hop-thi-dua-2026.xlsx"));
				Workbook workbook = WorkbookFactory.create(in)) {
			String scope = "Phạm vi: Hà Nội, Đồng Nai (chỉ số liệu của các tỉnh, thành phố này)";
			assertThat(ConsolidationOutputsIntegrationTests.texts(workbook.getSheet("Tổng hợp")))
				.anyMatch((text) -> text.startsWith(scope));
			assertThat(ConsolidationOutputsIntegrationTests.texts(workbook.getSheet("Thông tin"))).contains(scope);
			// several provinces: national in form, with their rows only
			assertThat(workbook.getSheet("Theo công đoàn cấp trên")).isNull();
			assertThat(ConsolidationOutputsIntegrationTests.texts(workbook.getSheet("Theo tỉnh")))
				.contains("Hà Nội", "Đồng Nai")
				.doesNotContain("Khánh Hòa", "Cao Bằng");
			assertThat(ConsolidationOutputsIntegrationTests.texts(workbook.getSheet("Mức độ đầy đủ")))
				.doesNotContain("Khánh Hòa", "Cao Bằng");
		}
		try (InputStream in = Files.newInputStream(national.resolve("2026/tong-hop-thi-dua-2026.xlsx"));
				Workbook workbook = WorkbookFactory.create(in)) {
			assertThat(ConsolidationOutputsIntegrationTests.texts(workbook.getSheet("Thông tin")))
				.noneMatch((text) -> text.startsWith("Phạm vi:"));
		}
	}

	@Test
	void summaryNamesTheScopeAndCountsItsReturns() throws Exception {
		long returns = Runs.csv(scoped.resolve("2026/returns.csv")).size() - 1;
		String consolidation = scopedRun.out().substring(scopedRun.out().indexOf("== Tổng hợp năm 2026"));
		assertThat(consolidation).contains("Phạm vi: Hà Nội, Đồng Nai")
			.contains("chấp nhận " + returns + ",")
			.contains("phát hiện trong issues.csv: " + (Runs.csv(scoped.resolve("2026/issues.csv")).size() - 1));
	}

	/**
	 * A scope of one province is that province's own view, as a year whose returns all
	 * lie in it: by upper-level union, its total the province's.
	 */
	@Test
	void aScopeOfOneProvinceIsItsProvincialView() throws Exception {
		List<String[]> parents = Runs.csv(dongNai.resolve("2026/by-parent-union.csv"));
		List<String[]> provinces = Runs.csv(national.resolve("2026/by-province.csv"));
		List<String> columns = List.of(parents.get(0)).subList(1, parents.get(0).length);
		assertThat(
				ProvincialViewIntegrationTests.values(parents, RegistryIntegrationTests.row(parents, "TOTAL"), columns))
			.isEqualTo(ProvincialViewIntegrationTests.values(provinces, RegistryIntegrationTests.row(provinces, "75"),
					columns));
		assertThat(Runs.column(Runs.csv(dongNai.resolve("2026/by-province.csv")), "province_code"))
			.containsExactly("75", "TOTAL");
		try (InputStream in = Files.newInputStream(dongNai.resolve("2026/tong-hop-thi-dua-2026.xlsx"));
				Workbook workbook = WorkbookFactory.create(in)) {
			assertThat(workbook.getSheet("Theo công đoàn cấp trên")).isNotNull();
			assertThat(workbook.getSheet("Theo tỉnh")).isNull();
			assertThat(ConsolidationOutputsIntegrationTests.texts(workbook.getSheet("Tổng hợp")))
				.anyMatch((text) -> text.startsWith("Phạm vi: Đồng Nai")
						&& text.contains("Tổng hợp của LĐLĐ tỉnh Đồng Nai: theo công đoàn cấp trên trực tiếp"));
		}
	}

	@Test
	void refusesAProvinceItCannotPlaceBeforeAnyWork() {
		Path elsewhere = work.resolve("refused");
		Runs.Result refused = Runs.tonghop("consolidate", "--year", "2026", "--output", elsewhere.toString(),
				"--data-dir", data.toString(), "--province", "01", "--province", "Sài Gòn Mới");
		assertThat(refused.status()).isEqualTo(2);
		assertThat(refused.err()).contains("--province Sài Gòn Mới: không xác định được tỉnh/thành phố");
		assertThat(elsewhere).doesNotExist();
		Runs.Result run = Runs.tonghop("run", "--input", "input-samples/2026", "--year", "2026", "--output",
				elsewhere.toString(), "--data-dir", data.toString(), "--province", "99");
		assertThat(run.status()).isEqualTo(2);
		assertThat(run.err()).contains("--province 99: không xác định được tỉnh/thành phố");
		assertThat(elsewhere).doesNotExist();
	}

	/** The year's files (as files.csv names them) with a return matching a condition. */
	private static Set<String> filesOf(String condition) throws Exception {
		Set<String> files = new HashSet<>();
		try (Connection connection = TestDatabase.connect(data);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT DISTINCT l.source_file FROM intake_log l"
						+ " JOIN return_record r ON r.submission_id = l.submission_id"
						+ " WHERE l.report_year = 2026 AND " + condition)) {
			while (rs.next()) {
				files.add(rs.getString(1));
			}
		}
		return files;
	}

	private static Set<String> names(Path folder) throws Exception {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map((file) -> file.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
		}
	}

}
