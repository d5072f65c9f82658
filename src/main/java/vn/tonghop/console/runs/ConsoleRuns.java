package vn.tonghop.console.runs;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import vn.tonghop.job.BatchRunner;
import vn.tonghop.job.RunLock;
import vn.tonghop.job.RunProgress;
import vn.tonghop.job.RunSummary;
import vn.tonghop.serve.Lines;
import vn.tonghop.serve.NightlyRuns;
import vn.tonghop.serve.RunJob;
import vn.tonghop.serve.RunMetrics;
import vn.tonghop.serve.ServeSettings;

/**
 * Runs started from the console, on a thread of the server, one at a time: the ingest of
 * the inbox, the consolidation of the year, or both, with the inbox, year and output
 * folder of {@code tonghop serve} ({@link ServeSettings}). A run starts only once it
 * holds the run lock ({@link RunLock}), taken before {@link #start} returns, so that the
 * nightly schedule, the console and a command-line run never overlap and a refusal is
 * answered at once. Its summary is logged line by line, as a scheduled run's, and kept
 * for the page with how it ended; its progress is {@link RunProgress}'s. Stopping the
 * server waits for a run in progress, as the schedule does.
 */
@Component
public class ConsoleRuns implements SmartLifecycle {

	/** How long stopping waits for a run in progress. */
	static final int AWAIT_SECONDS = 600;

	private static final Log logger = LogFactory.getLog(ConsoleRuns.class);

	private final ServeSettings settings;

	private final DataSource dataSource;

	private final BatchRunner runner;

	private final RunSummary summary;

	private final RunMetrics metrics;

	private final RunProgress progress;

	private final AtomicLong ids = new AtomicLong();

	private volatile ThreadPoolTaskExecutor executor;

	private volatile ConsoleRun last;

	ConsoleRuns(ServeSettings settings, DataSource dataSource, BatchRunner runner, RunSummary summary,
			RunMetrics metrics, RunProgress progress) {
		this.settings = settings;
		this.dataSource = dataSource;
		this.runner = runner;
		this.summary = summary;
		this.metrics = metrics;
		this.progress = progress;
	}

	/**
	 * Another run holds the database, or the server is stopping: the one line to show.
	 */
	public static final class Refused extends Exception {

		private static final long serialVersionUID = 1L;

		Refused(String message) {
			super(message);
		}

	}

	/**
	 * Starts a run on the server's thread, once the run lock is taken.
	 * @param kind what it does
	 * @param username who starts it
	 * @return the run, going on
	 * @throws Refused when another run holds the database (this server's, the schedule's
	 * or another process's), with the lock's message naming who holds it
	 */
	public ConsoleRun start(RunKind kind, String username) throws Refused {
		RunLock lock = lock();
		synchronized (this) {
			ThreadPoolTaskExecutor executor = this.executor;
			ConsoleRun run = new ConsoleRun(this.ids.incrementAndGet(), kind, this.settings.year(), username,
					LocalDateTime.now());
			try {
				if (executor == null) {
					throw new RejectedExecutionException("not started");
				}
				this.progress.clear();
				executor.execute(() -> execute(run, lock));
			}
			catch (RejectedExecutionException ex) {
				lock.close();
				throw new Refused("Máy chủ đang dừng; không bắt đầu lần chạy mới.");
			}
			this.last = run;
			return run;
		}
	}

	/** The run going on, or the last one this server started; null before the first. */
	public ConsoleRun last() {
		return this.last;
	}

	/**
	 * The progress of {@code run}: what the jobs tell now while it runs, what they had
	 * told when it ended after.
	 */
	public RunProgress.Snapshot progress(ConsoleRun run) {
		RunProgress.Snapshot ended = run.progress();
		return (ended != null) ? ended : this.progress.snapshot();
	}

	public ServeSettings settings() {
		return this.settings;
	}

	private RunLock lock() throws Refused {
		try {
			return RunLock.acquire(this.dataSource, this.settings.database());
		}
		catch (RunLock.Busy ex) {
			throw new Refused(ex.getMessage());
		}
		catch (Exception ex) {
			if (RunLock.databaseInUse(ex)) {
				// another process has the embedded H2 file open
				throw new Refused(RunLock.busyMessage(this.settings.database()));
			}
			throw new IllegalStateException("Không lấy được khoá chạy: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The run, on the server's thread; holds {@code lock} until it ends. Never throws.
	 */
	private void execute(ConsoleRun run, RunLock lock) {
		ConsoleRun.Outcome outcome = ConsoleRun.Outcome.ERROR;
		String problem = null;
		this.metrics.started();
		logger.info("Bắt đầu lần chạy từ bảng điều khiển (số " + run.id() + ", " + run.startedBy() + "): "
				+ describe(run.kind(), this.settings));
		try (PrintStream out = new PrintStream(new Lines((line) -> {
			logger.info(line);
			run.line(line);
		}), true, StandardCharsets.UTF_8); lock) {
			outcome = switch (run.kind()) {
				case RUN -> {
					RunJob.Result result = RunJob.run(this.runner, this.summary, this.settings.input(),
							this.settings.year(), this.settings.output(), out);
					this.metrics.record(result, this.summary);
					yield result.completed() ? ConsoleRun.Outcome.COMPLETED : ConsoleRun.Outcome.FAILED;
				}
				case INGEST ->
					outcome(RunJob.ingest(this.runner, this.summary, this.settings.input(), this.settings.year(), out));
				case CONSOLIDATE -> {
					JobExecution consolidate = RunJob.consolidate(this.runner, this.summary, this.settings.year(),
							this.settings.output(), false, false, out);
					yield (consolidate != null) ? outcome(consolidate) : ConsoleRun.Outcome.NOT_CONSOLIDATED;
				}
			};
		}
		catch (Exception ex) {
			problem = rootMessage(ex);
			logger.error("Lần chạy từ bảng điều khiển thất bại: " + problem + " (chi tiết ở mức DEBUG của "
					+ ConsoleRuns.class.getName() + ").");
			logger.debug("Lần chạy từ bảng điều khiển thất bại", ex);
			this.metrics.failed();
		}
		finally {
			this.metrics.finished();
			NightlyRuns.releaseConnections(this.dataSource, this.settings);
			run.end(outcome, problem, this.progress.snapshot(), LocalDateTime.now());
			logger.info("Lần chạy từ bảng điều khiển số " + run.id() + " kết thúc: " + outcome.key() + ".");
		}
	}

	private static ConsoleRun.Outcome outcome(JobExecution execution) {
		return (execution.getStatus() == BatchStatus.COMPLETED) ? ConsoleRun.Outcome.COMPLETED
				: ConsoleRun.Outcome.FAILED;
	}

	/** What a run of {@code kind} does, in words, for the log and the audit log. */
	static String describe(RunKind kind, ServeSettings settings) {
		return switch (kind) {
			case INGEST -> "nhận báo cáo trong " + settings.input() + " (năm " + settings.year() + ")";
			case CONSOLIDATE -> "tổng hợp năm " + settings.year();
			case RUN -> "nhận báo cáo trong " + settings.input() + ", tổng hợp năm " + settings.year();
		};
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getName();
	}

	@Override
	public void start() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		// one at a time: the run lock refuses a second anyway (a run started as the one
		// before releases the lock waits for its thread a moment)
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setThreadNamePrefix("tonghop-console-run-");
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(AWAIT_SECONDS);
		executor.initialize();
		this.executor = executor;
	}

	@Override
	public void stop() {
		ThreadPoolTaskExecutor executor;
		synchronized (this) {
			executor = this.executor;
			this.executor = null;
		}
		if (executor != null) {
			ConsoleRun run = this.last;
			if (run != null && run.running()) {
				logger.info("Đang dừng: chờ lần chạy từ bảng điều khiển kết thúc (tối đa " + AWAIT_SECONDS / 60
						+ " phút).");
			}
			executor.shutdown();
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
