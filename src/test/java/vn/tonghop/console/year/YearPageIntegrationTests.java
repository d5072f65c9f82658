package vn.tonghop.console.year;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.tonghop.cli.ConsoleServer;
import vn.tonghop.console.files.PageText;
import vn.tonghop.intake.Checksums;
import vn.tonghop.registry.RegistryEntry;
import vn.tonghop.registry.RegistryReader;
import vn.tonghop.registry.RegistryStore;
import vn.tonghop.serve.ServeSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The year at a glance ({@code GET /}) and the list of missing unions
 * ({@code GET /year/missing.csv}) on the 2026 samples: the counts are those of the
 * published files.csv, returns.csv and issues.csv, for the whole federation and for one
 * province; the registry's absence is explained; missing.csv holds the user's provinces
 * only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YearPageIntegrationTests {

	/** A registered union of Đồng Nai that sends nothing, its name HTML. */
	static final String SCRIPT_NAME = "<script>alert(1)</script>";

	@TempDir
	static Path work;

	static ConsoleServer server;

	static MockMvc mvc;

	@BeforeAll
	static void start() throws Exception {
		server = ConsoleServer.start(work);
		mvc = server.mockMvc();
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void theFilesOfTheYearAreCountedAsFilesCsvCountsThem() throws Exception {
		String page = page("/", ConsoleServer.ADMIN);
		Map<String, Long> expected = statuses((path) -> true);
		assertThat(expected.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(26);
		assertThat(shownStatuses(page)).isEqualTo(expected);
		assertThat(PageText.cardValue(page, "returns-accepted")).isEqualTo(returnsCsv((row) -> true));
	}

	@Test
	void anAnalystSeesTheCountsOfHerProvinceOnly() throws Exception {
		Map<String, Long> dongNai = statuses((path) -> path.startsWith("ldld-dong-nai/"));
		assertThat(dongNai).containsEntry("accepted", 2L).containsEntry("superseded", 1L);
		assertThat(shownStatuses(page("/", ConsoleServer.DONG_NAI))).isEqualTo(dongNai);
		assertThat(PageText.cardValue(page("/", ConsoleServer.DONG_NAI), "returns-accepted"))
			.isEqualTo(returnsCsv((row) -> ConsoleServer.DONG_NAI_CODE.equals(row[2])));
		assertThat(shownStatuses(page("/", ConsoleServer.HA_NOI)))
			.isEqualTo(statuses((path) -> path.startsWith("ldld-ha-noi/")));
	}

	@Test
	void findingsByRuleAreThoseOfIssuesCsvWithWhatTheRuleChecks() throws Exception {
		List<String[]> issues = PageText.csv(year().resolve("issues.csv"));
		Map<String, Long> all = new TreeMap<>();
		Map<String, Long> dongNai = new TreeMap<>();
		for (String[] row : issues.subList(1, issues.size())) {
			String key = row[4] + " " + row[5].toUpperCase(java.util.Locale.ROOT);
			all.merge(key, 1L, Long::sum);
			if (row[0].startsWith("ldld-dong-nai/")) {
				dongNai.merge(key, 1L, Long::sum);
			}
		}
		String admin = page("/", ConsoleServer.ADMIN);
		assertThat(shownFindings(admin)).isEqualTo(all);
		assertThat(shownFindings(page("/", ConsoleServer.DONG_NAI))).isEqualTo(dongNai).isNotEmpty();
		List<String> r09 = PageText.table(admin, "findings")
			.stream()
			.filter((row) -> row.get(0).equals("R09"))
			.findFirst()
			.orElseThrow();
		assertThat(r09.get(1)).isEqualTo("Lỗi");
		assertThat(r09.get(3)).contains("Tổng số đoàn viên công đoàn (A02) không được lớn hơn");
		String english = page("/?lang=en", ConsoleServer.ADMIN);
		assertThat(PageText.table(english, "findings"))
			.anySatisfy((row) -> assertThat(row).containsExactly("R09", "Error", "1", "members more than workers"));
	}

	@Test
	void theLastRunsAndTheNextOneAreShown() throws Exception {
		String page = page("/", ConsoleServer.DONG_NAI);
		List<List<String>> runs = PageText.table(page, "runs");
		assertThat(runs.get(0).get(0)).isEqualTo("Lần nhận báo cáo gần nhất");
		assertThat(runs.get(0).get(1)).endsWith(": xong");
		assertThat(runs.get(1).get(0)).isEqualTo("Lần tổng hợp gần nhất");
		assertThat(runs.get(1).get(1)).endsWith(": xong");
		ServeSettings settings = server.bean(ServeSettings.class);
		ZonedDateTime next = CronExpression.parse(settings.cron()).next(ZonedDateTime.now(settings.zone()));
		assertThat(PageText.byId(page, "next-run"))
			.isEqualTo(next.format(DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")) + " (" + settings.zone() + ")");
	}

	@Test
	void anotherYearIsShownWhenItHasDataAndNotFoundOtherwiseAndAPasswordChangeIsConfirmed() throws Exception {
		mvc.perform(get("/").param("year", "2026").with(server.as(ConsoleServer.ADMIN))).andExpect(status().isOk());
		assertThat(page("/?password-changed", ConsoleServer.HA_NOI)).contains("Đã đổi mật khẩu.");
		assertThat(page("/", ConsoleServer.HA_NOI)).doesNotContain("Đã đổi mật khẩu.");
		mvc.perform(get("/").param("year", "1999").with(server.as(ConsoleServer.ADMIN)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/year/missing.csv").param("year", "1999").with(server.as(ConsoleServer.ADMIN)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aSessionIsNeededAndAdministrationIsTheAdminsOnly() throws Exception {
		mvc.perform(get("/")).andExpect(redirectedUrl("/sign-in"));
		mvc.perform(get("/year/missing.csv")).andExpect(redirectedUrl("/sign-in"));
		mvc.perform(get("/admin/registry").with(server.as(ConsoleServer.DONG_NAI))).andExpect(status().isForbidden());
	}

	@Test
	@Order(1)
	void withoutARegistryThePageSaysHowToLoadOne() throws Exception {
		String page = page("/", ConsoleServer.DONG_NAI);
		assertThat(PageText.byId(page, "no-registry")).contains("Chưa nạp danh sách")
			.contains("/admin/registry")
			.contains("tonghop registry");
		assertThat(page).doesNotContain("id=\"unions-missing\"");
		mvc.perform(get("/year/missing.csv").with(server.as(ConsoleServer.ADMIN))).andExpect(status().isNotFound());
	}

	@Test
	@Order(2)
	void missingCsvListsTheMissingUnionsOfTheUsersProvinces() throws Exception {
		expectedInDongNai = loadRegistry();
		String admin = csvText("/year/missing.csv", ConsoleServer.ADMIN);
		assertThat(admin).startsWith("\uFEFF");
		List<String[]> all = PageText.csv(admin);
		assertThat(all.get(0)).containsExactly("STT", "Mã CĐCS", "Tên CĐCS", "Mã tỉnh", "Tỉnh, thành phố", "Khu vực");
		assertThat(codes(all)).containsExactlyInAnyOrder("CD750330", "CD010412", "CD560430", "CD759999");
		assertThat(codes(PageText.csv(csvText("/year/missing.csv", ConsoleServer.DONG_NAI))))
			.containsExactlyInAnyOrder("CD750330", "CD759999");
		assertThat(codes(PageText.csv(csvText("/year/missing.csv", ConsoleServer.HA_NOI)))).containsExactly("CD010412");
		MvcResult download = mvc.perform(get("/year/missing.csv").with(server.as(ConsoleServer.DONG_NAI)))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(download.getResponse().getHeader("Content-Disposition"))
			.contains("filename*=UTF-8''C%C4%90CS%20ch%C6%B0a%20b%C3%A1o%20c%C3%A1o%202026.csv");
		assertThat(server.query("SELECT username, detail FROM audit_log WHERE action = 'DOWNLOAD'"))
			.anySatisfy((row) -> assertThat(row.values().toString()).contains(ConsoleServer.DONG_NAI)
				.contains("chưa báo cáo 2026"));
	}

	@Test
	@Order(3)
	void withARegistryCompletenessIsTheProvincesAndNamesAreShownAsText() throws Exception {
		String page = page("/", ConsoleServer.DONG_NAI);
		assertThat(page).doesNotContain("id=\"no-registry\"");
		assertThat(PageText.cardValue(page, "unions-missing")).isEqualTo(2);
		assertThat(PageText.cardValue(page, "unions-expected")).isEqualTo(expectedInDongNai);
		List<List<String>> missing = PageText.table(page, "missing");
		assertThat(missing).extracting((row) -> row.get(0))
			.containsExactlyInAnyOrder("Mã CĐCS", "CD750330", "CD759999");
		assertThat(missing).anySatisfy((row) -> assertThat(row.get(1)).isEqualTo(SCRIPT_NAME));
		assertThat(page).doesNotContain(SCRIPT_NAME).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		assertThat(PageText.cardValue(page("/", ConsoleServer.ADMIN), "unions-missing")).isEqualTo(4);
	}

	/**
	 * The sample registry, and a union of Đồng Nai named {@link #SCRIPT_NAME} that sends
	 * nothing.
	 */
	static long loadRegistry() throws Exception {
		Path file = Path.of("input-samples/danh-sach-cdcs-2026.xlsx");
		List<RegistryEntry> entries = new ArrayList<>(
				server.bean(RegistryReader.class).read(file, ConsoleServer.YEAR).entries());
		assertThat(entries).extracting(RegistryEntry::unionCode).contains("CD750330", "CD010412", "CD560430");
		entries.add(new RegistryEntry(entries.size() + 10, "CD759999", SCRIPT_NAME, "Đồng Nai",
				ConsoleServer.DONG_NAI_CODE, "Doanh nghiệp nhà nước", "DNNN", null));
		server.bean(RegistryStore.class)
			.replace(ConsoleServer.YEAR, file.toAbsolutePath().toString(), Checksums.sha256(file), entries);
		return entries.stream().filter((entry) -> ConsoleServer.DONG_NAI_CODE.equals(entry.provinceCode())).count();
	}

	/** How many unions of Đồng Nai the registry loaded expects. */
	static long expectedInDongNai;

	private static List<String> codes(List<String[]> csv) {
		return csv.subList(1, csv.size()).stream().map((row) -> row[1]).toList();
	}

	private static String page(String url, String user) throws Exception {
		return mvc.perform(get(url).with(server.as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String csvText(String url, String user) throws Exception {
		return new String(mvc.perform(get(url).with(server.as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private static Path year() {
		return server.output().resolve(String.valueOf(ConsoleServer.YEAR));
	}

	/** files.csv's rows whose path passes, by status; every status present. */
	private static Map<String, Long> statuses(Predicate<String> path) throws Exception {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String status : List.of("accepted", "rejected", "superseded", "duplicate", "unreadable", "skipped")) {
			counts.put(status, 0L);
		}
		List<String[]> files = PageText.csv(year().resolve("files.csv"));
		assertThat(files.get(0)).containsExactly("source_file", "sha256", "bytes", "status", "reason");
		for (String[] row : files.subList(1, files.size())) {
			if (path.test(row[0])) {
				counts.merge(row[3], 1L, Long::sum);
			}
		}
		return counts;
	}

	/** The file counts the page shows, by status. */
	private static Map<String, Long> shownStatuses(String page) {
		Map<String, Long> shown = new LinkedHashMap<>();
		for (String status : List.of("accepted", "rejected", "superseded", "duplicate", "unreadable", "skipped")) {
			shown.put(status, PageText.cardValue(page, "files-" + status));
		}
		return shown;
	}

	/** returns.csv's rows that pass: the returns that count. */
	private static long returnsCsv(Predicate<String[]> row) throws Exception {
		List<String[]> returns = PageText.csv(year().resolve("returns.csv"));
		return returns.subList(1, returns.size()).stream().filter(row).count();
	}

	/** The findings table: "rule SEVERITY" to count. */
	private static Map<String, Long> shownFindings(String page) {
		Map<String, Long> shown = new TreeMap<>();
		if (page.contains("id=\"findings\"")) {
			List<List<String>> rows = PageText.table(page, "findings");
			for (List<String> row : rows.subList(1, rows.size())) {
				String severity = row.get(1).equals("Lỗi") ? "ERROR" : "WARNING";
				shown.put(row.get(0) + " " + severity, Long.valueOf(row.get(2)));
			}
		}
		return shown;
	}

}
