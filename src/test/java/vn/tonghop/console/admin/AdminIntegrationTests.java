package vn.tonghop.console.admin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import vn.tonghop.cli.ConsoleServer;
import vn.tonghop.console.HttpForms;
import vn.tonghop.console.audit.AuditLog;
import vn.tonghop.console.users.ConsoleUser;
import vn.tonghop.console.users.ConsoleUsers;
import vn.tonghop.console.users.Role;
import vn.tonghop.intake.Checksums;
import vn.tonghop.registry.RegistryReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The administration pages: users (create, disable, enable, rescope, reset a password),
 * the registry upload and the audit log; all the ADMIN's only.
 */
class AdminIntegrationTests {

	@TempDir
	static Path work;

	static ConsoleServer server;

	static MockMvc mvc;

	static ConsoleUsers users;

	@BeforeAll
	static void start() throws Exception {
		server = ConsoleServer.start(work);
		mvc = server.mockMvc();
		users = server.bean(ConsoleUsers.class);
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	static ConsoleUser user(String username) {
		return users.byUsername(username).orElseThrow();
	}

	/** Signs in through the form; the session, once redirected to {@code expected}. */
	static MockHttpSession signIn(String username, String password, String expected) throws Exception {
		MvcResult result = mvc
			.perform(post("/sign-in").param("username", username).param("password", password).with(csrf()))
			.andExpect(redirectedUrl(expected))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	static MvcResult asAdmin(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return mvc.perform(request.with(server.as(ConsoleServer.ADMIN)).with(csrf())).andReturn();
	}

	static String page(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		MvcResult result = mvc.perform(request.with(server.as(ConsoleServer.ADMIN)))
			.andExpect(status().isOk())
			.andReturn();
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** The page a POST redirected to, with the flash attributes it left. */
	static String followed(MvcResult posted) throws Exception {
		assertThat(posted.getResponse().getStatus()).as(posted.getResponse().getContentAsString()).isEqualTo(302);
		return page(get(posted.getResponse().getRedirectedUrl()).flashAttrs(posted.getFlashMap()));
	}

	static List<String> audited(AuditLog.Action action) {
		return server.query("SELECT detail FROM audit_log WHERE action = ? ORDER BY id", action.name())
			.stream()
			.map((row) -> (String) row.values().iterator().next())
			.toList();
	}

	static MvcResult create(String username, String displayName, String role, String... provinces) throws Exception {
		return asAdmin(post("/admin/users").param("username", username)
			.param("displayName", displayName)
			.param("role", role)
			.param("provinces", provinces));
	}

	@Nested
	class Users {

		@Test
		void aNewUserHasHerProvincesAndMustChangeTheOneTimePasswordShownOnce() throws Exception {
			MvcResult created = create("moi.tao", "Phạm Thị Mới", "ANALYST", "75", "01");
			ConsoleUser user = user("moi.tao");
			assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/" + user.id());
			assertThat(user.role()).isEqualTo(Role.ANALYST);
			assertThat(user.provinces()).containsExactlyInAnyOrder("75", "01");
			assertThat(user.displayName()).isEqualTo("Phạm Thị Mới");
			assertThat(user.mustChangePassword()).isTrue();
			String password = (String) created.getFlashMap().get("oneTimePassword");
			assertThat(password).hasSize(16);

			String shown = followed(created);
			assertThat(shown).contains(password).contains("Đã tạo người dùng moi.tao").contains("Hà Nội, Đồng Nai");
			assertThat(page(get("/admin/users/" + user.id()))).as("shown once").doesNotContain(password);
			assertThat(page(get("/admin/users"))).contains("moi.tao").contains("Phạm Thị Mới").doesNotContain(password);

			MockHttpSession session = signIn("moi.tao", password, "/password");
			mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/password"));
			assertThat(audited(AuditLog.Action.USER_CREATED))
				.anySatisfy((detail) -> assertThat(detail).contains("moi.tao: ANALYST (01 Hà Nội, 75 Đồng Nai)"));
		}

		@Test
		void anAdminSeesEveryProvinceWhateverWasTicked() throws Exception {
			create("qt.thu.hai", "", "ADMIN", "75");
			ConsoleUser user = user("qt.thu.hai");
			assertThat(user.role()).isEqualTo(Role.ADMIN);
			assertThat(user.provinces()).isEmpty();
		}

		@Test
		void badUsersAreRefusedInVietnameseAndNotMade() throws Exception {
			assertThat(refused(create("có dấu", "", "ANALYST", "75"))).contains("Tên đăng nhập phải dài 2–100 ký tự");
			assertThat(refused(create("khong.tinh", "", "ANALYST"))).contains("cần ít nhất một tỉnh, thành phố");
			assertThat(refused(create("tinh.la", "", "ANALYST", "99"))).contains("Không có tỉnh, thành phố mã 99");
			assertThat(refused(create("vai.tro", "", "ROOT", "75"))).contains("Vai trò phải là ADMIN hoặc ANALYST");
			assertThat(refused(create(ConsoleServer.DONG_NAI, "", "ANALYST", "75")))
				.contains("Đã có người dùng " + ConsoleServer.DONG_NAI);
			assertThat(users.byUsername("khong.tinh")).isEmpty();
			assertThat(users.byUsername("tinh.la")).isEmpty();
			assertThat(users.byUsername("vai.tro")).isEmpty();
		}

		private String refused(MvcResult result) throws Exception {
			assertThat(result.getResponse().getStatus()).isEqualTo(200);
			assertThat((Map<String, Object>) result.getFlashMap()).doesNotContainKey("oneTimePassword");
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}

		@Test
		void disablingEndsHerSessionAtOnceAndSheCannotSignInAgain() throws Exception {
			users.create("se.tat", null, Role.ANALYST, Set.of("01"), ConsoleServer.PASSWORD, false);
			long id = user("se.tat").id();
			MockHttpSession session = signIn("se.tat", ConsoleServer.PASSWORD, "/");
			mvc.perform(get("/password").session(session)).andExpect(status().isOk());

			String done = followed(asAdmin(post("/admin/users/" + id + "/disable")));
			assertThat(done).contains("Đã vô hiệu hoá se.tat; đã kết thúc 1 phiên đang mở");
			assertThat(user("se.tat").enabled()).isFalse();

			mvc.perform(get("/password").session(session)).andExpect(redirectedUrl("/sign-in?expired"));
			signIn("se.tat", ConsoleServer.PASSWORD, "/sign-in?error");
			assertThat(audited(AuditLog.Action.USER_DISABLED)).contains("se.tat; kết thúc 1 phiên đang mở");

			assertThat(followed(asAdmin(post("/admin/users/" + id + "/enable")))).contains("Đã kích hoạt lại se.tat");
			signIn("se.tat", ConsoleServer.PASSWORD, "/");
			assertThat(audited(AuditLog.Action.USER_ENABLED)).contains("se.tat");
		}

		@Test
		void anAdminCannotDisableOrRescopeHerself() throws Exception {
			long me = user(ConsoleServer.ADMIN).id();
			assertThat(followed(asAdmin(post("/admin/users/" + me + "/disable"))))
				.contains("Không thể vô hiệu hoá hay đổi vai trò của chính mình");
			assertThat(followed(
					asAdmin(post("/admin/users/" + me + "/rescope").param("role", "ANALYST").param("provinces", "01"))))
				.contains("Không thể vô hiệu hoá hay đổi vai trò của chính mình");
			ConsoleUser admin = user(ConsoleServer.ADMIN);
			assertThat(admin.enabled()).isTrue();
			assertThat(admin.role()).isEqualTo(Role.ADMIN);
		}

		@Test
		void rescopingChangesRoleAndProvincesAndEndsHerSessions() throws Exception {
			users.create("doi.pham.vi", null, Role.ANALYST, Set.of("75"), ConsoleServer.PASSWORD, false);
			long id = user("doi.pham.vi").id();
			MockHttpSession session = signIn("doi.pham.vi", ConsoleServer.PASSWORD, "/");

			String done = followed(asAdmin(
					post("/admin/users/" + id + "/rescope").param("role", "ANALYST").param("provinces", "01", "79")));
			assertThat(done).contains("Đã đổi vai trò và tỉnh, thành phố của doi.pham.vi");
			assertThat(user("doi.pham.vi").provinces()).containsExactlyInAnyOrder("01", "79");
			mvc.perform(get("/password").session(session)).andExpect(redirectedUrl("/sign-in?expired"));
			assertThat(audited(AuditLog.Action.USER_RESCOPED)).anySatisfy((detail) -> assertThat(detail)
				.startsWith("doi.pham.vi: ANALYST (75 Đồng Nai) → ANALYST (01 Hà Nội, 79 Hồ Chí Minh)"));

			assertThat(followed(asAdmin(post("/admin/users/" + id + "/rescope").param("role", "ANALYST"))))
				.contains("Người dùng ANALYST cần ít nhất một tỉnh, thành phố");
			assertThat(user("doi.pham.vi").provinces()).containsExactlyInAnyOrder("01", "79");

			asAdmin(post("/admin/users/" + id + "/rescope").param("role", "ADMIN"));
			assertThat(user("doi.pham.vi").role()).isEqualTo(Role.ADMIN);
			assertThat(user("doi.pham.vi").provinces()).isEmpty();
		}

		@Test
		void aPasswordResetGivesAOneTimePasswordAndTheOldOneStopsWorking() throws Exception {
			users.create("quen.mat.khau", null, Role.ANALYST, Set.of("75"), ConsoleServer.PASSWORD, false);
			long id = user("quen.mat.khau").id();
			MvcResult reset = asAdmin(post("/admin/users/" + id + "/password"));
			String password = (String) reset.getFlashMap().get("oneTimePassword");
			assertThat(password).hasSize(16);
			assertThat(followed(reset)).contains(password).contains("Đã đặt lại mật khẩu của quen.mat.khau");
			signIn("quen.mat.khau", ConsoleServer.PASSWORD, "/sign-in?error");
			signIn("quen.mat.khau", password, "/password");
			assertThat(audited(AuditLog.Action.USER_PASSWORD_RESET))
				.anySatisfy((detail) -> assertThat(detail).startsWith("quen.mat.khau: mật khẩu dùng một lần mới"));
		}

		@Test
		void htmlInADisplayNameIsShownAsText() throws Exception {
			create("ten.la", "<script>alert(1)</script>", "ANALYST", "75");
			assertThat(page(get("/admin/users"))).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
				.doesNotContain("<script>alert(1)");
			assertThat(page(get("/admin/users/" + user("ten.la").id())))
				.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
				.doesNotContain("<script>alert(1)");
		}

		@Test
		void aUserThatDoesNotExistIs404() throws Exception {
			mvc.perform(get("/admin/users/999999").with(server.as(ConsoleServer.ADMIN)))
				.andExpect(status().isNotFound());
			mvc.perform(post("/admin/users/999999/disable").with(server.as(ConsoleServer.ADMIN)).with(csrf()))
				.andExpect(status().isNotFound());
		}

		@Test
		void thePagesAreInEnglishWhenAsked() throws Exception {
			String english = page(get("/admin/users").header("Accept-Language", "en"));
			assertThat(english).contains("New user").contains("User name").doesNotContain("Tạo người dùng");
		}

	}

	@Nested
	class Registry {

		static final Path SAMPLE = Path.of("input-samples/danh-sach-cdcs-2026.xlsx");

		static MockMultipartFile file(String name, byte[] content) {
			return new MockMultipartFile("file", name, "application/octet-stream", content);
		}

		static MvcResult upload(MockMultipartFile file, String year) throws Exception {
			return asAdmin(multipart("/admin/registry").file(file).param("year", year));
		}

		@Test
		void theSampleRegistryLoadsWhatTonghopRegistryLoads() throws Exception {
			// what `tonghop registry` prints: the entries the reader read
			int expected = server.bean(RegistryReader.class).read(SAMPLE, 2026).entries().size();
			assertThat(expected).isEqualTo(25);
			long temporary = temporaryFiles();

			MvcResult loaded = upload(file("danh-sach-cdcs-2026.xlsx", Files.readAllBytes(SAMPLE)), "2026");
			assertThat(loaded.getResponse().getRedirectedUrl()).isEqualTo("/admin/registry");
			String shown = followed(loaded);
			assertThat(shown).contains("Đã nạp danh sách " + expected
					+ " công đoàn cơ sở phải báo cáo năm 2026 từ tệp danh-sach-cdcs-2026.xlsx");
			assertThat(shown).contains("Mọi dòng đều đọc được.");

			List<Map<String, Object>> loads = server
				.query("SELECT source_file, sha256, entries FROM registry_load WHERE report_year = 2026");
			assertThat(loads).hasSize(1);
			assertThat(loads.get(0).values()).containsExactly("danh-sach-cdcs-2026.xlsx", Checksums.sha256(SAMPLE),
					expected);
			assertThat(temporaryFiles()).as("the upload's temporary file is deleted").isEqualTo(temporary);
			assertThat(audited(AuditLog.Action.REGISTRY_LOADED)).anySatisfy((detail) -> assertThat(detail)
				.startsWith("năm 2026: 25 công đoàn cơ sở từ danh-sach-cdcs-2026.xlsx"));
			assertThat(page(get("/admin/registry"))).contains("danh-sach-cdcs-2026.xlsx").contains("đang dùng");
		}

		static long temporaryFiles() throws Exception {
			try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
				return files.filter((file) -> file.getFileName().toString().startsWith("tonghop-danh-sach-")).count();
			}
		}

		@Test
		void everyProblemTheReaderFoundIsShownAsText() throws Exception {
			String csv = "union_code,union_name,province,sector\n" + "CD01000001,Công đoàn A,Hà Nội,KHAC\n"
					+ "CD01000002,Công đoàn B,<b>Xứ Mơ</b>,KHAC\n" + "CD01000001,Công đoàn A lần hai,Hà Nội,KHAC\n";
			MvcResult loaded = upload(
					file("danh-sach <img src=x onerror=alert(1)>.csv", csv.getBytes(StandardCharsets.UTF_8)), "2027");
			String shown = followed(loaded);
			assertThat(shown).contains("Đã nạp danh sách 2 công đoàn cơ sở phải báo cáo năm 2027")
				.contains("Vấn đề tìm thấy (2)")
				.contains("không xác định được tỉnh/thành phố &quot;&lt;b&gt;Xứ Mơ&lt;/b&gt;&quot; của CD01000002")
				.contains("Dòng 4: mã CD01000001 đã có ở dòng 2; bỏ qua dòng này.")
				.contains("danh-sach &lt;img src=x onerror=alert(1)&gt;.csv")
				.doesNotContain("<img src=x")
				.doesNotContain("<b>Xứ Mơ");
		}

		@Test
		void anHtmlPageNamedXlsxIsRefusedWithItsReason() throws Exception {
			MvcResult refused = upload(
					file("trang-web.xlsx",
							"<html><body><h1>Không phải bảng tính</h1></body></html>".getBytes(StandardCharsets.UTF_8)),
					"2028");
			String shown = followed(refused);
			assertThat(shown).contains("Không đọc được tệp trang-web.xlsx; danh sách đang dùng không đổi. Lý do:");
			assertThat(server.query("SELECT id FROM registry_load WHERE report_year = 2028")).isEmpty();
			// the reason is the reader's, in Vietnamese
			Matcher reason = Pattern.compile("<p class=\"wrap\">([^<]+)</p>").matcher(shown);
			assertThat(reason.find()).isTrue();
			assertThat(reason.group(1)).isNotBlank().doesNotContain("Exception");
		}

		@Test
		void aFileOfAnotherKindOrNoFileOrABadYearIsRefused() throws Exception {
			assertThat(followed(upload(file("danh-sach.pdf", new byte[] { 1, 2, 3 }), "2026")))
				.contains("Tệp danh-sach.pdf không phải .xlsx, .xls hay .csv");
			assertThat(followed(upload(file("", new byte[0]), "2026"))).contains("Chưa chọn tệp danh sách.");
			assertThat(followed(upload(file("danh-sach.csv", "x".getBytes(StandardCharsets.UTF_8)), "1999")))
				.contains("Năm \"1999\" không hợp lệ".replace("\"", "&quot;"));
		}

		@Test
		void aFileTooLargeGetsAMessageNotAnError() throws Exception {
			HttpClient http = HttpForms.signedIn(server, ConsoleServer.ADMIN, ConsoleServer.PASSWORD);
			String registry = http
				.send(HttpRequest.newBuilder(server.url("/admin/registry")).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
			// as the page's form sends it: the token among the fields, before the file
			URI action = server.url("/admin/registry");
			String formToken = HttpForms.match(registry, "<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\"");

			// just over the file's limit: refused once 20 MB are read; and larger than
			// the request may be: refused before any of it is read. The rest is read
			// and dropped: beyond Tomcat's 2 MB by default, it reset the connection and
			// the browser showed no page
			for (int size : new int[] { 20 * 1024 * 1024 + 200_000, 30 * 1024 * 1024 }) {
				byte[] large = new byte[size];
				Arrays.fill(large, (byte) 'x');
				HttpResponse<String> tooLarge = http.send(
						HttpForms.multipartPost(action, formToken, Map.of("year", "2026"), "danh-sach-lon.csv", large),
						HttpResponse.BodyHandlers.ofString());
				assertThat(tooLarge.statusCode()).as("%d bytes", size).isEqualTo(302);
				assertThat(tooLarge.headers().firstValue("Location"))
					.hasValueSatisfying((location) -> assertThat(location).endsWith("/admin/registry?too-large"));
			}
			String shown = http
				.send(HttpRequest.newBuilder(server.url("/admin/registry?too-large")).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
			assertThat(shown).contains("Tệp quá lớn: máy chủ nhận tệp tối đa 20 MB");

			// a file that fits goes through the same form on the real server
			HttpResponse<String> fits = http.send(HttpForms.multipartPost(action, formToken, Map.of("year", "2029"),
					"danh-sach-cdcs-2026.xlsx", Files.readAllBytes(SAMPLE)), HttpResponse.BodyHandlers.ofString());
			assertThat(fits.statusCode()).isEqualTo(302);
			assertThat(fits.headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/admin/registry"));
			assertThat(server.query("SELECT entries FROM registry_load WHERE report_year = 2029")).hasSize(1);
		}

	}

	@Nested
	class Audit {

		@Test
		void theLogShowsTheAdministrationsActionsNewestFirstWithVietnameseLabels() throws Exception {
			create("nhat.ky", "", "ANALYST", "75");
			long id = user("nhat.ky").id();
			asAdmin(post("/admin/users/" + id + "/rescope").param("role", "ANALYST").param("provinces", "01"));
			asAdmin(post("/admin/users/" + id + "/password"));
			asAdmin(post("/admin/users/" + id + "/disable"));
			asAdmin(post("/admin/users/" + id + "/enable"));
			asAdmin(multipart("/admin/registry")
				.file(new MockMultipartFile("file", "ds.csv", "text/csv",
						"union_code,union_name,province,sector\nCD01000009,A,Hà Nội,KHAC\n"
							.getBytes(StandardCharsets.UTF_8)))
				.param("year", "2030"));

			String log = page(get("/admin/audit").param("user", ConsoleServer.ADMIN));
			assertThat(log).contains("Tạo người dùng", "Đổi vai trò, tỉnh thành của người dùng",
					"Đặt lại mật khẩu người dùng", "Vô hiệu hoá người dùng", "Kích hoạt lại người dùng",
					"Nạp danh sách CĐCS");
			assertThat(actions(log)).containsSubsequence("REGISTRY_LOADED", "USER_ENABLED", "USER_DISABLED",
					"USER_PASSWORD_RESET", "USER_RESCOPED", "USER_CREATED");
			assertThat(log).contains("nhat.ky: ANALYST (75 Đồng Nai) → ANALYST (01 Hà Nội)");

			String disabled = page(get("/admin/audit").param("action", "USER_DISABLED"));
			assertThat(actions(disabled)).isNotEmpty().containsOnly("USER_DISABLED");
			assertThat(disabled).contains("nhat.ky; kết thúc 0 phiên đang mở");

			String english = page(get("/admin/audit").param("action", "USER_ENABLED").header("Accept-Language", "en"));
			assertThat(english).contains("User enabled").doesNotContain("Kích hoạt lại người dùng");
		}

		@Test
		void theLogIsPagedAHundredEntriesAPage() throws Exception {
			AuditLog audit = server.bean(AuditLog.class);
			for (int i = 1; i <= 230; i++) {
				audit.record("trang.nhat.ky", "10.0.0.1", AuditLog.Action.DOWNLOAD, "tệp " + i);
			}
			String first = page(get("/admin/audit").param("user", "trang.nhat.ky"));
			assertThat(actions(first)).hasSize(100);
			assertThat(first).contains("230 mục — trang 1/3").contains("tệp 230").doesNotContain("tệp 130<");
			assertThat(first).contains("/admin/audit?action=&amp;user=trang.nhat.ky&amp;page=2");
			String last = page(get("/admin/audit").param("user", "trang.nhat.ky").param("page", "3"));
			assertThat(actions(last)).hasSize(30);
			assertThat(last).contains("tệp 1<").contains("tệp 30<").doesNotContain("tệp 31<");
			assertThat(actions(page(get("/admin/audit").param("user", "TRANG.NHAT.KY").param("page", "99"))))
				.as("past the last page: the last page")
				.hasSize(30);
		}

		static List<String> actions(String page) {
			List<String> actions = new ArrayList<>();
			Matcher matcher = Pattern.compile("data-action=\"([A-Z_]+)\"").matcher(page);
			while (matcher.find()) {
				actions.add(matcher.group(1));
			}
			return actions;
		}

	}

	@Nested
	class Access {

		static final List<String> PAGES = List.of("/admin/users", "/admin/users/1", "/admin/registry", "/admin/audit");

		static final List<String> ACTIONS = List.of("/admin/users", "/admin/users/1/disable", "/admin/users/1/enable",
				"/admin/users/1/rescope", "/admin/users/1/password");

		@Test
		void anAnalystIsRefusedEveryAdministrationRoute() throws Exception {
			for (String analyst : List.of(ConsoleServer.DONG_NAI, ConsoleServer.HA_NOI)) {
				for (String path : PAGES) {
					mvc.perform(get(path).with(server.as(analyst))).andExpect(status().isForbidden());
				}
				for (String path : ACTIONS) {
					mvc.perform(post(path).with(server.as(analyst))
						.with(csrf())
						.param("username", "par.analyst")
						.param("role", "ADMIN")).andExpect(status().isForbidden());
				}
				mvc.perform(multipart("/admin/registry")
					.file(new MockMultipartFile("file", "ds.csv", "text/csv", "x".getBytes(StandardCharsets.UTF_8)))
					.param("year", "2031")
					.with(server.as(analyst))
					.with(csrf())).andExpect(status().isForbidden());
			}
			assertThat(users.byUsername("par.analyst")).isEmpty();
			assertThat(user(ConsoleServer.ADMIN).enabled()).isTrue();
			assertThat(server.query("SELECT id FROM registry_load WHERE report_year = 2031")).isEmpty();
		}

		@Test
		void anAnonymousRequestIsSentToSignIn() throws Exception {
			for (String path : PAGES) {
				mvc.perform(get(path)).andExpect(redirectedUrl("/sign-in"));
			}
			for (String path : ACTIONS) {
				mvc.perform(post(path).with(csrf())).andExpect(redirectedUrl("/sign-in"));
			}
		}

	}

}
