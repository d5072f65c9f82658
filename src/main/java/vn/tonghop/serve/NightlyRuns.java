package vn.tonghop.serve;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

import vn.tonghop.job.BatchRunner;
import vn.tonghop.job.RunLock;
import vn.tonghop.job.RunSummary;

/**
 * Runs the {@code run} job on the schedule of {@link ServeSettings}, one run at a time on
 * a thread of its own. Each firing takes the run lock as {@code tonghop run} does (when
 * another run holds it, the firing is skipped with a warning), logs the summary line by
 * line, and records the metrics; whatever goes wrong is logged and the schedule goes on.
 * Started last and stopped first with the application: stopping waits for a run in
 * progress, {@value #AWAIT_SECONDS} seconds at most.
 */
public class NightlyRuns implements SmartLifecycle {

	/** How long stopping waits for a run in progress. */
	static final int AWAIT_SECONDS = 600;

	private static final Log logger = LogFactory.getLog(NightlyRuns.class);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy");

	private final ServeSettings settings;

	private final DataSource dataSource;

	private final BatchRunner runner;

	private final RunSummary summary;

	private final RunMetrics metrics;

	private final Environment environment;

	private final CronExpression cron;

	private volatile ThreadPoolTaskScheduler scheduler;

	private volatile ScheduledFuture<?> schedule;

	private volatile boolean running;

	private volatile boolean inProgress;

	NightlyRuns(ServeSettings settings, DataSource dataSource, BatchRunner runner, RunSummary summary,
			RunMetrics metrics, Environment environment) {
		this.settings = settings;
		this.dataSource = dataSource;
		this.runner = runner;
		this.summary = summary;
		this.metrics = metrics;
		this.environment = environment;
		this.cron = CronExpression.parse(settings.cron());
	}

	@Override
	public void start() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(1);
		scheduler.setThreadNamePrefix("tonghop-serve-");
		scheduler.setWaitForTasksToCompleteOnShutdown(true);
		scheduler.setAwaitTerminationSeconds(AWAIT_SECONDS);
		// at shutdown, the next firing is dropped, not waited for
		scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		scheduler.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
		scheduler.initialize();
		this.scheduler = scheduler;
		logStart();
		// the connections of the start (migrations, job repository)
		releaseConnections();
		if (this.settings.now()) {
			scheduler.execute(this::fire);
		}
		this.schedule = scheduler.schedule(this::fire, new CronTrigger(this.settings.cron(), this.settings.zone()));
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		ScheduledFuture<?> schedule = this.schedule;
		if (schedule != null) {
			schedule.cancel(false);
		}
		ThreadPoolTaskScheduler scheduler = this.scheduler;
		if (scheduler != null) {
			if (this.inProgress) {
				logger.info("Đang dừng: chờ lần chạy đang dở kết thúc (tối đa " + AWAIT_SECONDS / 60 + " phút).");
			}
			scheduler.shutdown();
		}
		logger.info("Đã dừng chế độ chạy đêm.");
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** One firing: the {@code run} job under the run lock. Never throws. */
	void fire() {
		this.inProgress = true;
		this.metrics.started();
		logger.info("Bắt đầu lần chạy: nhận báo cáo trong " + this.settings.input() + ", tổng hợp năm "
				+ this.settings.year() + ".");
		try (PrintStream out = new PrintStream(new Lines(logger::info), true, StandardCharsets.UTF_8)) {
			try (RunLock lock = RunLock.acquire(this.dataSource, this.settings.database())) {
				RunJob.Result run = RunJob.run(this.runner, this.summary, this.settings.input(), this.settings.year(),
						this.settings.output(), out);
				this.metrics.record(run, this.summary);
				if (!run.completed()) {
					logger.error(
							"Lần chạy không thành công: " + failure(run) + "; lần chạy sau tiếp tục từ chỗ đã dừng.");
				}
			}
		}
		catch (RunLock.Busy ex) {
			skipped(ex.getMessage());
		}
		catch (Exception ex) {
			if (RunLock.databaseInUse(ex)) {
				// another process has the embedded H2 file open
				skipped(RunLock.busyMessage(this.settings.database()));
			}
			else {
				logger.error("Lần chạy thất bại: " + rootMessage(ex) + " (chi tiết ở mức DEBUG của "
						+ NightlyRuns.class.getName() + "). Lịch chạy vẫn tiếp tục.");
				logger.debug("Lần chạy thất bại", ex);
				this.metrics.failed();
			}
		}
		finally {
			this.metrics.finished();
			releaseConnections();
			this.inProgress = false;
			if (this.running) {
				logger.info("Lần chạy tới: " + next() + ".");
			}
		}
	}

	private void skipped(String reason) {
		logger.warn("Bỏ qua lần chạy này: " + reason);
		this.metrics.skipped();
	}

	private void logStart() {
		logger.info("tonghop serve: chạy theo lịch \"" + this.settings.cron() + "\" (" + this.settings.zone()
				+ "); lần chạy tới: " + next() + (this.settings.now() ? "; chạy ngay một lần (--now)." : "."));
		logger.info("Hộp thư: " + this.settings.input() + "; năm " + this.settings.year() + "; kết quả: "
				+ this.settings.output().resolve(String.valueOf(this.settings.year())));
		logger.info("Cơ sở dữ liệu: " + this.settings.database());
		// with the console, the metrics are on a server of their own
		String port = this.environment.getProperty("local.management.port",
				this.environment.getProperty("local.server.port", ""));
		String metrics = "http://127.0.0.1:" + port + "/actuator";
		logger.info("Số liệu đo: " + metrics + "/prometheus, " + metrics + "/metrics, " + metrics + "/health");
		logger.info("Nhật ký: " + this.settings.logFile());
	}

	/** The next firing, in the schedule's zone. */
	private String next() {
		ZonedDateTime next = this.cron.next(ZonedDateTime.now(this.settings.zone()));
		return (next != null) ? TIME.format(next) + " (" + this.settings.zone() + ")" : "không có";
	}

	/**
	 * Closes the idle connections of the pool, so that between runs the embedded H2 file
	 * is not held open and the other commands (trace, history, …) can use it.
	 */
	private void releaseConnections() {
		releaseConnections(this.dataSource, this.settings);
	}

	/**
	 * Closes the idle connections of the pool when the database is the embedded H2 file,
	 * so that other commands can open it: after a run, whoever ran it.
	 */
	public static void releaseConnections(DataSource dataSource, ServeSettings settings) {
		if (!settings.embedded()) {
			return;
		}
		try {
			if (dataSource.isWrapperFor(HikariDataSource.class)) {
				HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
				if (hikari.getHikariPoolMXBean() != null) {
					hikari.getHikariPoolMXBean().softEvictConnections();
				}
			}
		}
		catch (SQLException ex) {
			logger.debug("Không đóng được các kết nối rảnh", ex);
		}
	}

	/** Which job of an incomplete run ended how, and why. */
	private static String failure(RunJob.Result run) {
		JobExecution execution = (run.ingest().getStatus() != BatchStatus.COMPLETED) ? run.ingest() : run.consolidate();
		String job = (execution == run.ingest()) ? "nhận báo cáo" : "tổng hợp";
		List<Throwable> failures = execution.getAllFailureExceptions();
		return job + " " + execution.getStatus()
				+ (failures.isEmpty() ? "" : " (" + rootMessage(failures.get(0)) + ")");
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getName();
	}

}
