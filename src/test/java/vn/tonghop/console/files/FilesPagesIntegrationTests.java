package vn.tonghop.console.files;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.cli.ConsoleServer;
import vn.tonghop.store.UnionSubmissions;
import vn.tonghop.report.FeedbackReports;
import vn.tonghop.template.FormContent;
import vn.tonghop.testing.ValidReturns;
import vn.tonghop.template.FormStyle;
import vn.tonghop.template.ReturnFormWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Files and findings ({@code GET /files}, {@code /files/{id}} and its two downloads) on
 * the 2026 samples and one more return of Đồng Nai written by the project's form writer,
 * whose union name and file name are HTML: the list is files.csv's, filtered; a file's
 * page shows its findings and its union's other returns; the downloads are the inbox's
 * and phan-hoi/'s bytes; another province's files are not found.
 */
class FilesPagesIntegrationTests {

	/** The extra return: its path in the inbox, its union code and name. */
	static final String SCRIPT_FILE = "ldld-dong-nai/cd-<i>moi</i>.xlsx";

	static final String SCRIPT_CODE = "CD75000999";

	static final String SCRIPT_NAME = "<script>alert(1)</script>";

	static final String LONG_KHANH = "ldld-dong-nai/Báo cáo thi đua 2026 - CĐ Bệnh viện Đa khoa Long Khánh.xlsx";

	static final String TIN_PHAT_2 = "ldld-dong-nai/cd-cong-ty-may-tin-phat-lan-2.xlsx";

	static final String TIN_PHAT_1 = "ldld-dong-nai/cd-cong-ty-may-tin-phat-lan-1.xlsx";

	static final String BAO_BI = "cd-cac-kcn-bac-ninh/cd-cong-ty-bao-bi-tan-tien.xlsx";

	/** A return whose province is not known (R02): the ADMIN's only. */
	static final String NO_PROVINCE = "ldld-tp-ho-chi-minh/cd-cong-ty-co-phan-det-an-phu.xlsx";

	static final String HA_NOI_FILE = "ldld-ha-noi/cd-benh-vien-bac-thang-long.xlsm";

	@TempDir
	static Path work;

	static ConsoleServer server;

	static MockMvc mvc;

	@BeforeAll
	static void start() throws Exception {
		Path inbox = work.resolve("Hộp thư/báo cáo 2026");
		copy(Path.of("input-samples/2026"), inbox);
		writeScriptReturn(inbox.resolve(SCRIPT_FILE));
		server = ConsoleServer.start(work, inbox);
		mvc = server.mockMvc();
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void theListIsFilesCsvWithItsCountsByStatus() throws Exception {
		List<String[]> files = filesCsv((row) -> true);
		String page = page("/files", ConsoleServer.ADMIN);
		assertThat(listed(page)).containsExactlyElementsOf(files.stream().map((row) -> row[0]).toList());
		Map<String, Long> counts = new LinkedHashMap<>();
		files.forEach((row) -> counts.merge(row[3], 1L, Long::sum));
		counts.forEach((status, n) -> assertThat(PageText.byId(page, "count-" + status)).endsWith("(" + n + ")"));
		List<List<String>> rows = PageText.table(page, "files");
		String[] baoBi = files.stream().filter((row) -> row[0].equals(BAO_BI)).findFirst().orElseThrow();
		assertThat(rows).anySatisfy(
				(row) -> assertThat(row).startsWith(BAO_BI, "bị từ chối").contains(baoBi[4]).contains("Bắc Ninh"));
	}

	@Test
	void theListIsFilteredByStatusProvinceRuleAndUnion() throws Exception {
		assertThat(listed(page("/files?status=rejected", ConsoleServer.ADMIN)))
			.containsExactlyElementsOf(paths(filesCsv((row) -> row[3].equals("rejected"))));
		assertThat(listed(page("/files?province=75", ConsoleServer.ADMIN)))
			.containsExactlyElementsOf(paths(filesCsv((row) -> row[0].startsWith("ldld-dong-nai/"))))
			.contains(SCRIPT_FILE);
		List<String> r09 = issuesCsv().stream().filter((row) -> row[4].equals("R09")).map((row) -> row[0]).toList();
		assertThat(listed(page("/files?rule=R09", ConsoleServer.ADMIN))).containsExactlyInAnyOrderElementsOf(r09)
			.containsExactlyInAnyOrder(BAO_BI, SCRIPT_FILE);
		assertThat(listed(page("/files?q=tín phát", ConsoleServer.ADMIN))).containsExactly(TIN_PHAT_1, TIN_PHAT_2);
		assertThat(listed(page("/files?q=CD240623", ConsoleServer.ADMIN))).containsExactly(BAO_BI);
		assertThat(listed(page("/files?status=accepted&province=75&rule=W06&q=May", ConsoleServer.DONG_NAI)))
			.containsExactly(TIN_PHAT_2);
		assertThat(listed(page("/files?status=superseded&province=75&rule=W06&q=May", ConsoleServer.DONG_NAI)))
			.isEmpty();
	}

	@Test
	void anAnalystListsTheFilesOfHerProvinceOnly() throws Exception {
		String page = page("/files", ConsoleServer.DONG_NAI);
		assertThat(listed(page))
			.containsExactlyElementsOf(paths(filesCsv((row) -> row[0].startsWith("ldld-dong-nai/"))));
		assertThat(page).contains("value=\"75\"").doesNotContain("value=\"01\"");
		mvc.perform(get("/files").param("province", "01").with(server.as(ConsoleServer.DONG_NAI)))
			.andExpect(status().isNotFound());
		assertThat(listed(page("/files?q=CD010118", ConsoleServer.DONG_NAI))).isEmpty();
	}

	@Test
	void aRejectedFilesPageShowsEachFindingsCellRuleAndMessage() throws Exception {
		String[] finding = issuesCsv().stream().filter((row) -> row[0].equals(BAO_BI)).findFirst().orElseThrow();
		String page = page("/files/" + id(BAO_BI), ConsoleServer.ADMIN);
		assertThat(PageText.byId(page, "status")).isEqualTo("bị từ chối");
		assertThat(PageText.byId(page, "reason")).contains("R09");
		List<List<String>> findings = PageText.table(page, "findings");
		assertThat(findings.get(1)).containsExactly(finding[1], finding[2], "R09", "Lỗi", finding[6]);
		assertThat(finding[2]).matches("[A-Z]+[0-9]+");
		String english = page("/files/" + id(BAO_BI) + "?lang=en", ConsoleServer.ADMIN);
		assertThat(PageText.table(english, "findings").get(1)).contains("Error", "R09");
	}

	@Test
	void aFilesPageShowsWhichReturnOfItsUnionCountsAndWhatItReplaced() throws Exception {
		String page = page("/files/" + id(TIN_PHAT_2), ConsoleServer.DONG_NAI);
		List<List<String>> others = PageText.table(page, "others");
		assertThat(others).hasSize(3);
		assertThat(others.get(1)).startsWith("CD750101", TIN_PHAT_1);
		assertThat(others.get(1)).contains("bị thay thế", "bị thay bằng báo cáo trong " + TIN_PHAT_2);
		assertThat(others.get(2)).startsWith("CD750101", TIN_PHAT_2 + " (tệp này)");
		assertThat(others.get(2)).contains("được tính", "thay cho báo cáo trong " + TIN_PHAT_1);
		assertThat(page).contains("href=\"/files/" + id(TIN_PHAT_1) + "\"");
	}

	@Test
	void theOriginalIsTheInboxsFileUnderItsVietnameseName() throws Exception {
		MvcResult download = mvc
			.perform(get("/files/" + id(LONG_KHANH) + "/original").with(server.as(ConsoleServer.DONG_NAI)))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(download.getResponse().getContentAsByteArray())
			.isEqualTo(Files.readAllBytes(server.inbox().resolve(LONG_KHANH)));
		assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment")
			.contains("filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20thi%20%C4%91ua%202026");
		assertThat(server.query("SELECT username, detail FROM audit_log WHERE action = 'DOWNLOAD'"))
			.anySatisfy((row) -> assertThat(row.values().toString()).contains(ConsoleServer.DONG_NAI)
				.contains("bản gốc " + LONG_KHANH));
	}

	@Test
	void theFeedbackCopyIsTheOneInPhanHoi() throws Exception {
		Path copy = server.output()
			.resolve(String.valueOf(ConsoleServer.YEAR))
			.resolve(FeedbackReports.FOLDER)
			.resolve("ldld-dong-nai__cd-cong-ty-may-tin-phat-lan-2.xlsx");
		assertThat(copy).isRegularFile();
		String page = page("/files/" + id(TIN_PHAT_2), ConsoleServer.DONG_NAI);
		assertThat(page).contains("id=\"download-feedback\"");
		MvcResult download = mvc
			.perform(get("/files/" + id(TIN_PHAT_2) + "/feedback").with(server.as(ConsoleServer.DONG_NAI)))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(Files.readAllBytes(copy));
		assertThat(download.getResponse().getHeader("Content-Disposition"))
			.contains("ldld-dong-nai__cd-cong-ty-may-tin-phat-lan-2.xlsx");
		// a file without findings has no copy
		assertThat(page("/files/" + id(LONG_KHANH), ConsoleServer.DONG_NAI)).doesNotContain("id=\"download-feedback\"");
		mvc.perform(get("/files/" + id(LONG_KHANH) + "/feedback").with(server.as(ConsoleServer.DONG_NAI)))
			.andExpect(status().isNotFound());
	}

	@Test
	void anotherProvincesFileAndItsDownloadsAreNotFound() throws Exception {
		for (String user : List.of(ConsoleServer.HA_NOI)) {
			for (String file : List.of(TIN_PHAT_2, LONG_KHANH)) {
				for (String suffix : List.of("", "/original", "/feedback")) {
					mvc.perform(get("/files/" + id(file) + suffix).with(server.as(user)))
						.andExpect(status().isNotFound());
				}
			}
		}
		mvc.perform(get("/files/" + id(HA_NOI_FILE)).with(server.as(ConsoleServer.DONG_NAI)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/files/" + id(HA_NOI_FILE)).with(server.as(ConsoleServer.HA_NOI))).andExpect(status().isOk());
		mvc.perform(get("/files/999999").with(server.as(ConsoleServer.ADMIN))).andExpect(status().isNotFound());
		// an id is a number of a row, nothing else
		for (String id : List.of("-1", "abc", "1.0", "1e3")) {
			mvc.perform(get("/files/" + id + "/original").with(server.as(ConsoleServer.ADMIN)))
				.andExpect(status().isNotFound());
		}
	}

	@Test
	void aFileOfNoProvinceIsTheAdminsOnly() throws Exception {
		assertThat(server.query("SELECT r.province_code FROM return_record r JOIN submission s"
				+ " ON s.id = r.submission_id WHERE s.source_file = ?", NO_PROVINCE))
			.allSatisfy((row) -> assertThat(row.values()).containsOnlyNulls());
		for (String user : List.of(ConsoleServer.DONG_NAI, ConsoleServer.HA_NOI)) {
			mvc.perform(get("/files/" + id(NO_PROVINCE)).with(server.as(user))).andExpect(status().isNotFound());
			assertThat(listed(page("/files", user))).doesNotContain(NO_PROVINCE);
		}
		mvc.perform(get("/files/" + id(NO_PROVINCE)).with(server.as(ConsoleServer.ADMIN))).andExpect(status().isOk());
		assertThat(listed(page("/files", ConsoleServer.ADMIN))).contains(NO_PROVINCE);
	}

	@Test
	void anOriginalGoneFromTheInboxIsSaidSo() throws Exception {
		String gone = "ldld-khanh-hoa/cd-cang-ca-hon-ro.xlsx";
		Files.move(server.inbox().resolve(gone), work.resolve("đã chuyển.xlsx"));
		MvcResult result = mvc.perform(get("/files/" + id(gone) + "/original").with(server.as(ConsoleServer.ADMIN)))
			.andExpect(status().isNotFound())
			.andReturn();
		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("đã được chuyển đi hoặc xóa khỏi hộp thư");
		assertThat(page("/files/" + id(gone), ConsoleServer.ADMIN)).doesNotContain("id=\"download-original\"")
			.contains("Tệp gốc không còn trong hộp thư");
	}

	@Test
	void namesHoldingHtmlAreShownAsText() throws Exception {
		String list = page("/files?q=" + SCRIPT_CODE, ConsoleServer.DONG_NAI);
		assertThat(listed(list)).containsExactly(SCRIPT_FILE);
		assertThat(PageText.table(list, "files").get(1)).contains(SCRIPT_CODE + " " + SCRIPT_NAME);
		String file = page("/files/" + id(SCRIPT_FILE), ConsoleServer.DONG_NAI);
		assertThat(PageText.table(file, "returns").get(1)).contains(SCRIPT_NAME);
		for (String page : List.of(list, file)) {
			assertThat(page).doesNotContain(SCRIPT_NAME)
				.doesNotContain("<i>moi</i>")
				.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
				.contains("&lt;i&gt;moi&lt;/i&gt;");
		}
	}

	@Test
	void aSessionIsNeeded() throws Exception {
		long id = id(TIN_PHAT_2);
		for (String url : List.of("/files", "/files/" + id, "/files/" + id + "/original",
				"/files/" + id + "/feedback")) {
			mvc.perform(get(url)).andExpect(redirectedUrl("/sign-in"));
		}
	}

	/** The intake log row a file's page is found by: its latest look. */
	@Test
	void aResubmittedReturnsPageShowsWhatChangedFromTheUnionsAcceptedReturnBefore() throws Exception {
		String second = page("/files/" + id("ldld-dong-nai/cd-cong-ty-may-tin-phat-lan-2.xlsx"),
				ConsoleServer.DONG_NAI);
		List<List<String>> changes = PageText.table(second, "changes");
		// as tonghop history --union CD750101 --year 2026 prints them
		List<UnionSubmissions.Change> expected = new UnionSubmissions(server.bean(JdbcTemplate.class))
			.of(2026, "CD750101")
			.get(1)
			.changes();
		assertThat(changes).hasSize(expected.size() + 1);
		assertThat(changes).contains(List.of("CD750101", "A02", "77", "89", "E14"));
		String first = page("/files/" + id("ldld-dong-nai/cd-cong-ty-may-tin-phat-lan-1.xlsx"), ConsoleServer.DONG_NAI);
		assertThat(first).doesNotContain("id=\"changes\"");
	}

	private static long id(String sourceFile) {
		Object id = server.query("SELECT MAX(id) FROM intake_log WHERE source_file = ?", sourceFile)
			.get(0)
			.values()
			.iterator()
			.next();
		assertThat(id).as(sourceFile).isNotNull();
		return ((Number) id).longValue();
	}

	private static String page(String url, String user) throws Exception {
		return mvc.perform(get(url).with(server.as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The paths the list shows, in its order. */
	private static List<String> listed(String page) {
		if (!page.contains("id=\"files\"")) {
			return List.of();
		}
		List<List<String>> rows = PageText.table(page, "files");
		return rows.subList(1, rows.size()).stream().map((row) -> row.get(0)).toList();
	}

	private static List<String> paths(List<String[]> rows) {
		return rows.stream().map((row) -> row[0]).toList();
	}

	private static List<String[]> filesCsv(Predicate<String[]> row) throws Exception {
		List<String[]> files = PageText.csv(year().resolve("files.csv"));
		return files.subList(1, files.size()).stream().filter(row).toList();
	}

	private static List<String[]> issuesCsv() throws Exception {
		List<String[]> issues = PageText.csv(year().resolve("issues.csv"));
		return issues.subList(1, issues.size());
	}

	private static Path year() {
		return server.output().resolve(String.valueOf(ConsoleServer.YEAR));
	}

	/** The sample returns, each file's time the same, as ConsoleServer copies them. */
	static void copy(Path from, Path to) throws Exception {
		FileTime time = FileTime.from(Instant.parse("2026-11-15T08:00:00Z"));
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path copy = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(file, copy);
					Files.setLastModifiedTime(copy, time);
				}
			}
		}
	}

	/**
	 * A return of Đồng Nai on the standard form, its union named {@link #SCRIPT_NAME},
	 * with more members than workers (R09): rejected, with a finding and a feedback copy.
	 */
	static void writeScriptReturn(Path file) throws Exception {
		IndicatorCatalogue catalogue = IndicatorCatalogue.load();
		Map<String, String> header = new LinkedHashMap<>();
		header.put("union_code", SCRIPT_CODE);
		header.put("union_name", SCRIPT_NAME);
		header.put("province", "Đồng Nai");
		header.put("sector", "Doanh nghiệp ngoài nhà nước");
		header.put("industry", "C");
		header.put("year", String.valueOf(ConsoleServer.YEAR));
		FormContent valid = ValidReturns.content(catalogue, header);
		// then more members than workers
		Map<String, FormContent.Entry> values = new LinkedHashMap<>(valid.values());
		values.put("A02", new FormContent.Entry(1500L, 700L));
		Files.createDirectories(file.getParent());
		new ReturnFormWriter(catalogue).write(new FormContent(header, values), FormStyle.standard(), file);
		Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-15T08:00:00Z")));
	}

}
