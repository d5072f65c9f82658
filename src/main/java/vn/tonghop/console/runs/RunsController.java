package vn.tonghop.console.runs;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.tonghop.console.Scope;
import vn.tonghop.console.audit.AuditLog;
import vn.tonghop.console.users.SignedIn;
import vn.tonghop.job.RunHistory;
import vn.tonghop.job.RunLock;

/**
 * The runs page: start a run (ADMIN and ANALYST), watch it live, read the past runs.
 * <ul>
 * <li>{@code GET /runs}: the form, the run going on or the last one this server started
 * (its outcome and summary), and the past runs with their counts, a page of
 * {@value #PAGE_SIZE} ({@code ?page=}).</li>
 * <li>{@code POST /runs} ({@code kind}: ingest, consolidate, run): starts it, or, when
 * another run holds the database, answers 409 with the lock's message.</li>
 * <li>{@code GET /runs/progress}: the run's progress as Server-Sent Events
 * ({@link RunStream}).</li>
 * </ul>
 */
@Controller
class RunsController {

	static final int PAGE_SIZE = 20;

	private static final Log logger = LogFactory.getLog(RunsController.class);

	private final ConsoleRuns runs;

	private final RunViews views;

	private final RunStream stream;

	private final AuditLog audit;

	private final RunHistory history;

	private final DataSource dataSource;

	RunsController(ConsoleRuns runs, RunViews views, RunStream stream, AuditLog audit, JdbcTemplate jdbc,
			DataSource dataSource) {
		this.runs = runs;
		this.views = views;
		this.stream = stream;
		this.audit = audit;
		this.history = new RunHistory(jdbc);
		this.dataSource = dataSource;
	}

	@GetMapping("/runs")
	String page(@RequestParam(name = "page", defaultValue = "1") int page, Model model, Locale locale) {
		return show(page, model, locale);
	}

	@PostMapping("/runs")
	String start(@RequestParam("kind") String kind, @AuthenticationPrincipal SignedIn me, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		RunKind what = kind(kind);
		try {
			ConsoleRun run = this.runs.start(what, me.getUsername());
			this.audit.record(AuditLog.Action.RUN_STARTED,
					"số " + run.id() + ": " + ConsoleRuns.describe(what, this.runs.settings()));
			redirect.addFlashAttribute("started", run.id());
			return "redirect:/runs";
		}
		catch (ConsoleRuns.Refused ex) {
			try {
				this.audit.record(AuditLog.Action.RUN_REFUSED,
						ConsoleRuns.describe(what, this.runs.settings()) + ": " + ex.getMessage());
			}
			catch (DataAccessException unrecorded) {
				if (!RunLock.databaseInUse(unrecorded)) {
					throw unrecorded;
				}
				// another process has the embedded database open: the log has it
				logger.warn("Không ghi được vào nhật ký kiểm tra (cơ sở dữ liệu đang bận): RUN_REFUSED bởi "
						+ me.getUsername() + ": " + ex.getMessage());
			}
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("refused", ex.getMessage());
			model.addAttribute("kind", what.key());
			return show(1, model, locale);
		}
	}

	@GetMapping(path = "/runs/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter progress(Locale locale) {
		return this.stream.watch(Scope.current(), locale);
	}

	private String show(int page, Model model, Locale locale) {
		Scope scope = Scope.current();
		ConsoleRun last = this.runs.last();
		if (last != null) {
			model.addAttribute("run", this.views.view(last, this.runs.progress(last), scope, locale));
		}
		model.addAttribute("kinds", RunKind.values());
		model.addAttribute("settings", this.runs.settings());
		model.addAttribute("scoped", !scope.all());
		try {
			long count = this.history.count();
			int pages = (int) Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
			int current = Math.min(Math.max(page, 1), pages);
			model.addAttribute("page", current);
			model.addAttribute("pages", pages);
			model.addAttribute("history", rows(this.history.lines((current - 1) * PAGE_SIZE, PAGE_SIZE), locale));
		}
		catch (DataAccessException ex) {
			if (!RunLock.databaseInUse(ex)) {
				throw ex;
			}
			// a command-line run has the embedded database open: the page says so
			model.addAttribute("historyBusy", true);
			model.addAttribute("history", List.of());
			model.addAttribute("page", 1);
			model.addAttribute("pages", 1);
		}
		return "runs/runs";
	}

	/**
	 * The past runs as the page shows them; one the repository shows running was
	 * interrupted unless a run holds the lock now, as {@code tonghop history} says.
	 */
	private List<HistoryRow> rows(List<RunHistory.Line> lines, Locale locale) {
		boolean running;
		try {
			running = lines.stream().anyMatch(RunHistory.Line::unfinished) && RunLock.held(this.dataSource);
		}
		catch (SQLException ex) {
			running = true;
		}
		List<HistoryRow> rows = new ArrayList<>();
		for (RunHistory.Line line : lines) {
			String state = line.unfinished() ? (running ? "running" : "interrupted")
					: line.status().toLowerCase(Locale.ROOT);
			Duration took = line.duration();
			String duration = (took != null) ? this.views.duration(took, locale) : null;
			String failure = (line.unfinished() && !running) ? this.views.text("runs.history.interrupted", locale)
					: line.failure();
			rows.add(new HistoryRow(line, line.ingest() ? "ingest" : line.consolidation() ? "consolidate" : "other",
					state, (line.startTime() != null) ? RunViews.TIME.format(line.startTime()) : null, duration,
					failure));
		}
		return rows;
	}

	private static RunKind kind(String kind) {
		for (RunKind each : RunKind.values()) {
			if (each.key().equals(kind)) {
				return each;
			}
		}
		throw new BadKind(kind);
	}

	/**
	 * A past run as a row of the page.
	 *
	 * @param line what {@link RunHistory} says of it
	 * @param job {@code ingest}, {@code consolidate} or {@code other}
	 * @param state its state's key: a batch status in lower case, {@code running} or
	 * {@code interrupted}
	 * @param started when it started, as people read it
	 * @param duration how long it took; null while it runs
	 * @param failure why it did not complete; null when it did
	 */
	record HistoryRow(RunHistory.Line line, String job, String state, String started, String duration, String failure) {

	}

	/** A form that asks for a kind of run there is not: 400. */
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	static final class BadKind extends RuntimeException {

		private static final long serialVersionUID = 1L;

		BadKind(String kind) {
			super("no such kind of run: " + kind);
		}

	}

}
