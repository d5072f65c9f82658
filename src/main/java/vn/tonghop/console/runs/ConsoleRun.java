package vn.tonghop.console.runs;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import vn.tonghop.job.RunProgress;

/**
 * One run started from the console: what, by whom, when, and, once it has ended, how it
 * ended and the summary lines it printed (those the log shows). Read from any thread.
 */
public final class ConsoleRun {

	/** How a run ended. */
	public enum Outcome {

		/** Every job it ran completed. */
		COMPLETED,

		/** A job did not complete (its summary says how far it got). */
		FAILED,

		/** The consolidation was not started: the year's last ingest did not finish. */
		NOT_CONSOLIDATED,

		/** Something went wrong before the jobs could say how they ended. */
		ERROR;

		public String key() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

	}

	private final long id;

	private final RunKind kind;

	private final int year;

	private final String startedBy;

	private final LocalDateTime startedAt;

	private final List<String> lines = new ArrayList<>();

	private volatile LocalDateTime endedAt;

	private volatile Outcome outcome;

	private volatile String problem;

	private volatile RunProgress.Snapshot progress;

	ConsoleRun(long id, RunKind kind, int year, String startedBy, LocalDateTime startedAt) {
		this.id = id;
		this.kind = kind;
		this.year = year;
		this.startedBy = startedBy;
		this.startedAt = startedAt;
	}

	/** Its number among the runs this server started since it started, from 1. */
	public long id() {
		return this.id;
	}

	public RunKind kind() {
		return this.kind;
	}

	public int year() {
		return this.year;
	}

	/** Who started it (her sign-in name). */
	public String startedBy() {
		return this.startedBy;
	}

	public LocalDateTime startedAt() {
		return this.startedAt;
	}

	/** When it ended; null while it runs. */
	public LocalDateTime endedAt() {
		return this.endedAt;
	}

	public boolean running() {
		return this.outcome == null;
	}

	/** How it ended; null while it runs. */
	public Outcome outcome() {
		return this.outcome;
	}

	/** Why it failed, in one line, when the jobs could not say it; else null. */
	public String problem() {
		return this.problem;
	}

	/** The summary lines printed so far. */
	public List<String> lines() {
		synchronized (this.lines) {
			return List.copyOf(this.lines);
		}
	}

	void line(String line) {
		synchronized (this.lines) {
			this.lines.add(line);
		}
	}

	/** What the jobs had told of their progress when it ended; null while it runs. */
	public RunProgress.Snapshot progress() {
		return this.progress;
	}

	void end(Outcome outcome, String problem, RunProgress.Snapshot progress, LocalDateTime at) {
		this.problem = problem;
		this.progress = progress;
		this.endedAt = at;
		this.outcome = outcome;
	}

}
