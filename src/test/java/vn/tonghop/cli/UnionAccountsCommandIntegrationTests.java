package vn.tonghop.cli;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.servlet.MockMvc;

import vn.tonghop.console.unions.UnionAccountsList;
import vn.tonghop.testing.PrintedPages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * {@code tonghop user unions}: the accounts of Đồng Nai's unions from the sample registry
 * ({@code input-samples/danh-sach-cdcs-2026.xlsx}), their list in an {@code .xlsx} and a
 * {@code .csv} (read back), the codes never on the terminal; a union signs in to the
 * console with its code and is sent to choose a password; the next registry, without one
 * union, disables its account and keeps the others without new codes. Without a registry
 * the command refuses as for a bad argument.
 */
class UnionAccountsCommandIntegrationTests {

	static final Path SAMPLE_REGISTRY = Path.of("input-samples/danh-sach-cdcs-2026.xlsx");

	static final String ADDRESS = "https://tonghop.ldld.example.vn/";

	@TempDir
	Path work;

	Path data() {
		// where ConsoleServer keeps its database: the console later opens the same one
		return this.work.resolve("dữ liệu");
	}

	Runs.Result tonghop(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--data-dir", data().toString()));
		return Runs.tonghop(all.toArray(String[]::new));
	}

	Runs.Result unions(String... args) {
		String before = System.getProperty("tonghop.console.public-url");
		System.setProperty("tonghop.console.public-url", ADDRESS);
		try {
			List<String> all = new ArrayList<>(List.of("user", "unions", "--year", "2026"));
			all.addAll(List.of(args));
			return tonghop(all.toArray(String[]::new));
		}
		finally {
			if (before == null) {
				System.clearProperty("tonghop.console.public-url");
			}
			else {
				System.setProperty("tonghop.console.public-url", before);
			}
		}
	}

	static List<List<String>> cells(Path xlsx) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		DataFormatter formatter = new DataFormatter();
		try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			for (int r = 2; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> values = new ArrayList<>();
				for (int c = 0; c < UnionAccountsList.HEADINGS.size(); c++) {
					values.add(formatter.formatCellValue(row.getCell(c)));
				}
				rows.add(values);
			}
		}
		return rows;
	}

	@Test
	void refusesWithoutARegistry() {
		Runs.Result refused = unions("--province", "75", "--out", this.work.toString());
		assertThat(refused.status()).isEqualTo(BadArguments.STATUS);
		assertThat(refused.err()).contains("Chưa nạp danh sách công đoàn cơ sở năm 2026");
		try (var files = Files.list(this.work)) {
			assertThat(files.map((file) -> file.getFileName().toString())).noneMatch((name) -> name.endsWith(".xlsx"));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void makesTheAccountsOfAProvinceThenTheNextRegistryDisablesADroppedUnion() throws Exception {
		Runs.Result loaded = tonghop("registry", "--input", SAMPLE_REGISTRY.toString(), "--year", "2026");
		assertThat(loaded.status()).as(loaded.err()).isZero();
		Path out = this.work.resolve("danh sách gửi CĐCS");

		Runs.Result made = unions("--province", "Đồng Nai", "--out", out.toString());
		assertThat(made.status()).as(made.err()).isZero();
		Path xlsx = out.resolve("tai-khoan-cdcs-2026-75.xlsx");
		Path csv = out.resolve("tai-khoan-cdcs-2026-75.csv");
		assertThat(made.out()).contains(xlsx.toAbsolutePath().toString()).contains(csv.toAbsolutePath().toString());
		System.out.println(made.out());
		List<String> table = made.out()
			.lines()
			.dropWhile((line) -> !line.startsWith("Tỉnh/thành phố"))
			.takeWhile((line) -> !line.startsWith("Danh sách tài khoản"))
			.toList();
		assertThat(table).hasSize(3);
		assertThat(table.stream().mapToInt(TerminalTable::width).max().orElseThrow()).as(made.out())
			.isLessThanOrEqualTo(80);
		try (var files = Files.list(out)) {
			assertThat(files.map((file) -> file.getFileName().toString())).as("no temporary file left")
				.containsExactlyInAnyOrder(xlsx.getFileName().toString(), csv.getFileName().toString());
		}

		List<List<String>> rows = cells(xlsx);
		assertThat(rows.get(0)).containsExactlyElementsOf(UnionAccountsList.HEADINGS);
		List<List<String>> lines = rows.subList(1, rows.size());
		List<String[]> csvRows = Runs.csv(csv);
		assertThat(csvRows.get(0)).containsExactly("Mã CĐCS", "Tên CĐCS", "Tỉnh/thành phố", "Tên đăng nhập",
				"Mã đăng nhập một lần", "Địa chỉ console", "Ghi chú");
		assertThat(csvRows).hasSize(rows.size());
		Map<String, String> codes = new TreeMap<>();
		for (int i = 0; i < lines.size(); i++) {
			List<String> line = lines.get(i);
			assertThat(csvRows.get(i + 1)).as("the csv says what the workbook says").containsExactlyElementsOf(line);
			assertThat(line.get(2)).isEqualTo("Đồng Nai");
			assertThat(line.get(3)).isEqualTo(line.get(0).toLowerCase());
			assertThat(line.get(4)).hasSize(16);
			assertThat(line.get(5)).isEqualTo(ADDRESS);
			assertThat(line.get(6)).isEqualTo("tạo mới");
			codes.put(line.get(3), line.get(4));
		}
		// CD750330 is one of the 3 unions of the sample registry that sent nothing
		assertThat(codes).containsKey("cd750330").hasSizeGreaterThan(2);
		for (String code : codes.values()) {
			assertThat(made.out() + made.err()).as("a code is in the files only").doesNotContain(code);
		}
		assertThat(made.out()).contains("Đồng Nai").contains("Cộng");

		// the list as printed: readable, the headings on its page (where LibreOffice is
		// installed, as on CI; the rest of the test runs without it)
		if (PrintedPages.soffice() != null) {
			PrintedPages printed = PrintedPages.print(xlsx, Path.of("target/printed-pages/union-accounts"), 60);
			for (PrintedPages.Page page : printed.pages()) {
				assertThat(page.smallestFontSize()).as("page %d: %s", page.number(), page.smallLines())
					.isGreaterThanOrEqualTo(7f);
				assertThat(page.text()).contains("Mã đăng nhập một lần");
			}
		}

		// a union signs in with its code: first to choose its password
		String dropped = codes.keySet().iterator().next();
		try (ConsoleServer server = ConsoleServer.start(this.work)) {
			MockMvc mvc = server.mockMvc();
			mvc.perform(post("/sign-in").param("username", "CD750330")
				.param("password", codes.get("cd750330"))
				.with(csrf())).andExpect(redirectedUrl("/password"));
			mvc.perform(post("/sign-in").param("username", dropped).param("password", "sai-ma-dang-nhap").with(csrf()))
				.andExpect(redirectedUrl("/sign-in?error"));
			assertThat(server.query("SELECT action FROM audit_log WHERE action = 'UNION_ACCOUNTS_CREATED'")).hasSize(1);
		}

		// the next registry: Đồng Nai's unions but one
		Path next = this.work.resolve("danh-sach-moi.csv");
		StringBuilder registry = new StringBuilder("\uFEFFMã CĐCS;Tên CĐCS;Tỉnh/thành phố;Khu vực\n");
		String droppedCode = null;
		for (List<String> line : lines) {
			if (line.get(3).equals(dropped)) {
				droppedCode = line.get(0);
				continue;
			}
			registry.append(line.get(0)).append(';').append(line.get(1)).append(";Đồng Nai;FDI\n");
		}
		Files.writeString(next, registry.toString(), StandardCharsets.UTF_8);
		assertThat(tonghop("registry", "--input", next.toString(), "--year", "2026").status()).isZero();

		Runs.Result again = unions("--province", "75", "--out", out.toString());
		assertThat(again.status()).as(again.err()).isZero();
		List<List<String>> second = cells(xlsx);
		List<List<String>> secondLines = second.subList(1, second.size());
		assertThat(secondLines).hasSize(lines.size());
		for (List<String> line : secondLines) {
			if (line.get(0).equals(droppedCode)) {
				assertThat(line.get(4)).isEmpty();
				assertThat(line.get(6)).isEqualTo("vô hiệu hoá: không còn trong danh sách");
			}
			else {
				assertThat(line.get(4)).as("no new code for a kept account").isEqualTo("đã có tài khoản");
				assertThat(line.get(6)).isEqualTo("đã có tài khoản");
			}
		}
		assertThat(Runs.csv(csv)).hasSize(second.size());
		String enabled = Runs.asked(database(), "SELECT CASE WHEN enabled THEN 'yes' ELSE 'no' END FROM console_user"
				+ " WHERE union_code = '" + droppedCode + "'");
		assertThat(enabled).isEqualTo("no");
		String stillEnabled = Runs.asked(database(),
				"SELECT CAST(COUNT(*) AS VARCHAR(20)) FROM console_user WHERE role = 'UNION' AND enabled");
		assertThat(Integer.parseInt(stillEnabled)).isEqualTo(lines.size() - 1);
		String audited = Runs.asked(database(), "SELECT detail FROM audit_log WHERE action = 'UNION_ACCOUNTS_CREATED'"
				+ " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY");
		assertThat(audited).startsWith(
				"năm 2026, 75: 0 tạo mới, " + (lines.size() - 1) + " đã có, 0 kích hoạt lại," + " 1 vô hiệu hoá");
	}

	DatabaseOptions database() {
		DatabaseOptions options = new DatabaseOptions();
		if (vn.tonghop.TestDatabase.postgresql()) {
			options.jdbcUrl = vn.tonghop.TestDatabase.url(data());
		}
		else {
			options.dataDir = data();
		}
		return options;
	}

}
