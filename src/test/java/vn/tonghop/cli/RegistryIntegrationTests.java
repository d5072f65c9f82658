package vn.tonghop.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.read.HeaderField;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry of expected unions, and what consolidation makes of it: completeness, W03
 * (not in the registry), W08 (disagrees with it); and W05 against the previous year.
 */
class RegistryIntegrationTests {

	@TempDir
	Path work;

	Path input;

	Path data;

	Path output;

	@BeforeEach
	void folders() throws Exception {
		this.input = Files.createDirectories(this.work.resolve("input"));
		this.data = this.work.resolve("data");
		this.output = this.work.resolve("output");
		for (String name : List.of("form-libreoffice.xls", "form-formulas-libreoffice.xlsx", "form-edited.xlsx")) {
			Files.copy(ConsolidationIntegrationTests.resource("/samples/" + name), this.input.resolve(name));
		}
	}

	Runs.Result registry(Path file, String year) {
		return Runs.tonghop("registry", "--input", file.toString(), "--year", year, "--data-dir", this.data.toString());
	}

	Runs.Result run(Path folder, String year) {
		return Runs.tonghop("run", "--input", folder.toString(), "--year", year, "--output", this.output.toString(),
				"--data-dir", this.data.toString());
	}

	List<String[]> issues(String year) throws Exception {
		return Runs.csv(this.output.resolve(year).resolve("issues.csv"));
	}

	@Test
	void completenessCountsExpectedReceivedAndMissingUnionsByProvince() throws Exception {
		Runs.Result loaded = registry(ConsolidationIntegrationTests.resource("/samples/registry-2026.xlsx"), "2026");
		assertThat(loaded.status()).as(loaded.err()).isZero();
		assertThat(loaded.out()).contains("9 công đoàn cơ sở");

		assertThat(run(this.input, "2026").status()).isZero();

		// registry-2026.xlsx: 11 ×1, 20 ×2, 51 ×2, 82, 75, 22, 40 ×1; the three forms are
		// 11, 20, 51
		List<String[]> completeness = Runs.csv(this.output.resolve("2026/completeness.csv"));
		assertThat(completeness.get(0)).containsExactly("province_code", "province_name", "expected", "received",
				"accepted", "rejected", "missing", "deadline", "on_time", "late");
		assertThat(completeness).hasSize(1 + 34 + 1);
		assertThat(row(completeness, "11")).containsExactly("11", "Điện Biên", "1", "1", "1", "0", "0", "", "", "");
		assertThat(row(completeness, "20")).containsExactly("20", "Lạng Sơn", "2", "1", "1", "0", "1", "", "", "");
		assertThat(row(completeness, "51")).containsExactly("51", "Quảng Ngãi", "2", "1", "1", "0", "1", "", "", "");
		assertThat(row(completeness, "82")).containsExactly("82", "Đồng Tháp", "1", "0", "0", "0", "1", "", "", "");
		assertThat(row(completeness, "01")).containsExactly("01", "Hà Nội", "0", "0", "0", "0", "0", "", "", "");
		assertThat(row(completeness, "TOTAL")).containsExactly("TOTAL", "Tổng cộng", "9", "3", "3", "0", "6", "", "",
				"");
		assertThat(issues("2026")).as("all three unions are registered as written").hasSize(1);
	}

	@Test
	void withoutRegistryExpectedAndMissingAreEmpty() throws Exception {
		run(this.input, "2026");
		List<String[]> completeness = Runs.csv(this.output.resolve("2026/completeness.csv"));
		assertThat(row(completeness, "TOTAL")).containsExactly("TOTAL", "Tổng cộng", "", "3", "3", "0", "", "", "", "");
		assertThat(issues("2026")).noneMatch((row) -> row[4].equals("W03"));
	}

	@Test
	void warnsOfUnionsNotInTheRegistryAndOfDisagreements() throws Exception {
		Path registry = this.work.resolve("danh-sach.csv");
		// UTF-8 with BOM, semicolons, a title row: as Excel saves "CSV UTF-8"
		Files.write(registry,
				("\uFEFFDanh sách đơn vị 2026;;;\n" + "Mã CĐCS;Tên CĐCS;Tỉnh/thành phố;Khu vực\n"
						+ "CD11010001;Công đoàn Ủy ban nhân dân xã Hương Bình số 1;Điện Biên;KHAC\n"
						+ "CD51010003;Công đoàn Trường Tiểu học Lê Lợi;Hà Nội;FDI\n")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(registry(registry, "2026").status()).isZero();

		run(this.input, "2026");

		List<String[]> issues = issues("2026");
		assertThat(issues).anySatisfy((row) -> {
			assertThat(row).startsWith("form-formulas-libreoffice.xlsx", "BaoCao");
			assertThat(row[3]).isEqualTo("CD20010002");
			assertThat(row[4]).isEqualTo("W03");
			assertThat(row[2]).as("the union code's cell").isNotEmpty();
		});
		assertThat(issues).filteredOn((row) -> row[4].equals("W08"))
			.extracting((row) -> row[0] + " " + row[6])
			.hasSize(2)
			.anySatisfy((text) -> assertThat(text).contains("form-edited.xlsx", "Hà Nội"))
			.anySatisfy((text) -> assertThat(text).contains("form-edited.xlsx", "Công đoàn Trường Tiểu học Lê Lợi\""));
		assertThat(issues).noneMatch((row) -> row[3].equals("CD11010001"));
		assertThat(Runs.csv(this.output.resolve("2026/returns.csv"))).as("warnings do not reject").hasSize(4);
	}

	@Test
	void aNewListReplacesTheYearsListAndKeepsTheOldOne() throws Exception {
		registry(ConsolidationIntegrationTests.resource("/samples/registry-2026.xlsx"), "2026");
		Path smaller = this.work.resolve("smaller.csv");
		Files.writeString(smaller, "union_code,union_name,province,sector\nCD11010001,X,11,KHAC\n");
		Runs.Result replaced = registry(smaller, "2026");
		assertThat(replaced.out()).contains("thay danh sách trước gồm 9 đơn vị");

		run(this.input, "2026");

		assertThat(row(Runs.csv(this.output.resolve("2026/completeness.csv")), "TOTAL")).containsExactly("TOTAL",
				"Tổng cộng", "1", "1", "1", "0", "0", "", "", "");
		assertThat(Runs.count(this.data, "SELECT COUNT(*) FROM registry_load")).isEqualTo(2);
	}

	@Test
	void warnsWhenMembersChangedByMoreThanHalfAgainstLastYear() throws Exception {
		Path form = this.input.resolve("form-edited.xlsx");
		Path lastYear = Files.createDirectories(this.work.resolve("2025"));
		Workbooks.change(form, lastYear.resolve("form-edited-2025.xlsx"),
				Map.of(Workbooks.header(form, HeaderField.YEAR), 2025, Workbooks.value(form, "A02", false), 12,
						Workbooks.value(form, "A02", true), 4));
		assertThat(run(lastYear, "2025").status()).isZero();

		run(this.input, "2026");

		// 27 members this year against 12 last year: +125%
		assertThat(issues("2026")).anySatisfy((row) -> {
			assertThat(row[0]).isEqualTo("form-edited.xlsx");
			assertThat(row[2]).isEqualTo(Workbooks.value(form, "A02", false).a1());
			assertThat(row[4]).isEqualTo("W05");
			assertThat(row[6]).contains("+125%", "12", "27", "2025");
		});
		assertThat(issues("2026")).filteredOn((row) -> row[4].equals("W05")).hasSize(1);
	}

	static String[] row(List<String[]> rows, String key) {
		return rows.stream().filter((r) -> r[0].equals(key)).findFirst().orElseThrow();
	}

}
