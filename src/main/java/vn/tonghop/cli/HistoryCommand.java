package vn.tonghop.cli;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.tonghop.TonghopProperties;
import vn.tonghop.job.RunHistory;
import vn.tonghop.job.RunLock;
import vn.tonghop.store.UnionSubmissions;

/**
 * {@code tonghop history}: the past runs, newest first, with their counts and outcome;
 * with {@code --purge}, removes the job metadata of runs older than
 * {@code tonghop.history.keep-days}.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
		description = "Liệt kê các lần chạy trước (mới nhất trước) với số liệu và kết quả; --purge xóa dữ liệu"
				+ " theo dõi của các lần chạy cũ (không bao giờ xóa báo cáo).")
class HistoryCommand implements Callable<Integer> {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final String[] HEADER = { "Lần chạy", "Việc", "Năm", "Bắt đầu", "Thời gian", "Trạng thái", "Số liệu",
			"Thư mục" };

	@Spec
	CommandSpec spec;

	@Option(names = "--limit", paramLabel = "N", defaultValue = "20",
			description = "Số lần chạy liệt kê (mặc định: ${DEFAULT-VALUE}).")
	int limit;

	@Option(names = "--purge",
			description = "Xóa dữ liệu theo dõi (Spring Batch) của các lần chạy kết thúc quá tonghop.history.keep-days"
					+ " ngày (mặc định 365); báo cáo đã nhận được giữ nguyên.")
	boolean purge;

	@Option(names = "--keep-days", paramLabel = "D",
			description = "Với --purge: số ngày giữ lại, thay cho tonghop.history.keep-days.")
	Integer keepDays;

	@Option(names = "--union", paramLabel = "MA",
			description = "Thay cho các lần chạy: các báo cáo của một CĐCS trong năm --year (cũ trước), báo cáo nào"
					+ " đang được tính, và từng chỉ tiêu thay đổi giữa hai báo cáo được chấp nhận liền nhau.")
	String union;

	@Option(names = "--year", paramLabel = "Y", description = "Với --union: năm của các báo cáo.")
	Integer year;

	@Mixin
	DatabaseOptions database;

	@Override
	public Integer call() throws Exception {
		if (this.limit < 1) {
			throw bad("--limit " + this.limit + ": phải từ 1 trở lên");
		}
		if (this.keepDays != null && this.keepDays < 0) {
			throw bad("--keep-days " + this.keepDays + ": không được âm");
		}
		if (this.keepDays != null && !this.purge) {
			throw bad("--keep-days chỉ dùng cùng --purge");
		}
		if (this.union != null || this.year != null) {
			if (this.union == null || this.union.isBlank() || this.year == null) {
				throw bad("--union và --year đi cùng nhau: tonghop history --union <mã CĐCS> --year <năm>");
			}
			if (this.purge) {
				throw bad("--union không dùng cùng --purge");
			}
			Arguments.requireYear(this.spec, this.year);
			return Spring.inContext(this.database, (context) -> {
				printUnion(new UnionSubmissions(context.getBean(JdbcTemplate.class)).of(this.year, this.union));
				return 0;
			});
		}
		return Spring.inContext(this.database, (context) -> {
			RunHistory history = new RunHistory(context.getBean(JdbcTemplate.class));
			if (this.purge) {
				int days = (this.keepDays != null) ? this.keepDays
						: context.getBean(TonghopProperties.class).history().keepDays();
				if (days < 0) {
					throw bad("tonghop.history.keep-days " + days + ": không được âm");
				}
				int removed = history.purge(days);
				System.out.printf("Đã xóa dữ liệu theo dõi của %d lần chạy kết thúc trước ngày %s (giữ %d ngày);"
						+ " báo cáo đã nhận được giữ nguyên.%n", removed, RunHistory.purgeBefore(days), days);
				return 0;
			}
			print(history.lines(this.limit), RunLock.held(context.getBean(DataSource.class)));
			return 0;
		});
	}

	/**
	 * A union's returns of the year, oldest first, each with what became of it and what
	 * changed from the accepted return before it.
	 */
	private void printUnion(List<UnionSubmissions.Submission> submissions) {
		String union = this.union.strip();
		if (submissions.isEmpty()) {
			System.out.println("Chưa nhận báo cáo nào của CĐCS " + union + " năm " + this.year + ".");
			return;
		}
		System.out.println("Báo cáo của CĐCS " + union + " năm " + this.year + " (cũ trước):");
		int number = 0;
		boolean accepted = false;
		for (UnionSubmissions.Submission submission : submissions) {
			number++;
			String state = !submission.accepted() ? "bị từ chối" : submission.counts()
					? "được chấp nhận, đang được tính" : "được chấp nhận, bị thay bằng báo cáo sau";
			System.out.println("  " + number + ". " + submission.sourceFile() + " (nhận lúc "
					+ TIME.format(submission.storedAt()) + "): " + state);
			if (submission.accepted() && accepted) {
				if (submission.changes().isEmpty()) {
					System.out.println("     không chỉ tiêu nào thay đổi so với báo cáo được chấp nhận trước");
				}
				else {
					System.out.println("     thay đổi so với báo cáo được chấp nhận trước: "
							+ submission.changes().size() + " chỉ tiêu");
					for (UnionSubmissions.Change change : submission.changes()) {
						System.out.println("       " + change.code() + ": " + blank(change.before()) + " → "
								+ blank(change.after())
								+ ((change.cell() != null) ? " (ô " + change.cell() + ")" : ""));
					}
				}
			}
			accepted |= submission.accepted();
		}
	}

	private static String blank(String value) {
		return (value != null) ? value : "(trống)";
	}

	/**
	 * The lines as a table; {@code running}: whether a run holds the database now, else a
	 * run the repository shows running is shown interrupted.
	 */
	private static void print(List<RunHistory.Line> lines, boolean running) {
		if (lines.isEmpty()) {
			System.out.println("Chưa có lần chạy nào.");
			return;
		}
		List<String[]> rows = new ArrayList<>();
		rows.add(HEADER);
		for (RunHistory.Line line : lines) {
			rows.add(new String[] { Long.toString(line.executionId()), line.job(),
					(line.year() != null) ? line.year().toString() : "",
					(line.startTime() != null) ? TIME.format(line.startTime()) : "", duration(line, running),
					line.state(running), counts(line), (line.folder() != null) ? line.folder() : "" });
		}
		int[] widths = TerminalTable.widths(rows);
		for (int r = 0; r < rows.size(); r++) {
			// the run's number and year right-aligned, not their headings
			System.out.println(TerminalTable.line(rows.get(r), widths, (r > 0) ? Set.of(0, 2) : Set.of()));
			if (r > 0) {
				RunHistory.Line line = lines.get(r - 1);
				String failure = (line.unfinished() && !running)
						? "Tiến trình đã dừng đột ngột (bị tắt, mất điện); chạy lại đúng lệnh đó để chạy tiếp."
						: line.failure();
				if (failure != null) {
					System.out.println(" ".repeat(widths[0] + 2) + "↳ " + failure);
				}
			}
		}
	}

	private static String counts(RunHistory.Line line) {
		if (line.ingest()) {
			return String.format(Locale.ROOT,
					"tệp: mới %d, trùng %d, không đọc được %d, bỏ qua %d; báo cáo: chấp nhận %d, từ chối %d, thay thế %d",
					line.files("NEW"), line.files("DUPLICATE"), line.files("UNREADABLE"), line.files("SKIPPED"),
					line.accepted(), line.rejected(), line.superseded());
		}
		if (line.consolidation()) {
			return String.format(Locale.ROOT, "báo cáo tổng hợp %d, phát hiện %d", line.returnsWritten(),
					line.findings());
		}
		return "";
	}

	private static String duration(RunHistory.Line line, boolean running) {
		Duration took = line.duration();
		if (took == null) {
			return (running && line.endTime() == null && line.startTime() != null) ? "đang chạy" : "";
		}
		long seconds = took.toSeconds();
		if (seconds < 60) {
			return String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
		}
		if (seconds < 3600) {
			return String.format(Locale.ROOT, "%d ph %02d s", seconds / 60, seconds % 60);
		}
		return String.format(Locale.ROOT, "%d g %02d ph", seconds / 3600, (seconds % 3600) / 60);
	}

	private CommandLine.ParameterException bad(String message) {
		return new CommandLine.ParameterException(this.spec.commandLine(), message);
	}

}
