package vn.tonghop.console.unions;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.tonghop.cli.ConsoleServer;
import vn.tonghop.console.users.ConsoleUser;
import vn.tonghop.console.users.ConsoleUsers;
import vn.tonghop.intake.Checksums;
import vn.tonghop.registry.RegistryReader;
import vn.tonghop.registry.RegistryStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The page of the unions' accounts ({@code /unions}): an analyst of Đồng Nai makes her
 * province's accounts and downloads their list, which no other session and no other user
 * can fetch; she is refused Hà Nội (404, nothing made) and her form needs its CSRF token;
 * a union is refused the page (403); disable, enable and a new one-time code per account,
 * within her province only; every change in the audit log. The first test makes the
 * accounts the others then find.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnionsPageIntegrationTests {

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
		Path registry = Path.of("input-samples/danh-sach-cdcs-2026.xlsx");
		server.bean(RegistryStore.class)
			.replace(2026, registry.toAbsolutePath().toString(), Checksums.sha256(registry),
					server.bean(RegistryReader.class).read(registry, 2026).entries());
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	static long unionAccounts(String province) {
		return ((Number) server
			.query("SELECT COUNT(*) AS n FROM console_user u JOIN console_user_province p ON p.user_id = u.id"
					+ " WHERE u.role = 'UNION' AND p.province_code = ?", province)
			.get(0)
			.get("n")).longValue();
	}

	static List<String> audited(String action) {
		return server.query("SELECT detail FROM audit_log WHERE action = ? ORDER BY id", action)
			.stream()
			.map((row) -> (String) row.values().iterator().next())
			.toList();
	}

	static String text(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	static List<List<String>> cells(byte[] xlsx) throws Exception {
		DataFormatter formatter = new DataFormatter();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			List<List<String>> rows = new java.util.ArrayList<>();
			for (int r = 3; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> values = new java.util.ArrayList<>();
				for (int c = 0; c < 7; c++) {
					values.add(formatter.formatCellValue(row.getCell(c)));
				}
				rows.add(values);
			}
			return rows;
		}
	}

	@Test
	@Order(1)
	void anAnalystMakesHerProvincesAccountsAndOnlySheDownloadsTheList() throws Exception {
		MockHttpSession session = new MockHttpSession();
		String page = text(
				mvc.perform(get("/unions").with(server.as(ConsoleServer.DONG_NAI)).session(session)).andReturn());
		assertThat(page).contains("Tài khoản của các CĐCS").contains("75 Đồng Nai").doesNotContain("01 Hà Nội");

		MvcResult made = mvc
			.perform(post("/unions").param("year", "2026")
				.param("province", "75")
				.with(server.as(ConsoleServer.DONG_NAI))
				.with(csrf())
				.session(session))
			.andReturn();
		assertThat(made.getResponse().getRedirectedUrl()).isEqualTo("/unions?year=2026&province=75");
		assertThat(unionAccounts("75")).isEqualTo(3);
		assertThat(unionAccounts("01")).isZero();
		assertThat(audited("UNION_ACCOUNTS_CREATED"))
			.containsExactly("năm 2026, 75: 3 tạo mới, 0 đã có, 0 kích hoạt lại, 0 vô hiệu hoá;"
					+ " danh sách giữ trong phiên của người tạo");
		String id = (String) made.getFlashMap().get("fresh");
		assertThat(id).matches("[0-9a-f]{32}");

		String shown = text(mvc
			.perform(get("/unions?year=2026&province=75").with(server.as(ConsoleServer.DONG_NAI))
				.session(session)
				.flashAttrs(made.getFlashMap()))
			.andReturn());
		assertThat(shown).contains("Đã tạo 3 tài khoản mới")
			.contains("/unions/lists/" + id + "/xlsx")
			.contains("tai-khoan-cdcs-2026-75.csv")
			.contains("cd750330");

		MockHttpServletResponse xlsx = mvc
			.perform(get("/unions/lists/" + id + "/xlsx").with(server.as(ConsoleServer.DONG_NAI)).session(session))
			.andReturn()
			.getResponse();
		assertThat(xlsx.getStatus()).isEqualTo(200);
		assertThat(xlsx.getHeader("Content-Disposition")).contains("tai-khoan-cdcs-2026-75.xlsx");
		assertThat(xlsx.getHeader("Cache-Control")).contains("no-store");
		List<List<String>> lines = cells(xlsx.getContentAsByteArray());
		assertThat(lines).hasSize(3);
		for (List<String> line : lines) {
			ConsoleUser account = users.byUnion(line.get(0)).orElseThrow();
			assertThat(account.username()).isEqualTo(line.get(3));
			assertThat(users.matches(account.id(), line.get(4))).as("the code of the list signs in").isTrue();
			assertThat(line.get(5)).isEqualTo("http://127.0.0.1:" + server.port() + "/");
			assertThat(shown).as("the page never shows a code").doesNotContain(line.get(4));
		}
		String csv = mvc
			.perform(get("/unions/lists/" + id + "/csv").with(server.as(ConsoleServer.DONG_NAI)).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFMã CĐCS,").contains(lines.get(0).get(4));

		// another session of the same user, another user in the same session: nothing
		assertThat(mvc.perform(get("/unions/lists/" + id + "/xlsx").with(server.as(ConsoleServer.DONG_NAI)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(
				mvc.perform(get("/unions/lists/" + id + "/xlsx").with(server.as(ConsoleServer.ADMIN)).session(session))
					.andReturn()
					.getResponse()
					.getStatus())
			.isEqualTo(404);

		// a union is refused the page
		assertThat(mvc.perform(get("/unions").with(server.as("cd750330"))).andReturn().getResponse().getStatus())
			.isEqualTo(403);

		// made again: kept, no new code
		MvcResult again = mvc
			.perform(post("/unions").param("year", "2026")
				.param("province", "75")
				.with(server.as(ConsoleServer.DONG_NAI))
				.with(csrf())
				.session(session))
			.andReturn();
		String second = (String) again.getFlashMap().get("fresh");
		List<List<String>> kept = cells(mvc
			.perform(get("/unions/lists/" + second + "/xlsx").with(server.as(ConsoleServer.DONG_NAI)).session(session))
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(kept).extracting((line) -> line.get(4)).containsOnly("đã có tài khoản");
		assertThat(users.matches(users.byUnion(lines.get(0).get(0)).orElseThrow().id(), lines.get(0).get(4))).isTrue();
	}

	@Test
	void anotherProvinceIsRefusedAndNothingIsMade() throws Exception {
		assertThat(mvc.perform(get("/unions?province=01").with(server.as(ConsoleServer.DONG_NAI)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc
			.perform(post("/unions").param("year", "2026")
				.param("province", "01")
				.with(server.as(ConsoleServer.DONG_NAI))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(unionAccounts("01")).isZero();
		assertThat(mvc.perform(
				post("/unions").param("year", "2026").param("province", "75").with(server.as(ConsoleServer.DONG_NAI)))
			.andReturn()
			.getResponse()
			.getStatus()).as("without its CSRF token").isEqualTo(403);
	}

	@Test
	void disableEnableAndANewCodeWithinHerProvinceOnly() throws Exception {
		mvc.perform(post("/unions").param("year", "2026")
			.param("province", "75")
			.with(server.as(ConsoleServer.DONG_NAI))
			.with(csrf()));
		ConsoleUser account = users.byUnion("CD750330").orElseThrow();
		String path = "/unions/accounts/" + account.id();

		assertThat(mvc.perform(post(path + "/disable").with(server.as(ConsoleServer.HA_NOI)).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).as("Hà Nội's analyst").isEqualTo(404);
		assertThat(users.byId(account.id()).orElseThrow().enabled()).isTrue();
		assertThat(mvc
			.perform(post("/admin/users/" + account.id() + "/disable").with(server.as(ConsoleServer.DONG_NAI))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);

		MvcResult disabled = mvc
			.perform(post(path + "/disable").param("year", "2026").with(server.as(ConsoleServer.DONG_NAI)).with(csrf()))
			.andReturn();
		assertThat(disabled.getResponse().getRedirectedUrl()).isEqualTo("/unions?year=2026&province=75");
		assertThat(users.byId(account.id()).orElseThrow().enabled()).isFalse();
		mvc.perform(post(path + "/enable").with(server.as(ConsoleServer.DONG_NAI)).with(csrf()));
		assertThat(users.byId(account.id()).orElseThrow().enabled()).isTrue();

		MvcResult reset = mvc.perform(post(path + "/code").with(server.as(ConsoleServer.ADMIN)).with(csrf()))
			.andReturn();
		String code = (String) reset.getFlashMap().get("oneTimeCode");
		assertThat(code).hasSize(16);
		assertThat(users.matches(account.id(), code)).isTrue();
		assertThat(users.byId(account.id()).orElseThrow().mustChangePassword()).isTrue();
		String shown = text(mvc
			.perform(get("/unions?province=75").with(server.as(ConsoleServer.ADMIN)).flashAttrs(reset.getFlashMap()))
			.andReturn());
		assertThat(shown).contains(code).contains("Mã đăng nhập một lần mới của cd750330");
		assertThat(text(mvc.perform(get("/unions?province=75").with(server.as(ConsoleServer.ADMIN))).andReturn()))
			.as("shown once")
			.doesNotContain(code);
		assertThat(audited("UNION_CODE_RESET")).anySatisfy(
				(detail) -> assertThat(detail).startsWith("cd750330 (CĐCS" + " CD750330): mã đăng nhập một lần mới"));
		assertThat(audited("USER_DISABLED")).contains("cd750330 (CĐCS CD750330); kết thúc 0 phiên đang mở");
		assertThat(audited("USER_ENABLED")).contains("cd750330 (CĐCS CD750330)");
		// a federation user's id is no union account: 404
		long analyst = users.byUsername(ConsoleServer.HA_NOI).orElseThrow().id();
		assertThat(mvc
			.perform(post("/unions/accounts/" + analyst + "/disable").with(server.as(ConsoleServer.ADMIN)).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

}
