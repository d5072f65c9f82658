package vn.tonghop.serve;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import vn.tonghop.job.BatchRunner;
import vn.tonghop.job.RunSummary;
import vn.tonghop.report.CsvReports;

/**
 * The {@code run} job, as {@code tonghop run} and every firing of {@code tonghop serve}
 * do it: ingest the inbox, then, when that completed, consolidate the year; the summary
 * of each goes to {@code out}. The caller holds the run lock.
 */
public final class RunJob {

	private RunJob() {
	}

	/**
	 * The executions of one run.
	 *
	 * @param ingest the ingest execution
	 * @param consolidate the consolidate execution; {@code null} when the ingest did not
	 * complete
	 */
	public record Result(JobExecution ingest, JobExecution consolidate) {

		/** Whether both jobs completed. */
		public boolean completed() {
			return this.ingest.getStatus() == BatchStatus.COMPLETED && this.consolidate != null
					&& this.consolidate.getStatus() == BatchStatus.COMPLETED;
		}

	}

	public static Result run(BatchRunner runner, RunSummary summary, Path input, int year, Path output, PrintStream out)
			throws Exception {
		JobExecution ingest = runner.ingest(input, year);
		if (ingest.getStatus() != BatchStatus.COMPLETED) {
			summary.printIngest(ingest, year, out);
			return new Result(ingest, null);
		}
		// the roll-ups are summed while the summary is made and printed
		CompletableFuture<?> sums = runner.sumAhead(year);
		summary.printIngest(ingest, year, out);
		JobExecution consolidate = runner.consolidate(year, output);
		sums.join();
		summary.printConsolidate(consolidate, year, CsvReports.yearFolder(output, year), out);
		return new Result(ingest, consolidate);
	}

}
