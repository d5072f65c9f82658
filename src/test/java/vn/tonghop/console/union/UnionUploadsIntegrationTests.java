package vn.tonghop.console.union;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.tonghop.cli.ConsoleServer;
import vn.tonghop.console.HttpForms;
import vn.tonghop.console.users.ConsoleUser;
import vn.tonghop.console.users.ConsoleUsers;
import vn.tonghop.hostile.HostileCorpus;
import vn.tonghop.intake.Checksums;
import vn.tonghop.registry.RegistryReader;
import vn.tonghop.registry.RegistryStore;
import vn.tonghop.rollup.Completeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A union sends its return through its page: the same reading, judging and storing as the
 * inbox, the findings on the page at once, its feedback copy, a later return superseding
 * the earlier, completeness current without a run; a file of another union refused with
 * nothing stored; another union's uploads out of reach; every file of the hostile corpus
 * answered with the inbox's reason.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnionUploadsIntegrationTests {

	static final String TAN_MAI_USER = "cd750330";

	static final String OTHER_USER = "cd750214";

	@TempDir
	static Path work;

	static ConsoleServer server;

	static MockMvc mvc;

	static long tanMai;

	static long rejected;

	@BeforeAll
	static void start() throws Exception {
		server = ConsoleServer.start(work);
		mvc = server.mockMvc();
		Path registry = Path.of("input-samples/danh-sach-cdcs-2026.xlsx");
		server.bean(RegistryStore.class)
			.replace(2026, registry.toAbsolutePath().toString(), Checksums.sha256(registry),
					server.bean(RegistryReader.class).read(registry, 2026).entries());
		ConsoleUsers users = server.bean(ConsoleUsers.class);
		ConsoleUser union = users.createUnion(TAN_MAI_USER, UnionReturns.TAN_MAI_NAME, UnionReturns.TAN_MAI, "75",
				"ma-mot-lan-1234");
		users.setPassword(union.id(), ConsoleServer.PASSWORD, false);
		tanMai = union.id();
		ConsoleUser other = users.createUnion(OTHER_USER, "Công đoàn Bệnh viện Đa khoa khu vực Long Khánh", "CD750214",
				"75", "ma-mot-lan-5678");
		users.setPassword(other.id(), ConsoleServer.PASSWORD, false);
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	@Order(1)
	void aReturnBreakingR11IsRejectedWithItsCellAndMessageOnThePage() throws Exception {
		Path file = UnionReturns.write(work.resolve("gửi/bao cao tan mai.xlsx"), UnionReturns.TAN_MAI,
				UnionReturns.TAN_MAI_NAME, 950, true);
		rejected = upload(TAN_MAI_USER, file);
		String page = page(TAN_MAI_USER, "/union/uploads/" + rejected);
		assertThat(page).contains("bị từ chối").contains("R11").contains("bao cao tan mai.xlsx");
		List<Map<String, Object>> finding = server.query("SELECT f.cell, f.message FROM finding f"
				+ " JOIN intake_log l ON l.submission_id = f.submission_id JOIN union_upload u ON u.intake_row = l.id"
				+ " WHERE u.id = ? AND f.rule = 'R11'", rejected);
		assertThat(finding).hasSize(1);
		assertThat(page).contains((String) finding.get(0).get("CELL")).contains((String) finding.get(0).get("MESSAGE"));

		// kept by its SHA-256 under the data folder, with the upload's time, never its
		// name
		Map<String, Object> upload = server.query("SELECT * FROM union_upload WHERE id = ?", rejected).get(0);
		String sha = Checksums.sha256(file);
		assertThat(upload.get("SHA256")).isEqualTo(sha);
		assertThat(upload.get("STATUS")).isEqualTo("READ");
		Path kept = work.resolve("dữ liệu").resolve((String) upload.get("STORED_FILE"));
		assertThat(kept.getFileName().toString()).isEqualTo(sha + ".xlsx");
		assertThat(Files.readAllBytes(kept)).isEqualTo(Files.readAllBytes(file));
		LocalDateTime uploadedAt = ((java.sql.Timestamp) upload.get("UPLOADED_AT")).toLocalDateTime();
		assertThat(Files.getLastModifiedTime(kept).toInstant())
			.isEqualTo(uploadedAt.atZone(java.time.ZoneId.systemDefault()).toInstant());
		// known in the intake log, the files' list and the findings by the union, the
		// time
		// and the name its browser sent
		assertThat((String) server.query("SELECT source_file FROM intake_log WHERE id = ?", upload.get("INTAKE_ROW"))
			.get(0)
			.get("SOURCE_FILE")).startsWith("tai-len/CD750330/2026-").endsWith(" - bao cao tan mai.xlsx");
		// stored as the inbox stores a file: its submission names where it is
		assertThat(server
			.query("SELECT s.source_path FROM submission s JOIN intake_log l ON l.submission_id = s.id"
					+ " WHERE l.id = ?", upload.get("INTAKE_ROW"))
			.get(0)
			.get("SOURCE_PATH")).isEqualTo(kept.toAbsolutePath().normalize().toString());
	}

	@Test
	@Order(2)
	void itsFeedbackCopyMarksTheCell() throws Exception {
		MvcResult result = mvc.perform(get("/union/uploads/" + rejected + "/phan-hoi").with(server.as(TAN_MAI_USER)))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(result.getResponse().getHeader("Content-Disposition")).contains("phan-hoi.xlsx");
		String cell = (String) server
			.query("SELECT f.cell FROM finding f JOIN intake_log l"
					+ " ON l.submission_id = f.submission_id JOIN union_upload u ON u.intake_row = l.id"
					+ " WHERE u.id = ? AND f.rule = 'R11'", rejected)
			.get(0)
			.get("CELL");
		try (Workbook copy = WorkbookFactory
			.create(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			StringBuilder text = new StringBuilder();
			for (Sheet sheet : copy) {
				sheet.forEach((row) -> row.forEach((c) -> text.append(c.toString()).append('\n')));
			}
			assertThat(text).contains("R11").contains(cell);
		}
	}

	@Test
	@Order(3)
	void theCorrectedReturnIsAcceptedCountsAtOnceAndALaterOneSupersedesIt() throws Exception {
		Completeness completeness = server.bean(Completeness.class);
		long before = line(completeness, "75").accepted();
		long first = upload(TAN_MAI_USER, UnionReturns.write(work.resolve("gửi/bao cao tan mai (sua).xlsx"),
				UnionReturns.TAN_MAI, UnionReturns.TAN_MAI_NAME, 950, false));
		assertThat(page(TAN_MAI_USER, "/union/uploads/" + first)).contains("được chấp nhận");
		// without a run: completeness and the analyst's year page count it
		assertThat(line(completeness, "75").accepted()).isEqualTo(before + 1);

		long second = upload(TAN_MAI_USER, UnionReturns.write(work.resolve("gửi/bao cao tan mai (lan 3).xlsx"),
				UnionReturns.TAN_MAI, UnionReturns.TAN_MAI_NAME, 980, false));
		// the later return replaces the earlier, which its W06 names as the union knows
		// it
		assertThat(page(TAN_MAI_USER, "/union/uploads/" + second)).contains("được chấp nhận")
			.contains("W06")
			.contains(" - bao cao tan mai (sua).xlsx");
		assertThat(line(completeness, "75").accepted()).isEqualTo(before + 1);
		String home = page(TAN_MAI_USER, "/union");
		assertThat(home).contains("đã được thay").contains("được tính").contains("A02: 950 → 980");
		assertThat(server
			.query("SELECT COUNT(*) AS n FROM return_record WHERE union_code = ? AND accepted"
					+ " AND superseded_by IS NULL", UnionReturns.TAN_MAI)
			.get(0)
			.get("N")).isEqualTo(1L);
	}

	@Test
	@Order(4)
	void aFileOfAnotherUnionIsRefusedAndNothingIsStored() throws Exception {
		long submissions = count("SELECT COUNT(*) AS n FROM submission");
		long intake = count("SELECT COUNT(*) AS n FROM intake_log");
		Path file = UnionReturns.write(work.resolve("gửi/tin phat.xlsx"), UnionReturns.TIN_PHAT,
				"Công đoàn Công ty TNHH May Tín Phát", 950, false);
		long id = upload(TAN_MAI_USER, file);
		String page = page(TAN_MAI_USER, "/union/uploads/" + id);
		assertThat(page).contains("bị từ chối").contains(UnionReturns.TIN_PHAT).contains("không được lưu");
		assertThat(count("SELECT COUNT(*) AS n FROM submission")).isEqualTo(submissions);
		assertThat(count("SELECT COUNT(*) AS n FROM intake_log")).isEqualTo(intake);
		assertThat(server.query("SELECT stored_file FROM union_upload WHERE id = ?", id).get(0).get("STORED_FILE"))
			.isNull();
		String sha = Checksums.sha256(file);
		try (Stream<Path> kept = Files.walk(work.resolve("dữ liệu").resolve(UnionUploads.FOLDER))) {
			assertThat(kept.map((p) -> p.getFileName().toString())).noneMatch((name) -> name.startsWith(sha));
		}
		assertThat(server.query("SELECT action FROM audit_log WHERE action = 'UNION_UPLOAD_REFUSED'")).isNotEmpty();
	}

	@Test
	@Order(5)
	void anotherUnionsUploadsAndTheFederationsPagesAreOutOfReach() throws Exception {
		mvc.perform(get("/union/uploads/" + rejected).with(server.as(OTHER_USER))).andExpect(status().isNotFound());
		mvc.perform(get("/union/uploads/" + rejected + "/phan-hoi").with(server.as(OTHER_USER)))
			.andExpect(status().isNotFound());
		assertThat(page(OTHER_USER, "/union")).doesNotContain("bao cao tan mai");
		mvc.perform(get("/files").with(server.as(TAN_MAI_USER))).andExpect(status().isForbidden());
		mvc.perform(get("/rollups").with(server.as(TAN_MAI_USER))).andExpect(status().isForbidden());
		mvc.perform(get("/").with(server.as(TAN_MAI_USER))).andExpect(redirectedUrl("/union"));
		// and an analyst does not reach a union's page
		mvc.perform(get("/union").with(server.as(ConsoleServer.DONG_NAI))).andExpect(status().isForbidden());
	}

	@Test
	@Order(6)
	void everyFileOfTheHostileCorpusGetsTheInboxsReason() throws Exception {
		Path corpus = Files.createDirectories(work.resolve("hostile"));
		List<HostileCorpus.Case> cases = HostileCorpus.write(corpus);
		long limit = server.bean(UnionUploads.class).maxBytes();
		for (HostileCorpus.Case expected : cases) {
			Path file = corpus.resolve(expected.file());
			if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) || !Files.isReadable(file)) {
				continue;
			}
			// the corpus is more files than an hour's uploads allow: the earlier ones an
			// hour
			// older
			new org.springframework.jdbc.core.JdbcTemplate(server.bean(javax.sql.DataSource.class)).update(
					"UPDATE union_upload SET uploaded_at = ? WHERE union_code = 'CD750214'",
					java.sql.Timestamp.valueOf(LocalDateTime.now().minusHours(2)));
			long id = upload(OTHER_USER, file);
			String page = page(OTHER_USER, "/union/uploads/" + id);
			String extension = UnionUploads.extension(expected.file());
			if (Files.size(file) > limit) {
				assertThat(page).as(expected.file()).contains("Tệp lớn hơn");
			}
			else if (!UnionUploads.EXTENSIONS.contains(extension)) {
				assertThat(page).as(expected.file()).contains("Tệp phải là .xlsx");
			}
			else if (expected.status().equals("unreadable") && Files.size(file) > 0) {
				assertThat(page).as(expected.file()).contains("Không đọc được tệp").contains(expected.reason());
			}
		}
	}

	@Test
	@Order(7)
	void tooManyUploadsInAnHourAreRefusedWithAMessage() throws Exception {
		int sent = ((Number) server.query("SELECT COUNT(*) AS n FROM union_upload WHERE user_id = ?", tanMai)
			.get(0)
			.get("N")).intValue();
		for (int i = sent; i < 20; i++) {
			new org.springframework.jdbc.core.JdbcTemplate(server.bean(javax.sql.DataSource.class)).update(
					"INSERT INTO union_upload (user_id, union_code, report_year, uploaded_at, file_name, sha256,"
							+ " bytes, status, reason) VALUES (?, ?, 2026, ?, 'x.xlsx', ?, 1, 'REFUSED', 'thử')",
					tanMai, UnionReturns.TAN_MAI, java.sql.Timestamp.valueOf(LocalDateTime.now()), "0".repeat(64));
		}
		MockMultipartFile file = new MockMultipartFile("file", "bao cao.xlsx", null, new byte[] { 1, 2, 3 });
		MvcResult refused = mvc
			.perform(multipart("/union/upload").file(file).with(server.as(TAN_MAI_USER)).with(csrf()))
			.andExpect(redirectedUrl("/union"))
			.andReturn();
		assertThat((String) refused.getFlashMap().get("tooMany")).contains("tối đa là 20");
	}

	@Test
	@Order(8)
	void aFileTooLargeGetsAMessageNotAnErrorThroughTheRealServer() throws Exception {
		// the hour's uploads of the tests before, an hour older
		new org.springframework.jdbc.core.JdbcTemplate(server.bean(javax.sql.DataSource.class)).update(
				"UPDATE union_upload SET uploaded_at = ?",
				java.sql.Timestamp.valueOf(LocalDateTime.now().minusHours(2)));
		java.net.http.HttpClient http = HttpForms.signedIn(server, TAN_MAI_USER, ConsoleServer.PASSWORD);
		String home = http
			.send(java.net.http.HttpRequest.newBuilder(server.url("/union")).build(),
					java.net.http.HttpResponse.BodyHandlers.ofString())
			.body();
		String token = HttpForms.match(home, "<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\"");
		// over the union's 10 MB: kept nowhere, the message on the upload's page
		byte[] large = new byte[10 * 1024 * 1024 + 1];
		java.net.http.HttpResponse<String> overLimit = http.send(
				HttpForms.multipartPost(server.url("/union/upload"), token, Map.of(), "bao cao lon.xlsx", large),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(overLimit.statusCode()).isEqualTo(302);
		String location = overLimit.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/union/uploads/");
		assertThat(page(TAN_MAI_USER, location.substring(location.indexOf("/union/")))).contains("Tệp lớn hơn 10 MB");
		// over the server's 20 MB request: back to the page with the message, not a 413
		byte[] huge = new byte[30 * 1024 * 1024];
		java.net.http.HttpResponse<String> tooLarge = http.send(
				HttpForms.multipartPost(server.url("/union/upload"), token, Map.of(), "bao cao rat lon.xlsx", huge),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(tooLarge.statusCode()).isEqualTo(302);
		assertThat(tooLarge.headers().firstValue("Location").orElseThrow()).endsWith("/union?qua-lon");
		String shown = http
			.send(java.net.http.HttpRequest.newBuilder(server.url("/union?qua-lon")).build(),
					java.net.http.HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(shown).contains("Tệp lớn hơn 10 MB");
	}

	@Test
	@Order(9)
	void anUploadAfterTheDeadlineIsAcceptedAndMarkedLate() throws Exception {
		java.time.LocalDate yesterday = java.time.LocalDate.now(vn.tonghop.store.Deadlines.VIETNAM).minusDays(1);
		new vn.tonghop.store.Deadlines(
				new org.springframework.jdbc.core.JdbcTemplate(server.bean(javax.sql.DataSource.class)))
			.set(ConsoleServer.YEAR, "75", yesterday, "quantri");
		long late = upload(TAN_MAI_USER, UnionReturns.write(work.resolve("gửi/bao cao tan mai (muon).xlsx"),
				UnionReturns.TAN_MAI, UnionReturns.TAN_MAI_NAME, 990, false));
		String page = page(TAN_MAI_USER, "/union/uploads/" + late);
		assertThat(page).contains("được chấp nhận")
			.contains("nộp muộn")
			.contains(yesterday.format(vn.tonghop.store.Deadlines.DATE));
		assertThat(page(TAN_MAI_USER, "/union")).contains("nộp sau hạn")
			.contains("hết ngày " + yesterday.format(vn.tonghop.store.Deadlines.DATE));
		// its first accepted return came after the deadline too: late, and counted
		Completeness.Line dongNai = line(server.bean(Completeness.class), "75");
		assertThat(dongNai.late()).isPositive();
		assertThat(dongNai.onTime() + dongNai.late()).isEqualTo(dongNai.accepted());
	}

	@Test
	@Order(10)
	void anUploadDuringARunWaitsAndIsReadOnceTheRunEnds() throws Exception {
		UnionUploads uploads = server.bean(UnionUploads.class);
		new org.springframework.jdbc.core.JdbcTemplate(server.bean(javax.sql.DataSource.class)).update(
				"UPDATE union_upload SET uploaded_at = ?",
				java.sql.Timestamp.valueOf(LocalDateTime.now().minusHours(2)));
		Path file = UnionReturns.write(work.resolve("gửi/trong lúc chạy.xlsx"), UnionReturns.TAN_MAI,
				UnionReturns.TAN_MAI_NAME, 970, false);
		uploads.lockWaitMillis = 500;
		long id;
		// a run holds the database
		try (vn.tonghop.job.RunLock run = vn.tonghop.job.RunLock.acquire(server.bean(javax.sql.DataSource.class),
				server.bean(vn.tonghop.serve.ServeSettings.class).database())) {
			id = upload(TAN_MAI_USER, file);
			assertThat(page(TAN_MAI_USER, "/union/uploads/" + id)).contains("đang chờ kiểm tra")
				.contains("data-refresh");
			assertThat(server.query("SELECT status FROM union_upload WHERE id = ?", id).get(0).get("STATUS"))
				.isEqualTo("WAITING");
		}
		finally {
			uploads.lockWaitMillis = UnionUploads.LOCK_WAIT_MILLIS;
		}
		// the run over: read on the next look at its page (or by the retry meanwhile)
		String page = page(TAN_MAI_USER, "/union/uploads/" + id);
		assertThat(page).contains("được chấp nhận");
		assertThat(server.query("SELECT status FROM union_upload WHERE id = ?", id).get(0).get("STATUS"))
			.isEqualTo("READ");
	}

	@Test
	@Order(11)
	void anUploadLeftWaitingByAStoppedConsoleIsReadAtTheNextStart() throws Exception {
		UnionUploads uploads = server.bean(UnionUploads.class);
		Path file = UnionReturns.write(work.resolve("gửi/bị dừng.xlsx"), UnionReturns.TAN_MAI,
				UnionReturns.TAN_MAI_NAME, 960, false);
		// as a console killed after keeping the file, before reading it
		String sha = Checksums.sha256(file);
		String stored = UnionUploads.FOLDER + "/" + sha.substring(0, 2) + "/" + sha + ".xlsx";
		Path kept = work.resolve("dữ liệu").resolve(stored);
		Files.createDirectories(kept.getParent());
		Files.copy(file, kept);
		new org.springframework.jdbc.core.JdbcTemplate(server.bean(javax.sql.DataSource.class)).update(
				"INSERT INTO union_upload (user_id, union_code, report_year, uploaded_at, file_name, sha256, bytes,"
						+ " stored_file, status) VALUES (?, ?, 2026, ?, 'bị dừng.xlsx', ?, ?, ?, 'WAITING')",
				tanMai, UnionReturns.TAN_MAI, java.sql.Timestamp.valueOf(LocalDateTime.now()), sha, Files.size(file),
				stored);
		// what the console does once started
		uploads.ingestWaiting();
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
		while (!"READ"
			.equals(server.query("SELECT status FROM union_upload WHERE sha256 = ?", sha).get(0).get("STATUS"))) {
			assertThat(System.nanoTime()).as("read within 30 s").isLessThan(deadline);
			Thread.sleep(100);
		}
		assertThat(server.query("SELECT COUNT(*) AS n FROM intake_log WHERE sha256 = ?", sha).get(0).get("N"))
			.isEqualTo(1L);
	}

	/** Uploads a file as a union; returns the upload's id from the page it leads to. */
	static long upload(String user, Path file) throws Exception {
		MockMultipartFile part = new MockMultipartFile("file", file.getFileName().toString(), null,
				Files.readAllBytes(file));
		MvcResult result = mvc.perform(multipart("/union/upload").file(part).with(server.as(user)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String target = result.getResponse().getRedirectedUrl();
		assertThat(target).startsWith("/union/uploads/");
		return Long.parseLong(target.substring("/union/uploads/".length()));
	}

	static String page(String user, String path) throws Exception {
		return mvc.perform(get(path).with(server.as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	static long count(String sql) {
		return ((Number) server.query(sql).get(0).get("N")).longValue();
	}

	static Completeness.Line line(Completeness completeness, String province) {
		return completeness.report(ConsoleServer.YEAR)
			.byProvince()
			.stream()
			.filter((line) -> line.code().equals(province))
			.findFirst()
			.orElseThrow();
	}

}
