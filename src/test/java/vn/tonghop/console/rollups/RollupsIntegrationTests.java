package vn.tonghop.console.rollups;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.cli.ConsoleServer;
import vn.tonghop.job.BatchRunner;
import vn.tonghop.samples.SyntheticReturns;
import vn.tonghop.template.FormContent;
import vn.tonghop.testing.ValidReturns;
import vn.tonghop.template.FormStyle;
import vn.tonghop.template.ReturnFormWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The roll-up pages: an ADMIN's numbers are those of {@code by-province.csv}, an
 * ANALYST's the rows of her provinces with their own total; the previous year beside, as
 * its own consolidation has it; every number traces to the returns and cells behind it,
 * summing to it, within the user's provinces.
 */
class RollupsIntegrationTests {

	@TempDir
	static Path work;

	static ConsoleServer server;

	static MockMvc mvc;

	/** The columns of a table asked for with {@code ?indicator=B03}, in order. */
	static final List<String> SHOWN = List.of("A01", "A01_nu", "A02", "A02_nu", "B03");

	static final String HOSTILE_NAME = "<script>alert(1)</script>";

	static final String HOSTILE_FILE = "cd-<b>dam</b>.xlsx";

	/**
	 * Starts the console on the 2026 samples, then stores a previous year: synthetic 2025
	 * returns and one of Đồng Nai whose union and file names hold HTML, ingested and
	 * consolidated as the schedule would.
	 */
	@BeforeAll
	static void start() throws Exception {
		server = ConsoleServer.start(work);
		mvc = server.mockMvc();
		Path inbox = work.resolve("hộp thư 2025");
		SyntheticReturns.write(inbox.resolve("sinh ra"), 40, 2025, 25);
		Files.createDirectories(inbox.resolve("dong-nai"));
		new ReturnFormWriter(IndicatorCatalogue.load()).write(hostileReturn(), FormStyle.standard(),
				inbox.resolve("dong-nai").resolve(HOSTILE_FILE));
		BatchRunner runner = server.bean(BatchRunner.class);
		assertThat(runner.ingest(inbox, 2025).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(runner.consolidate(2025, server.output()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		// 2026 again, now with a previous year to compare with in its workbook
		assertThat(runner.consolidate(2026, server.output()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	static Path output(int year) {
		return server.output().resolve(Integer.toString(year));
	}

	static String page(String user, String url) throws Exception {
		return perform(user, url, "vi").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	static ResultActions perform(String user, String url, String language) throws Exception {
		return mvc.perform(get(url).with(server.as(user)).header("Accept-Language", language));
	}

	@Test
	void anAdminsNumbersByProvinceAreThoseOfByProvinceCsvWithThePreviousYearsBeside() throws Exception {
		Map<String, RollupPages.Row> rows = RollupPages.rows(page(ConsoleServer.ADMIN, "/rollups?indicator=B03"));
		Map<String, Map<String, String>> csv = RollupPages.csv(output(2026).resolve("by-province.csv"));
		Map<String, Map<String, String>> before = RollupPages.csv(output(2025).resolve("by-province.csv"));
		assertThat(rows.keySet()).containsExactlyElementsOf(csv.keySet());
		assertThat(rows.keySet()).hasSize(35);
		rows.forEach((code, row) -> {
			for (int i = 0; i < SHOWN.size(); i++) {
				assertThat(row.current().get(i).digits()).as(code + " " + SHOWN.get(i))
					.isEqualTo(csv.get(code).get(SHOWN.get(i)));
				assertThat(row.previous().get(i).digits()).as(code + " " + SHOWN.get(i) + " 2025")
					.isEqualTo(before.get(code).get(SHOWN.get(i)));
			}
		});
		// the numbers are there: the total has members, and the previous year too
		assertThat(csv.get("TOTAL").get("A02")).isNotEmpty();
		assertThat(before.get("TOTAL").get("A02")).isNotEmpty().isNotEqualTo(csv.get("TOTAL").get("A02"));
		// written the Vietnamese way
		String total = csv.get("TOTAL").get("A01");
		assertThat(total.length()).isGreaterThan(3);
		assertThat(rows.get("TOTAL").current().get(0).text()).isEqualTo(vietnamese(total)).contains(".");
	}

	/**
	 * The previous year's figures are those the consolidated workbook puts beside the
	 * year's (its columns {@code A01_2025}, {@code A02_2025} of the sheet by province).
	 */
	@Test
	void thePreviousYearIsTheOneTheWorkbookComparesWith() throws Exception {
		Map<String, RollupPages.Row> rows = RollupPages.rows(page(ConsoleServer.ADMIN, "/rollups"));
		Path workbook = output(2026).resolve("tong-hop-thi-dua-2026.xlsx");
		int compared = 0;
		try (XSSFWorkbook book = new XSSFWorkbook(workbook.toFile())) {
			Sheet sheet = book.getSheet("Theo tỉnh");
			Map<String, Integer> columns = new HashMap<>();
			for (Cell cell : sheet.getRow(2)) {
				columns.put(cell.getStringCellValue(), cell.getColumnIndex());
			}
			for (Row row : sheet) {
				Cell code = row.getCell(0);
				if (code == null || code.getCellType() != CellType.STRING
						|| !code.getStringCellValue().matches("\\d{2}")) {
					continue;
				}
				for (String column : List.of("A01", "A02")) {
					Cell before = row.getCell(columns.get(column + "_2025"));
					String expected = (before == null || before.getCellType() == CellType.BLANK) ? ""
							: Long.toString((long) before.getNumericCellValue());
					assertThat(rows.get(code.getStringCellValue()).previous().get(SHOWN.indexOf(column)).digits())
						.as(code.getStringCellValue() + " " + column)
						.isEqualTo(expected);
					compared += expected.isEmpty() ? 0 : 1;
				}
			}
		}
		assertThat(compared).isGreaterThan(10);
	}

	@Test
	void inEnglishNumbersAreWrittenTheEnglishWay() throws Exception {
		String html = perform(ConsoleServer.ADMIN, "/rollups", "en").andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String total = RollupPages.csv(output(2026).resolve("by-province.csv")).get("TOTAL").get("A01");
		assertThat(RollupPages.rows(html).get("TOTAL").current().get(0).text())
			.isEqualTo(NumberFormat.getIntegerInstance(Locale.ENGLISH).format(new BigInteger(total)))
			.contains(",");
		assertThat(html).contains("Roll-ups of 2026", "By sector", "Total");
	}

	@Test
	void anAnalystSeesHerProvinceOnlyAndHerTotalIsItsRow() throws Exception {
		Map<String, RollupPages.Row> rows = RollupPages.rows(page(ConsoleServer.DONG_NAI, "/rollups?indicator=B03"));
		Map<String, String> dongNai = RollupPages.csv(output(2026).resolve("by-province.csv")).get("75");
		Map<String, String> before = RollupPages.csv(output(2025).resolve("by-province.csv")).get("75");
		assertThat(rows.keySet()).containsExactly("75", "TOTAL");
		for (int i = 0; i < SHOWN.size(); i++) {
			assertThat(rows.get("75").current().get(i).digits()).isEqualTo(dongNai.get(SHOWN.get(i)));
			assertThat(rows.get("TOTAL").current().get(i).digits()).isEqualTo(dongNai.get(SHOWN.get(i)));
			assertThat(rows.get("75").previous().get(i).digits()).isEqualTo(before.get(SHOWN.get(i)));
			assertThat(rows.get("TOTAL").previous().get(i).digits()).isEqualTo(before.get(SHOWN.get(i)));
		}
		assertThat(dongNai.get("A02")).isNotEmpty();
		assertThat(before.get("A02")).isNotEmpty();
	}

	@Test
	void bySectorAndByIndustryAnAdminSeesTheCsvsAndAnAnalystHerProvincesOnly() throws Exception {
		Map<String, Map<String, String>> bySector = RollupPages.csv(output(2026).resolve("by-sector.csv"));
		Map<String, RollupPages.Row> admin = RollupPages
			.rows(page(ConsoleServer.ADMIN, "/rollups?by=sector&indicator=B03"));
		assertThat(admin.keySet()).containsExactlyElementsOf(bySector.keySet());
		admin.forEach((code, row) -> assertThat(digits(row.current()))
			.isEqualTo(SHOWN.stream().map((column) -> bySector.get(code).get(column)).toList()));

		List<Map<String, String>> returns = RollupPages.csvRows(output(2026).resolve("returns.csv"));
		for (String by : List.of("sector", "industry")) {
			Map<String, RollupPages.Row> rows = RollupPages
				.rows(page(ConsoleServer.DONG_NAI, "/rollups?by=" + by + "&indicator=B03"));
			Map<String, List<String>> expected = sums(returns, "75", by + "_code");
			rows.forEach((code, row) -> {
				List<String> sums = expected.getOrDefault(code, SHOWN.stream().map((c) -> "").toList());
				assertThat(digits(row.current())).as(by + " " + code).isEqualTo(sums);
			});
			assertThat(rows.get("TOTAL").current().get(2).digits())
				.isEqualTo(RollupPages.csv(output(2026).resolve("by-province.csv")).get("75").get("A02"));
			assertThat(expected.keySet()).as(by).isNotEmpty().allSatisfy((code) -> assertThat(rows).containsKey(code));
		}
	}

	@Test
	void aNumbersTraceListsTheReturnsAndCellsBehindItSummingToIt() throws Exception {
		// the link of Đồng Nai's A02 on the analyst's table
		String link = RollupPages.rows(page(ConsoleServer.DONG_NAI, "/rollups")).get("75").current().get(2).trace();
		assertThat(link).isEqualTo("/rollups/trace?year=2026&indicator=A02&province=75");
		String html = page(ConsoleServer.DONG_NAI, link);
		List<RollupPages.Line> lines = RollupPages.lines(html);
		String expected = RollupPages.csv(output(2026).resolve("by-province.csv")).get("75").get("A02");
		assertThat(lines).isNotEmpty();
		long sum = lines.stream().mapToLong((line) -> Long.parseLong(line.value().replace(".", ""))).sum();
		assertThat(Long.toString(sum)).isEqualTo(expected);
		assertThat(RollupPages.sum(html).replace(".", "")).isEqualTo(expected);
		assertThat(html).contains("bằng đúng số trong bảng tổng hợp");
		Set<String> dongNaiUnions = unionsOf("75");
		for (RollupPages.Line line : lines) {
			assertThat(line.cell()).matches("[A-Z]+[0-9]+");
			assertThat(line.sheet()).isNotBlank();
			assertThat(line.unionName()).isNotBlank();
			assertThat(dongNaiUnions).contains(line.unionCode());
			// the file's page, as the files pages name it: its latest look in the intake
			// log
			Object id = server
				.query("SELECT MAX(id) FROM intake_log WHERE report_year = 2026 AND source_file = ?", line.sourceFile())
				.get(0)
				.values()
				.iterator()
				.next();
			assertThat(line.fileLink()).isEqualTo("/files/" + id);
			mvc.perform(get(line.fileLink()).with(server.as(ConsoleServer.DONG_NAI))).andExpect(status().isOk());
		}
	}

	@Test
	void aTraceWithoutAProvinceCoversTheAnalystsProvincesOnly() throws Exception {
		String html = page(ConsoleServer.DONG_NAI, "/rollups/trace?indicator=A01");
		List<RollupPages.Line> lines = RollupPages.lines(html);
		assertThat(RollupPages.sum(html).replace(".", ""))
			.isEqualTo(RollupPages.csv(output(2026).resolve("by-province.csv")).get("75").get("A01"));
		assertThat(lines).isNotEmpty().allSatisfy((line) -> assertThat(unionsOf("75")).contains(line.unionCode()));
		// an ADMIN's covers every province
		String all = page(ConsoleServer.ADMIN, "/rollups/trace?indicator=A01");
		assertThat(RollupPages.sum(all).replace(".", ""))
			.isEqualTo(RollupPages.csv(output(2026).resolve("by-province.csv")).get("TOTAL").get("A01"));
	}

	@Test
	void aLongTraceIsShownPageByPageWithTheSumOfAllItsLines() throws Exception {
		RollupTraces traces = server.bean(RollupTraces.class);
		traces.pageSize(2);
		try {
			String total = RollupPages.csv(output(2026).resolve("by-province.csv")).get("TOTAL").get("A01");
			List<RollupPages.Line> lines = new ArrayList<>();
			String link = "/rollups/trace?indicator=A01";
			int pages = 0;
			while (link != null) {
				String html = page(ConsoleServer.ADMIN, link);
				assertThat(RollupPages.lines(html)).hasSizeLessThanOrEqualTo(2);
				assertThat(RollupPages.sum(html).replace(".", "")).isEqualTo(total);
				lines.addAll(RollupPages.lines(html));
				pages++;
				Matcher next = Pattern.compile("<a href=\"([^\"]*)\">Trang sau").matcher(html);
				link = next.find() ? RollupPages.unescape(next.group(1)) : null;
			}
			assertThat(pages).isGreaterThan(3);
			assertThat(lines.stream().mapToLong((line) -> Long.parseLong(line.value().replace(".", ""))).sum())
				.hasToString(total);
			assertThat(lines).extracting(RollupPages.Line::fileLink).doesNotHaveDuplicates();
		}
		finally {
			traces.pageSize(RollupTraces.PAGE);
		}
	}

	@Test
	void thePreviousYearsNumbersTraceToThatYearsReturns() throws Exception {
		String link = RollupPages.rows(page(ConsoleServer.DONG_NAI, "/rollups")).get("75").previous().get(2).trace();
		assertThat(link).isEqualTo("/rollups/trace?year=2025&indicator=A02&province=75");
		String html = page(ConsoleServer.DONG_NAI, link);
		assertThat(RollupPages.sum(html).replace(".", ""))
			.isEqualTo(RollupPages.csv(output(2025).resolve("by-province.csv")).get("75").get("A02"));
	}

	@Test
	void anAnalystOfAnotherProvinceIsNotFoundTheTrace() throws Exception {
		perform(ConsoleServer.HA_NOI, "/rollups/trace?indicator=A02&province=75", "vi")
			.andExpect(status().isNotFound());
		perform(ConsoleServer.HA_NOI, "/rollups/trace?indicator=A02&province=75&year=2025", "vi")
			.andExpect(status().isNotFound());
		perform(ConsoleServer.ADMIN, "/rollups/trace?indicator=A02&province=99", "vi").andExpect(status().isNotFound());
		perform(ConsoleServer.ADMIN, "/rollups/trace?indicator=A02&sector=NOPE", "vi").andExpect(status().isNotFound());
	}

	@Test
	void anUnknownIndicatorIsSaidInVietnameseNotAServerError() throws Exception {
		String trace = perform(ConsoleServer.ADMIN, "/rollups/trace?indicator=Z99&province=75", "vi")
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(trace).contains("Không có chỉ tiêu «Z99» trong bảng tổng hợp");
		perform(ConsoleServer.ADMIN, "/rollups/trace?province=75", "vi").andExpect(status().isBadRequest());
		// a rating that does not exist is no indicator column either
		perform(ConsoleServer.ADMIN, "/rollups/trace?indicator=F03_XYZ", "vi").andExpect(status().isBadRequest());
		String table = mvc
			.perform(get("/rollups").param("indicator", "<b>Z99")
				.with(server.as(ConsoleServer.DONG_NAI))
				.header("Accept-Language", "vi"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(table).contains("Không có chỉ tiêu «&lt;b&gt;Z99» trong bảng tổng hợp").doesNotContain("<b>Z99");
		assertThat(RollupPages.rows(table)).containsKey("75");
		String english = perform(ConsoleServer.DONG_NAI, "/rollups/trace?indicator=Z99", "en")
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("The roll-ups have no indicator “Z99”");
		perform(ConsoleServer.DONG_NAI, "/rollups?by=commune", "vi").andExpect(status().isBadRequest());
	}

	@Test
	void anyIndicatorColumnMayBeChosenAndIsTraced() throws Exception {
		Map<String, String> csv = RollupPages.csv(output(2026).resolve("by-province.csv")).get("TOTAL");
		for (String column : List.of("F03_HTTNV", "F04", "E06", "b06")) {
			Map<String, RollupPages.Row> rows = RollupPages
				.rows(page(ConsoleServer.ADMIN, "/rollups?indicator=" + column));
			String name = column.equals("b06") ? "B06" : column;
			RollupPages.Figure total = rows.get("TOTAL").current().get(4);
			assertThat(total.digits()).as(column).isEqualTo(csv.get(name));
			if (total.trace() != null) {
				assertThat(RollupPages.sum(page(ConsoleServer.ADMIN, total.trace())).replace(".", ""))
					.isEqualTo(csv.get(name));
			}
		}
	}

	@Test
	void htmlInAUnionOrFileNameIsShownAsText() throws Exception {
		String html = page(ConsoleServer.DONG_NAI, "/rollups/trace?year=2025&indicator=A02&province=75");
		assertThat(RollupPages.lines(html)).extracting(RollupPages.Line::unionName).contains(HOSTILE_NAME);
		assertThat(RollupPages.lines(html)).anySatisfy((line) -> assertThat(line.sourceFile()).endsWith(HOSTILE_FILE));
		assertThat(html).doesNotContain(HOSTILE_NAME).doesNotContain("<b>dam</b>").contains("&lt;script&gt;");
	}

	@Test
	void anAnonymousRequestIsSentToSignIn() throws Exception {
		mvc.perform(get("/rollups")).andExpect(redirectedUrl("/sign-in"));
		mvc.perform(get("/rollups/trace?indicator=A02&province=75")).andExpect(redirectedUrl("/sign-in"));
	}

	@Test
	void aYearWithoutReturnsIsSaidNotAnError() throws Exception {
		String html = page(ConsoleServer.HA_NOI, "/rollups?year=2019");
		assertThat(html).contains("Năm 2019 chưa có báo cáo được chấp nhận");
		assertThat(RollupPages.rows(html)).isEmpty();
	}

	/** A number written the Vietnamese way. */
	static String vietnamese(String number) {
		return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi")).format(new BigInteger(number));
	}

	static List<String> digits(List<RollupPages.Figure> figures) {
		return figures.stream().map(RollupPages.Figure::digits).toList();
	}

	/** The union codes of the returns of a province that count in 2026. */
	static Set<String> unionsOf(String province) throws Exception {
		return RollupPages.csvRows(output(2026).resolve("returns.csv"))
			.stream()
			.filter((row) -> row.get("province_code").equals(province))
			.map((row) -> row.get("union_code"))
			.collect(Collectors.toSet());
	}

	/**
	 * The sums of {@link #SHOWN} over the returns of returns.csv of a province, by
	 * {@code key}, and in all ("TOTAL"); "" where no return gave a value.
	 */
	static Map<String, List<String>> sums(List<Map<String, String>> returns, String province, String key) {
		Map<String, BigInteger[]> sums = new LinkedHashMap<>();
		for (Map<String, String> row : returns) {
			if (!row.get("province_code").equals(province)) {
				continue;
			}
			for (String group : List.of(row.get(key), "TOTAL")) {
				BigInteger[] sum = sums.computeIfAbsent(group, (k) -> new BigInteger[SHOWN.size()]);
				for (int i = 0; i < SHOWN.size(); i++) {
					String value = row.get(SHOWN.get(i));
					if (!value.isEmpty()) {
						sum[i] = (sum[i] != null) ? sum[i].add(new BigInteger(value)) : new BigInteger(value);
					}
				}
			}
		}
		Map<String, List<String>> written = new LinkedHashMap<>();
		sums.forEach((group, sum) -> {
			List<String> values = new ArrayList<>();
			for (BigInteger value : sum) {
				values.add((value != null) ? value.toString() : "");
			}
			written.put(group, values);
		});
		return written;
	}

	/**
	 * A valid 2025 return of Đồng Nai, with a distinct figure in every cell, whose union
	 * name is a script.
	 */
	static FormContent hostileReturn() {
		IndicatorCatalogue catalogue = IndicatorCatalogue.load();
		Map<String, String> header = new LinkedHashMap<>();
		header.put("union_code", "CD75999001");
		header.put("union_name", HOSTILE_NAME);
		header.put("province", "Đồng Nai");
		header.put("sector", "FDI");
		header.put("industry", "C");
		header.put("year", "2025");
		return ValidReturns.content(catalogue, header);
	}

}
