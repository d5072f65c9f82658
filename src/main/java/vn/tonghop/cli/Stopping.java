package vn.tonghop.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import vn.tonghop.TonghopProperties;
import vn.tonghop.job.BatchRunner;

/**
 * How a job command ({@code run}, {@code ingest}, {@code consolidate}) stops on SIGTERM
 * or Ctrl-C: a JVM shutdown hook of its own, in place of Spring Boot's, which closed the
 * application, and the database pool with it, under the running job ("HikariDataSource …
 * has been closed", hundreds of lines of stack traces in the consolidation). The hook
 * asks the job to stop ({@link BatchRunner#stop()}), waits {@code tonghop.stop-wait} at
 * most ({@link TonghopProperties#stopWait()}, {@link #WAIT} until the application is up)
 * for the command to end (the job stopped, the run lock released, the application
 * closed), then says in one line on stderr that the run was stopped and that the same
 * command resumes it. A job that has not ended by then is left as a killed run is, which
 * the next run recovers and restarts. Whatever the command's thread throws or prints once
 * the stop is asked is for the debug log only. The JVM exits with the status of the
 * signal: 143 for SIGTERM, 130 for SIGINT.
 */
final class Stopping implements AutoCloseable {

	/**
	 * How long the hook waits for the command to end until the application is up and says
	 * {@code tonghop.stop-wait}.
	 */
	static final Duration WAIT = Duration.ofSeconds(10);

	/** The exit status of a command stopped by a signal, by the signal's name. */
	private static final Map<String, Integer> STATUS = Map.of("INT", 130, "TERM", 143);

	private static final Log logger = LogFactory.getLog(Stopping.class);

	private static volatile String signal;

	private final CountDownLatch finished = new CountDownLatch(1);

	private final Thread hook;

	private final PrintStream err;

	/** Whether {@link #err} is a terminal that can redraw a line. */
	private final boolean terminal;

	private volatile boolean requested;

	private volatile BatchRunner runner;

	private volatile Duration wait = WAIT;

	private Stopping(PrintStream err, boolean terminal) {
		this.err = err;
		this.terminal = terminal;
		this.hook = new Thread(this::stop, "tonghop-stop");
	}

	/**
	 * Records which signal stops the process, SIGTERM or SIGINT, for the line that says
	 * so; the JVM's own handling (its shutdown) goes on as before. Called once, by the
	 * process's entry point. {@code sun.misc.Signal} (module {@code jdk.unsupported}) is
	 * the only way Java tells the two apart; without it the line names neither.
	 */
	static void recordSignals() {
		for (String name : STATUS.keySet()) {
			try {
				sun.misc.Signal watched = new sun.misc.Signal(name);
				sun.misc.SignalHandler[] previous = new sun.misc.SignalHandler[1];
				previous[0] = sun.misc.Signal.handle(watched, (received) -> {
					signal = received.getName();
					previous[0].handle(received);
				});
				if (previous[0] == sun.misc.SignalHandler.SIG_IGN || previous[0] == sun.misc.SignalHandler.SIG_DFL) {
					// ignored (a nohup, a background job of a script): it stays so
					sun.misc.Signal.handle(watched, previous[0]);
				}
			}
			catch (IllegalArgumentException | UnsupportedOperationException ex) {
				// the JVM keeps this signal (-Xrs) or the system has none
				logger.debug("Không theo dõi được tín hiệu SIG" + name, ex);
			}
		}
	}

	/** Installs the hook for one command, until {@link #close()}. */
	static Stopping install() {
		// a terminal as the progress bar takes it (IngestProgress.terminal)
		String term = System.getenv("TERM");
		boolean terminal = System.console() != null && term != null && !term.equals("dumb");
		Stopping stopping = new Stopping(System.err, terminal);
		Runtime.getRuntime().addShutdownHook(stopping.hook);
		return stopping;
	}

	/**
	 * The runner of the command's jobs and the wait of the settings, once the application
	 * is up; the runner is stopped at once when the stop came before.
	 */
	void watch(BatchRunner runner, Duration wait) {
		this.wait = wait;
		this.runner = runner;
		if (this.requested) {
			runner.stop();
		}
	}

	/** The application is closing: the runner's jobs have ended. */
	void unwatch() {
		this.runner = null;
	}

	/** Whether the process is stopping. */
	boolean requested() {
		return this.requested;
	}

	/** The exit status of the stop: 130 for SIGINT, 143 otherwise. */
	int status() {
		String name = signal;
		return (name != null) ? STATUS.getOrDefault(name, 143) : 143;
	}

	/**
	 * Standard output while no stop is asked: the summary of a stopped job is not printed
	 * (the stop's line says what happened).
	 */
	PrintStream out(PrintStream out) {
		return new PrintStream(new OutputStream() {
			@Override
			public void write(int b) {
				if (!Stopping.this.requested) {
					out.write(b);
				}
			}

			@Override
			public void write(byte[] bytes, int offset, int length) {
				if (!Stopping.this.requested) {
					out.write(bytes, offset, length);
				}
			}

			@Override
			public void flush() {
				out.flush();
			}
		}, true, StandardCharsets.UTF_8);
	}

	/** The one line of a stop. */
	static String message(String signal) {
		String by = (signal != null) ? " (SIG" + signal + ")" : "";
		return "Đã dừng lần chạy theo yêu cầu" + by + "; chạy lại đúng lệnh này để chạy tiếp từ chỗ đã dừng.";
	}

	/** The command has ended: the hook says so at once, or is removed. */
	@Override
	public void close() {
		this.finished.countDown();
		try {
			Runtime.getRuntime().removeShutdownHook(this.hook);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down: the hook runs, or has run
		}
	}

	/** The shutdown hook. */
	private void stop() {
		this.requested = true;
		Duration wait = this.wait;
		long deadline = System.nanoTime() + wait.toNanos();
		try {
			do {
				BatchRunner runner = this.runner;
				if (runner != null) {
					// again and again: a job started in between is stopped too
					runner.stop();
				}
			}
			while (!this.finished.await(100, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (this.finished.getCount() > 0) {
			logger.debug("Lần chạy chưa dừng sau " + wait.toMillis() + " ms; lần chạy sau sẽ tiếp quản nó");
		}
		if (this.terminal) {
			// over the "^C" the terminal echoed, or the progress bar left drawn
			this.err.print("\r\033[K");
		}
		this.err.println(message(signal));
		this.err.flush();
	}

}
