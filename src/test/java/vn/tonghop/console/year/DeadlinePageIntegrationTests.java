package vn.tonghop.console.year;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.tonghop.cli.ConsoleServer;
import vn.tonghop.console.files.PageText;
import vn.tonghop.rollup.Completeness;
import vn.tonghop.store.ProvinceScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Setting a province's deadline on the year's page ({@code POST /year/deadline}): an
 * analyst sets her province's, never another's (404, nothing changed), the federation
 * any; each is in the audit log; the page then shows the deadline and the unions on time
 * and late as {@link Completeness} counts them. The sample returns were received at 15:00
 * on 15/11/2026, Vietnam time.
 */
class DeadlinePageIntegrationTests {

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

	@BeforeEach
	void noDeadline() {
		new JdbcTemplate(server.bean(DataSource.class)).update("DELETE FROM report_deadline");
	}

	@Test
	void anAnalystSetsHerProvincesDeadlineAndThePageCountsOnTimeAndLate() throws Exception {
		MvcResult set = mvc
			.perform(post("/year/deadline").param("year", "2026")
				.param("province", "75")
				.param("date", "2026-11-14")
				.with(server.as(ConsoleServer.DONG_NAI))
				.with(csrf()))
			.andExpect(redirectedUrl("/?year=2026"))
			.andReturn();

		assertThat(server.query("SELECT report_year, province_code, deadline, set_by FROM report_deadline"))
			.singleElement()
			.satisfies((row) -> {
				assertThat(row.get("PROVINCE_CODE").toString()).isEqualTo("75");
				assertThat(row.get("DEADLINE").toString()).isEqualTo("2026-11-14");
				assertThat(row.get("SET_BY")).isEqualTo(ConsoleServer.DONG_NAI);
			});
		assertThat(audit()).anySatisfy((row) -> {
			assertThat(row.get("USERNAME")).isEqualTo(ConsoleServer.DONG_NAI);
			assertThat(row.get("DETAIL")).isEqualTo("hạn nộp báo cáo năm 2026 của 75 Đồng Nai: 14/11/2026");
		});
		Completeness.Line dongNai = line(ProvinceScope.of(List.of("75")));
		assertThat(dongNai.accepted()).isPositive();
		assertThat(dongNai.late()).as("every return came on 15/11").isEqualTo(dongNai.accepted());
		// the page it leads to, with its notice
		String page = mvc
			.perform(get("/?year=2026").flashAttr("deadlineNotice", set.getFlashMap().get("deadlineNotice"))
				.with(server.as(ConsoleServer.DONG_NAI)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(PageText.byId(page, "deadline-notice"))
			.isEqualTo("Đã đặt hạn nộp báo cáo năm 2026 của Đồng Nai:" + " 14/11/2026.");
		assertThat(PageText.table(page, "deadlines")).containsExactly(
				List.of("Tỉnh, thành phố", "Hạn nộp", "nộp đúng hạn", "nộp muộn", "Đặt hạn nộp"),
				List.of("Đồng Nai", "14/11/2026", "0", Long.toString(dongNai.late()), "Lưu"));
		assertThat(PageText.cardValue(page, "unions-on-time")).isZero();
		assertThat(PageText.cardValue(page, "unions-late")).isEqualTo(dongNai.late());
		assertThat(page).contains("name=\"date\" required value=\"2026-11-14\"");

		// moved to the day the returns came: all on time
		mvc.perform(post("/year/deadline").param("year", "2026")
			.param("province", "75")
			.param("date", "15/11/2026")
			.with(server.as(ConsoleServer.DONG_NAI))
			.with(csrf())).andExpect(redirectedUrl("/?year=2026"));
		assertThat(PageText.cardValue(page(ConsoleServer.DONG_NAI), "unions-on-time")).isEqualTo(dongNai.accepted());
		assertThat(audit()).anySatisfy((row) -> assertThat(row.get("DETAIL"))
			.isEqualTo("hạn nộp báo cáo năm 2026 của 75 Đồng Nai: 15/11/2026 (trước đây 14/11/2026)"));
	}

	@Test
	void anAnalystCannotSetAnotherProvincesDeadline() throws Exception {
		int entries = audit().size();
		mvc.perform(post("/year/deadline").param("year", "2026")
			.param("province", "01")
			.param("date", "2026-11-14")
			.with(server.as(ConsoleServer.DONG_NAI))
			.with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/year/deadline").param("year", "2026")
			.param("province", "99")
			.param("date", "2026-11-14")
			.with(server.as(ConsoleServer.ADMIN))
			.with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/year/deadline").param("year", "2026")
			.param("province", "75")
			.param("date", "2026-11-14")
			.with(server.as(ConsoleServer.DONG_NAI))).andExpect(status().isForbidden());
		assertThat(server.query("SELECT * FROM report_deadline")).isEmpty();
		assertThat(audit()).hasSize(entries);
		// her page offers her province only, without figures
		String page = page(ConsoleServer.HA_NOI);
		assertThat(PageText.table(page, "deadlines")).hasSize(2)
			.last()
			.isEqualTo(List.of("Hà Nội", "chưa đặt", "—", "—", "Lưu"));
		assertThat(page).doesNotContain("id=\"unions-on-time\"");
	}

	@Test
	void theFederationSetsAnyProvinceAndTheTotalCountsThoseWithADeadline() throws Exception {
		mvc.perform(post("/year/deadline").param("year", "2026")
			.param("province", "01")
			.param("date", "2026-11-15")
			.with(server.as(ConsoleServer.ADMIN))
			.with(csrf())).andExpect(redirectedUrl("/?year=2026"));
		Completeness.Line haNoi = line(ProvinceScope.of(List.of("01")));
		String page = page(ConsoleServer.ADMIN);
		assertThat(PageText.cardValue(page, "unions-on-time")).isEqualTo(haNoi.accepted()).isPositive();
		assertThat(PageText.cardValue(page, "unions-late")).isZero();
		assertThat(PageText.table(page, "deadlines")).hasSize(1 + 34);
		// the Đồng Nai analyst sees no figure of Hà Nội's
		assertThat(page(ConsoleServer.DONG_NAI)).doesNotContain("id=\"unions-on-time\"");
		assertThat(audit()).anySatisfy((row) -> assertThat(row.get("USERNAME")).isEqualTo(ConsoleServer.ADMIN));
	}

	@Test
	void aDateThatIsNoneOrFarFromTheYearIsRefusedWithAReason() throws Exception {
		assertThat(refusal("31/02/2027")).isEqualTo("Ngày «31/02/2027» không hợp lệ: hãy chọn một ngày (dd/MM/yyyy).");
		assertThat(refusal("2062-01-31")).isEqualTo(
				"Hạn nộp 31/01/2062 không hợp lý cho báo cáo năm 2026: hãy chọn một ngày trong các năm 2025–2027.");
		assertThat(server.query("SELECT * FROM report_deadline")).isEmpty();
	}

	/** The notice of the page a refused date leads to. */
	private static String refusal(String date) throws Exception {
		MvcResult refused = mvc
			.perform(post("/year/deadline").param("year", "2026")
				.param("province", "75")
				.param("date", date)
				.with(server.as(ConsoleServer.DONG_NAI))
				.with(csrf()))
			.andExpect(redirectedUrl("/?year=2026"))
			.andReturn();
		String page = mvc
			.perform(get("/?year=2026").flashAttr("deadlineNotice", refused.getFlashMap().get("deadlineNotice"))
				.with(server.as(ConsoleServer.DONG_NAI)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("class=\"notice error\"");
		return PageText.byId(page, "deadline-notice");
	}

	private static Completeness.Line line(ProvinceScope scope) {
		return server.bean(Completeness.class).report(ConsoleServer.YEAR, scope).total();
	}

	private static List<Map<String, Object>> audit() {
		return server.query("SELECT username, detail FROM audit_log WHERE action = 'DEADLINE_SET' ORDER BY id");
	}

	private static String page(String user) throws Exception {
		return mvc.perform(get("/").with(server.as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
