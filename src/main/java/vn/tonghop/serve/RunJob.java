package vn.tonghop.serve;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import vn.tonghop.job.BatchRunner;
import vn.tonghop.job.RunSummary;
import vn.tonghop.report.CsvReports;
import vn.tonghop.store.LastIngest;
import vn.tonghop.store.ProvinceScope;
import vn.tonghop.store.YearMismatch;

/**
 * The {@code run} job, as {@code tonghop run} and every firing of {@code tonghop serve}
 * do it: ingest the inbox, then, when that completed, consolidate the year; the summary
 * of each goes to {@code out}. Also each of the two alone, as {@code tonghop ingest} and
 * {@code tonghop consolidate} do them, for the console. The caller holds the run lock.
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
		return run(runner, summary, input, year, output, false, out);
	}

	/**
	 * @param yearMismatchCopies whether the feedback copies of returns whose only error
	 * is the year are written even when most returns name another year
	 */
	public static Result run(BatchRunner runner, RunSummary summary, Path input, int year, Path output,
			boolean yearMismatchCopies, PrintStream out) throws Exception {
		return run(runner, summary, input, year, output, yearMismatchCopies, ProvinceScope.all(), out);
	}

	/**
	 * @param scope the provinces the consolidation writes the rows of
	 * ({@link ProvinceScope}); the ingest reads the inbox whole whatever it is
	 */
	public static Result run(BatchRunner runner, RunSummary summary, Path input, int year, Path output,
			boolean yearMismatchCopies, ProvinceScope scope, PrintStream out) throws Exception {
		JobExecution ingest = runner.ingest(input, year);
		// first in the summary: most returns name another year, so --year is probably
		// wrong
		Optional<YearMismatch> mismatch = runner.yearMismatch(year);
		if (mismatch.isPresent()) {
			out.println();
			out.println("CẢNH BÁO: " + mismatch.get().warning(yearMismatchCopies));
		}
		if (ingest.getStatus() != BatchStatus.COMPLETED) {
			summary.printIngest(ingest, year, out);
			return new Result(ingest, null);
		}
		// the roll-ups are summed while the summary is made and printed
		CompletableFuture<?> sums = runner.sumAhead(year, scope);
		summary.printIngest(ingest, year, out);
		JobExecution consolidate = runner.consolidate(year, output, yearMismatchCopies, scope);
		sums.join();
		summary.printConsolidate(consolidate, year, CsvReports.yearFolder(output, year), out);
		return new Result(ingest, consolidate);
	}

	/**
	 * The ingest alone, as {@code tonghop ingest} does it (without {@code --repair}), its
	 * summary to {@code out}.
	 */
	public static JobExecution ingest(BatchRunner runner, RunSummary summary, Path input, int year, PrintStream out)
			throws Exception {
		JobExecution ingest = runner.ingest(input, year);
		summary.printIngest(ingest, year, out);
		return ingest;
	}

	/**
	 * The consolidation alone, as {@code tonghop consolidate} does it, its summary to
	 * {@code out}, headed by what a reader must know first (the year's last ingest
	 * unfinished, most returns of another year). When the year's last ingest did not
	 * finish and {@code allowUnfinished} is false, nothing is consolidated (the outputs
	 * stay as they were): {@code out} says why and the result is null.
	 * @param yearMismatchCopies whether the feedback copies of returns whose only error
	 * is the year are written even when most returns name another year
	 */
	public static JobExecution consolidate(BatchRunner runner, RunSummary summary, int year, Path output,
			boolean allowUnfinished, boolean yearMismatchCopies, PrintStream out) throws Exception {
		return consolidate(runner, summary, year, output, allowUnfinished, yearMismatchCopies, ProvinceScope.all(),
				out);
	}

	/**
	 * The same, with the rows of {@code scope}'s provinces only, as
	 * {@code tonghop consolidate --province} does it.
	 */
	public static JobExecution consolidate(BatchRunner runner, RunSummary summary, int year, Path output,
			boolean allowUnfinished, boolean yearMismatchCopies, ProvinceScope scope, PrintStream out)
			throws Exception {
		Optional<LastIngest> unfinished = runner.unfinishedIngest(year);
		if (unfinished.isPresent() && !allowUnfinished) {
			out.println();
			out.println("== Tổng hợp năm " + year + ": chưa tổng hợp ==");
			out.println("CẢNH BÁO: " + unfinished.get().warning(year));
			return null;
		}
		JobExecution consolidate = runner.consolidate(year, output, yearMismatchCopies, scope);
		List<String> warnings = new ArrayList<>();
		unfinished.ifPresent((ingest) -> warnings.add(ingest.warning(year)));
		runner.yearMismatch(year).ifPresent((mismatch) -> warnings.add(mismatch.warning(yearMismatchCopies)));
		summary.printConsolidate(consolidate, year, CsvReports.yearFolder(output, year),
				warnings.isEmpty() ? null : String.join(System.lineSeparator() + "CẢNH BÁO: ", warnings), out);
		return consolidate;
	}

}
