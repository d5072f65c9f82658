package vn.tonghop.console.runs;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.tonghop.cli.ConsoleServer;
import vn.tonghop.job.RunHistory;
import vn.tonghop.job.RunLock;
import vn.tonghop.report.YearOutputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The runs page: starting runs from the console (ADMIN and ANALYST), the run lock's
 * refusal, the live progress as Server-Sent Events read by a real HTTP client signed in,
 * the past runs with their counts, and what an ANALYST sees of other provinces.
 */
class RunsIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@TempDir
	static Path work;

	static ConsoleServer server;

	static MockMvc mvc;

	static RunHistory history;

	@BeforeAll
	static void start() throws Exception {
		server = ConsoleServer.start(work);
		mvc = server.mockMvc();
		history = new RunHistory(new JdbcTemplate(server.bean(DataSource.class)));
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void anAnonymousRequestIsSentToSignIn() throws Exception {
		mvc.perform(get("/runs")).andExpect(redirectedUrl("/sign-in"));
		mvc.perform(get("/runs/progress")).andExpect(redirectedUrl("/sign-in"));
		mvc.perform(post("/runs").param("kind", "run").with(csrf())).andExpect(redirectedUrl("/sign-in"));
	}

	@Test
	void aStartWithoutItsCsrfTokenIsRefusedAndRunsNothing() throws Exception {
		long executions = executions();
		mvc.perform(post("/runs").param("kind", "consolidate").with(server.as(ConsoleServer.ADMIN)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/runs").param("kind", "consolidate")
			.with(server.as(ConsoleServer.DONG_NAI))
			.with(csrf().useInvalidToken())).andExpect(status().isForbidden());
		assertThat(executions()).isEqualTo(executions);
	}

	@Test
	void aKindOfRunThereIsNotIsABadRequest() throws Exception {
		mvc.perform(post("/runs").param("kind", "purge").with(server.as(ConsoleServer.ADMIN)).with(csrf()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theHistoryShowsThePastRunsWithTheirCounts() throws Exception {
		List<RunHistory.Line> lines = history.lines(RunsController.PAGE_SIZE);
		RunHistory.Line ingest = lines.stream().filter(RunHistory.Line::ingest).findFirst().orElseThrow();
		RunHistory.Line consolidation = lines.stream().filter(RunHistory.Line::consolidation).findFirst().orElseThrow();
		String page = page("/runs", ConsoleServer.HA_NOI);
		// what tonghop history says of them, in the page's words
		assertThat(page)
			.contains("tệp: mới " + ingest.files("NEW") + ", trùng " + ingest.files("DUPLICATE") + ", không đọc được "
					+ ingest.files("UNREADABLE") + ", bỏ qua " + ingest.files("SKIPPED") + "; báo cáo: chấp nhận "
					+ ingest.accepted() + ", từ chối " + ingest.rejected() + ", thay thế " + ingest.superseded());
		assertThat(page)
			.contains("báo cáo tổng hợp " + consolidation.returnsWritten() + ", phát hiện " + consolidation.findings());
		assertThat(page).contains("<td class=\"number\">" + ingest.executionId() + "</td>",
				"<td class=\"number\">" + consolidation.executionId() + "</td>");
		// the server's folders are the ADMIN's to read
		assertThat(page).doesNotContain(server.inbox().toString());
		assertThat(page(ConsoleServer.ADMIN)).contains(server.inbox().toString());
		assertThat(page("/runs", "en", ConsoleServer.HA_NOI)).contains("Past runs",
				"returns consolidated " + consolidation.returnsWritten());
	}

	@Test
	void theHistoryIsPaged() throws Exception {
		long count = history.count();
		assertThat(count).isEqualTo(executions());
		List<RunHistory.Line> newest = history.lines(2);
		assertThat(history.lines(1, 1)).extracting(RunHistory.Line::executionId)
			.containsExactly(newest.get(1).executionId());
		assertThat(history.lines((int) count, 5)).isEmpty();
		// a page beyond the last shows the last
		assertThat(page("/runs?page=999", ConsoleServer.DONG_NAI)).contains("Các lần chạy trước")
			.contains("<td class=\"number\">"
					+ history.lines((int) ((count - 1) / RunsController.PAGE_SIZE) * RunsController.PAGE_SIZE, 1)
						.get(0)
						.executionId()
					+ "</td>");
	}

	@Test
	void anAnalystStartsAConsolidationThatRuns() throws Exception {
		Path manifest = server.output().resolve(String.valueOf(ConsoleServer.YEAR)).resolve(YearOutputs.MANIFEST);
		String before = Files.readString(manifest);
		long newest = history.lines(1).get(0).executionId();
		long audited = audited("RUN_STARTED");
		MvcResult started = mvc
			.perform(post("/runs").param("kind", "consolidate").with(server.as(ConsoleServer.HA_NOI)).with(csrf()))
			.andExpect(redirectedUrl("/runs"))
			.andExpect(flash().attributeExists("started"))
			.andReturn();
		long id = (Long) started.getFlashMap().get("started");
		ConsoleRun run = awaitEnd();
		assertThat(run.id()).isEqualTo(id);
		assertThat(run.startedBy()).isEqualTo(ConsoleServer.HA_NOI);
		assertThat(run.outcome()).isEqualTo(ConsoleRun.Outcome.COMPLETED);
		// a new consolidation in the history, and new outputs
		RunHistory.Line line = history.lines(1).get(0);
		assertThat(line.executionId()).isGreaterThan(newest);
		assertThat(line.consolidation()).isTrue();
		assertThat(line.status()).isEqualTo("COMPLETED");
		assertThat(Files.readString(manifest)).isNotEqualTo(before).contains("số " + line.executionId());
		assertThat(audited("RUN_STARTED")).isEqualTo(audited + 1);
		// the page shows how it ended, its summary as the log has it, and it in the
		// history
		String page = page("/runs", ConsoleServer.HA_NOI);
		assertThat(page).contains("Lần chạy số " + id + ": Chỉ tổng hợp", "Lần chạy đã xong.",
				"== Tổng hợp năm 2026 (xong) ==", "data-running=\"false\"",
				"<td class=\"number\">" + line.executionId() + "</td>",
				"Tổng hợp năm 2026, bước 9/9: thay bộ kết quả cũ bằng bộ vừa ghi");
		assertThat(run.lines()).contains("== Tổng hợp năm 2026 (xong) ==");
	}

	@Test
	void aStartWhileAnotherRunHoldsTheDatabaseIsRefusedNamingIt() throws Exception {
		ConsoleRuns runs = server.bean(ConsoleRuns.class);
		awaitEnd();
		ConsoleRun last = runs.last();
		long executions = executions();
		long refused = audited("RUN_REFUSED");
		String page;
		try (RunLock lock = RunLock.acquire(server.bean(DataSource.class), "cơ sở dữ liệu của bài kiểm tra")) {
			page = mvc.perform(post("/runs").param("kind", "run").with(server.as(ConsoleServer.DONG_NAI)).with(csrf()))
				.andExpect(status().isConflict())
				.andReturn()
				.getResponse()
				.getContentAsString();
			// nor while this page is read
			Thread.sleep(300);
			assertThat(runs.last()).isSameAs(last);
			assertThat(executions()).isEqualTo(executions);
		}
		assertThat(page).contains("Chưa bắt đầu lần chạy:", "Một lần chạy khác đang dùng cơ sở dữ liệu",
				"tiến trình " + ProcessHandle.current().pid(), "hãy chờ nó kết thúc");
		assertThat(audited("RUN_REFUSED")).isEqualTo(refused + 1);
		assertThat(server.query("SELECT detail FROM audit_log WHERE action = 'RUN_REFUSED' ORDER BY id DESC")
			.get(0)
			.values()
			.iterator()
			.next()
			.toString()).contains("Một lần chạy khác đang dùng cơ sở dữ liệu");
	}

	/**
	 * The page's script reads the stream as a browser does; here a real HTTP client,
	 * signed in as an ANALYST, reads it while her run goes on.
	 */
	@Test
	void theProgressStreamSendsTheRunAsItGoesThenItsEnd() throws Exception {
		awaitEnd();
		int files;
		try (Stream<Path> walk = Files.walk(server.inbox())) {
			files = (int) walk.filter(Files::isRegularFile).count();
		}
		Http http = Http.signIn(ConsoleServer.HA_NOI);
		String token = tokenOf(http.get("/runs").body());
		HttpResponse<String> started = http.post("/runs", Map.of("kind", "run", "_csrf", token));
		assertThat(started.statusCode()).isEqualTo(302);
		// a reload during the run shows it, and the page's script connects
		String reloaded = http.get("/runs").body();
		long id = server.bean(ConsoleRuns.class).last().id();
		assertThat(reloaded).contains("data-run=\"" + id + "\"", "data-progress=\"/runs/progress\"", "/js/runs.js");
		List<Event> events = http.events("/runs/progress");
		List<Event> progress = events.stream().filter((event) -> event.name().equals("progress")).toList();
		assertThat(progress).isNotEmpty();
		assertThat(events.get(events.size() - 1).name()).isEqualTo("end");
		// whether an event comes while it goes on depends on the run's speed: a second
		// run
		// of the same inbox (nothing new) can end before the stream connects; the events
		// while it goes on are RunProgressTests' and the browser journey's
		JsonNode end = events.get(events.size() - 1).json();
		assertThat(end.get("id").asLong()).isEqualTo(id);
		assertThat(end.get("running").asBoolean()).isFalse();
		assertThat(end.get("outcome").asString()).isEqualTo("completed");
		// files done of the total: the whole inbox's, whoever reads it
		assertThat(end.get("files").get("done").asInt()).isEqualTo(files);
		assertThat(end.get("files").get("total").asInt()).isEqualTo(files);
		assertThat(end.get("files").get("text").asString()).isEqualTo(files + " / " + files + " tệp (100%)");
		// per province: hers only
		assertThat(names(end.get("provinces"))).containsExactly("Hà Nội");
		assertThat(end.get("provinces").get(0).get("read").asInt()).isEqualTo(3);
		// the consolidation's nine steps, all done
		assertThat(end.get("steps")).hasSize(9);
		assertThat(end.get("steps"))
			.allSatisfy((step) -> assertThat(step.get("state").asString()).isEqualTo("completed"));
		assertThat(end.get("step").asString()).startsWith("Tổng hợp năm 2026, bước ");
		assertThat(summary(end)).contains("== Nhận báo cáo năm 2026 (xong) ==", "== Tổng hợp năm 2026 (xong) ==");
		// a page that connects once it has ended gets its last state and the end
		List<Event> after = http.events("/runs/progress");
		assertThat(after).extracting(Event::name).containsExactly("progress", "end");
		assertThat(after.get(1).json().get("id").asLong()).isEqualTo(id);
	}

	@Test
	void anAnalystSeesTheProvincesOfHerScopeAndTheTotalOfAll() throws Exception {
		startAndAwait(ConsoleServer.ADMIN, "run");
		String admin = page(ConsoleServer.ADMIN);
		assertThat(admin).contains("Đồng Nai", "Hà Nội", "Hồ Chí Minh", "không rõ tỉnh")
			.doesNotContain("Chỉ hiện các tỉnh, thành phố của bạn");
		String dongNai = page(ConsoleServer.DONG_NAI);
		String provinces = dongNai.substring(dongNai.indexOf("id=\"run-provinces\""),
				dongNai.indexOf("</tbody>", dongNai.indexOf("id=\"run-provinces\"")));
		assertThat(provinces).contains("Đồng Nai").doesNotContain("Hà Nội", "Hồ Chí Minh", "không rõ tỉnh");
		assertThat(dongNai).contains("Chỉ hiện các tỉnh, thành phố của bạn");
		String total = admin.substring(admin.indexOf("id=\"run-files\""),
				admin.indexOf("</strong>", admin.indexOf("id=\"run-files\"")));
		assertThat(dongNai).contains(total);
		assertThat(page("/runs", "en", ConsoleServer.DONG_NAI)).contains("Only your provinces are shown");
	}

	/**
	 * A file whose name holds HTML is named by the summary, shown as text; an ANALYST
	 * does not read the lines naming files (this one is of no province).
	 */
	@Test
	void aFileNameHoldingHtmlIsShownAsTextAndOnlyToTheAdmin() throws Exception {
		Path hostile = server.inbox().resolve("<img src=x onerror=alert(1)>.xlsx");
		Files.writeString(hostile, "không phải sổ Excel");
		startAndAwait(ConsoleServer.ADMIN, "ingest");
		assertThat(server.bean(ConsoleRuns.class).last().lines())
			.anyMatch((line) -> line.contains(hostile.getFileName().toString()));
		String admin = page(ConsoleServer.ADMIN);
		assertThat(admin).contains("&lt;img src=x onerror=alert(1)&gt;.xlsx").doesNotContain("<img src=x");
		String analyst = page(ConsoleServer.HA_NOI);
		assertThat(analyst).doesNotContain("img src=x")
			.contains("Các dòng nêu tên từng tệp không hiện ở đây")
			.contains("== Nhận báo cáo năm 2026 (xong) ==");
	}

	private static void startAndAwait(String user, String kind) throws Exception {
		awaitEnd();
		mvc.perform(post("/runs").param("kind", kind).with(server.as(user)).with(csrf()))
			.andExpect(redirectedUrl("/runs"));
		assertThat(awaitEnd().outcome()).isEqualTo(ConsoleRun.Outcome.COMPLETED);
	}

	/** The last run started from the console, once it has ended. */
	private static ConsoleRun awaitEnd() throws InterruptedException {
		ConsoleRuns runs = server.bean(ConsoleRuns.class);
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < deadline) {
			ConsoleRun run = runs.last();
			if (run == null || !run.running()) {
				return run;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the console's run did not end within 3 minutes");
	}

	private static long executions() {
		return ((Number) server.query("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION").get(0).values().iterator().next())
			.longValue();
	}

	private static long audited(String action) {
		return ((Number) server.query("SELECT COUNT(*) FROM audit_log WHERE action = ?", action)
			.get(0)
			.values()
			.iterator()
			.next()).longValue();
	}

	private static String page(String user) throws Exception {
		return page("/runs", user);
	}

	private static String page(String path, String user) throws Exception {
		return page(path, "vi", user);
	}

	private static String page(String path, String language, String user) throws Exception {
		return mvc.perform(get(path).header("Accept-Language", language).with(server.as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String tokenOf(String page) {
		Matcher token = CSRF.matcher(page);
		assertThat(token.find()).as("a CSRF token in the page").isTrue();
		return token.group(1);
	}

	private static List<String> names(JsonNode provinces) {
		List<String> names = new ArrayList<>();
		provinces.forEach((province) -> names.add(province.get("name").asString()));
		return names;
	}

	private static List<String> summary(JsonNode run) {
		List<String> lines = new ArrayList<>();
		run.get("summary").forEach((line) -> lines.add(line.asString()));
		return lines;
	}

	/** A Server-Sent Event: its name and its data. */
	record Event(String name, String data) {

		JsonNode json() {
			return JsonMapper.builder().build().readTree(this.data);
		}

	}

	/** A browser's session without the browser: cookies, forms, event streams. */
	static final class Http {

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.connectTimeout(Duration.ofSeconds(10))
			.build();

		/** Signs in as {@code user} through the sign-in page, as a person does. */
		static Http signIn(String user) throws Exception {
			Http http = new Http();
			String token = tokenOf(http.get("/sign-in").body());
			HttpResponse<String> signedIn = http.post("/sign-in",
					Map.of("username", user, "password", ConsoleServer.PASSWORD, "_csrf", token));
			assertThat(signedIn.statusCode()).isEqualTo(302);
			assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
			return http;
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return this.client.send(HttpRequest.newBuilder(server.url(path)).header("Accept-Language", "vi").build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
			String body = form.entrySet()
				.stream()
				.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return this.client.send(HttpRequest.newBuilder(server.url(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept-Language", "vi")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		/** The events of a stream, until it closes. */
		List<Event> events(String path) throws IOException, InterruptedException {
			URI uri = server.url(path);
			HttpResponse<Stream<String>> response = this.client.send(HttpRequest.newBuilder(uri)
				.header("Accept", "text/event-stream")
				.header("Accept-Language", "vi")
				.timeout(Duration.ofMinutes(3))
				.build(), HttpResponse.BodyHandlers.ofLines());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
			List<Event> events = new ArrayList<>();
			try (Stream<String> lines = response.body()) {
				String name = "message";
				StringBuilder data = new StringBuilder();
				for (Iterator<String> it = lines.iterator(); it.hasNext();) {
					String line = it.next();
					if (line.isEmpty()) {
						if (!data.isEmpty()) {
							events.add(new Event(name, data.toString()));
						}
						name = "message";
						data.setLength(0);
					}
					else if (line.startsWith("event:")) {
						name = line.substring("event:".length()).strip();
					}
					else if (line.startsWith("data:")) {
						data.append(line.substring("data:".length()));
					}
				}
				if (!data.isEmpty()) {
					events.add(new Event(name, data.toString()));
				}
			}
			return events;
		}

	}

}
