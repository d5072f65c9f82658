package vn.tonghop.serve;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import vn.tonghop.job.RunSummary;

/**
 * The metrics of {@code tonghop serve}, counted from each finished run:
 * <ul>
 * <li>{@code tonghop.files} (tag {@code outcome}: new, duplicate, unreadable,
 * skipped)</li>
 * <li>{@code tonghop.returns} (tag {@code status}: accepted, rejected, superseded)</li>
 * <li>{@code tonghop.findings} (tag {@code rule})</li>
 * <li>{@code tonghop.runs} (tag {@code outcome}: completed, failed, skipped — skipped
 * when another run held the database)</li>
 * <li>{@code tonghop.run.duration} (tags {@code job}: ingest, consolidate;
 * {@code status}: the job's BatchStatus)</li>
 * <li>{@code tonghop.run.last.success} the end of the last run that completed, in epoch
 * seconds; NaN before</li>
 * <li>{@code tonghop.run.active} 1 while a run goes on</li>
 * </ul>
 * Files, returns and findings are counted when the ingest job completes: a failed ingest
 * is restarted by the next run, whose counts include the files of the failed attempt.
 */
public class RunMetrics {

	private static final List<String> OUTCOMES = List.of("new", "duplicate", "unreadable", "skipped");

	private static final List<String> STATUSES = List.of("accepted", "rejected", "superseded");

	private final MeterRegistry registry;

	private final AtomicInteger active = new AtomicInteger();

	private volatile double lastSuccess = Double.NaN;

	public RunMetrics(MeterRegistry registry) {
		this.registry = registry;
		// present from the start, at 0, so that a scrape before the first run sees them
		OUTCOMES.forEach(this::files);
		STATUSES.forEach(this::returns);
		List.of("completed", "failed", "skipped").forEach(this::runs);
		Gauge.builder("tonghop.run.active", this.active, AtomicInteger::get)
			.description("1 while a run goes on")
			.register(registry);
		Gauge.builder("tonghop.run.last.success", this, (metrics) -> metrics.lastSuccess)
			.description("End of the last run that completed, in epoch seconds")
			.baseUnit("seconds")
			.register(registry);
	}

	/** Marks a run as going on, until {@link #finished()}. */
	public void started() {
		this.active.set(1);
	}

	public void finished() {
		this.active.set(0);
	}

	/** Counts a firing skipped because another run held the database. */
	public void skipped() {
		runs("skipped").increment();
	}

	/**
	 * Counts a firing that ended with an error before its jobs could say how they ended.
	 */
	public void failed() {
		runs("failed").increment();
	}

	/**
	 * Records a run: its jobs' durations, and the counts of its ingest when it completed.
	 */
	public void record(RunJob.Result run, RunSummary summary) {
		time("ingest", run.ingest());
		if (run.ingest().getStatus() == BatchStatus.COMPLETED) {
			RunSummary.IngestCounts counts = summary.ingestCounts(run.ingest());
			counts.files().forEach((outcome, n) -> files(outcome.toLowerCase(Locale.ROOT)).increment(n));
			returns("accepted").increment(counts.accepted());
			returns("rejected").increment(counts.rejected());
			returns("superseded").increment(counts.superseded());
			counts.findingsByRule()
				.forEach((rule, n) -> Counter.builder("tonghop.findings")
					.description("Findings of the returns read, by rule")
					.tag("rule", rule)
					.register(this.registry)
					.increment(n));
		}
		if (run.consolidate() != null) {
			time("consolidate", run.consolidate());
		}
		if (run.completed()) {
			LocalDateTime end = run.consolidate().getEndTime();
			this.lastSuccess = ((end != null) ? end.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli()
					: System.currentTimeMillis()) / 1000.0;
		}
		runs(run.completed() ? "completed" : "failed").increment();
	}

	private void time(String job, JobExecution execution) {
		if (execution.getStartTime() == null || execution.getEndTime() == null) {
			return;
		}
		Timer.builder("tonghop.run.duration")
			.description("Time of a job of a run")
			.tag("job", job)
			.tag("status", execution.getStatus().name())
			.register(this.registry)
			.record(Duration.between(execution.getStartTime(), execution.getEndTime()).toMillis(),
					TimeUnit.MILLISECONDS);
	}

	private Counter files(String outcome) {
		return Counter.builder("tonghop.files")
			.description("Files read, by what became of them")
			.tag("outcome", outcome)
			.register(this.registry);
	}

	private Counter returns(String status) {
		return Counter.builder("tonghop.returns")
			.description("Returns read, by status")
			.tag("status", status)
			.register(this.registry);
	}

	private Counter runs(String outcome) {
		return Counter.builder("tonghop.runs")
			.description("Runs, by how they ended")
			.tag("outcome", outcome)
			.register(this.registry);
	}

}
