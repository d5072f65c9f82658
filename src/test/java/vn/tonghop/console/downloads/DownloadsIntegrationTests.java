package vn.tonghop.console.downloads;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.tonghop.cli.ConsoleServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The year's downloads: the federation gets the published outputs byte for byte; an
 * analyst gets the same outputs with only her provinces' rows; no path comes from the
 * request.
 */
class DownloadsIntegrationTests {

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
	void theFederationDownloadsThePublishedWorkbookByteForByte() throws Exception {
		MvcResult result = mvc
			.perform(get("/downloads/2026/tong-hop-thi-dua-2026.xlsx").with(server.as(ConsoleServer.ADMIN)))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(result.getResponse().getContentAsByteArray())
			.isEqualTo(Files.readAllBytes(server.output().resolve("2026/tong-hop-thi-dua-2026.xlsx")));
		assertThat(result.getResponse().getHeader("Content-Disposition"))
			.contains("filename*=UTF-8''tong-hop-thi-dua-2026.xlsx");
		String page = mvc.perform(get("/downloads").with(server.as(ConsoleServer.ADMIN)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("tong-hop-thi-dua-2026.xlsx", "by-province.csv", "files.csv", "issues.csv");
		assertThat(server.query("SELECT detail FROM audit_log WHERE action = 'DOWNLOAD'").toString())
			.contains("2026/tong-hop-thi-dua-2026.xlsx");
	}

	@Test
	void anAnalystDownloadsOnlyHerProvincesRows() throws Exception {
		List<String> returns = csv(ConsoleServer.DONG_NAI, "returns.csv");
		assertThat(returns).hasSizeGreaterThan(1);
		for (String row : returns.subList(1, returns.size())) {
			assertThat(row.split(",")[2]).as(row).isEqualTo(ConsoleServer.DONG_NAI_CODE);
		}
		List<String> national = Files.readAllLines(server.output().resolve("2026/by-province.csv"),
				StandardCharsets.UTF_8);
		List<String> scoped = csv(ConsoleServer.DONG_NAI, "by-province.csv");
		String dongNai = national.stream().filter((row) -> row.startsWith("75,")).findFirst().orElseThrow();
		assertThat(scoped).contains(dongNai);
		assertThat(scoped).noneMatch((row) -> row.startsWith("01,") && !row.startsWith("01,Hà Nội,0,"));
		assertThat(csv(ConsoleServer.HA_NOI, "returns.csv").subList(1, 3))
			.allMatch((row) -> row.split(",")[2].equals(ConsoleServer.HA_NOI_CODE));
		// the workbook too is the scope's
		mvc.perform(get("/downloads/2026/tong-hop-thi-dua-2026.xlsx").with(server.as(ConsoleServer.DONG_NAI)))
			.andExpect(status().isOk());
	}

	@Test
	void aNameThatIsNotAnOutputOfTheYearIsNotFound() throws Exception {
		for (String name : List.of("..%2F..%2Fdữ liệu%2Ftonghop.mv.db", "phan-hoi", ".tonghop-outputs.txt", "..",
				"tonghop.mv.db")) {
			mvc.perform(get("/downloads/2026/" + name).with(server.as(ConsoleServer.ADMIN)))
				.andExpect((result) -> assertThat(result.getResponse().getStatus()).as(name).isIn(400, 404));
		}
	}

	@Test
	void anonymousDownloadsLeadToSignIn() throws Exception {
		mvc.perform(get("/downloads/2026/returns.csv")).andExpect(redirectedUrl("/sign-in"));
	}

	private static List<String> csv(String user, String name) throws Exception {
		byte[] bytes = mvc.perform(get("/downloads/2026/" + name).with(server.as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "").lines().toList();
	}

}
