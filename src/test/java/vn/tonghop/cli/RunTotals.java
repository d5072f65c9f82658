package vn.tonghop.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.tonghop.TestDatabase;
import vn.tonghop.report.YearOutputs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a {@code tonghop run} left, as a run that was interrupted (killed, stopped) and
 * run again must leave it: the rows stored, what the first ingest made of each file, and
 * the outputs under {@code output/Y/}.
 *
 * @param data the data folder (the PostgreSQL database made for it in that run)
 * @param output the output folder
 * @param year the year consolidated
 * @param counts the rows of {@link #TABLES}
 * @param outcomes what the first ingest made of the files, "NEW×70 DUPLICATE×2 …"
 */
record RunTotals(Path data, Path output, int year, List<Long> counts, String outcomes) {

	static final List<String> CSV_OUTPUTS = List.of("returns.csv", "by-province.csv", "by-sector.csv",
			"by-province-sector.csv", "by-industry.csv", "completeness.csv", "issues.csv");

	static final List<String> TABLES = List.of("submission", "return_record", "finding");

	/** The totals of a run of {@code year} on {@code data}, writing to {@code output}. */
	static RunTotals of(Path data, Path output, int year) throws Exception {
		return new RunTotals(data, output, year, counts(data), firstIngestOutcomes(data));
	}

	/**
	 * Asserts that these totals are exactly those of {@code reference}, an uninterrupted
	 * run, and that no run was left unfinished and no temporary file behind.
	 * @param context what to show with a failure (a seed, the output)
	 */
	void assertSameAs(RunTotals reference, String context) throws Exception {
		assertThat(this.counts).as("rows of %s, %s", TABLES, context).isEqualTo(reference.counts);
		assertThat(this.outcomes).as("what the interrupted ingest made of each file, " + context)
			.isEqualTo(reference.outcomes);
		assertThat(Runs.count(this.data, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE i WHERE NOT EXISTS (SELECT 1"
				+ " FROM BATCH_JOB_EXECUTION e WHERE e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID AND e.STATUS = 'COMPLETED')"))
			.as("interrupted runs restarted to completion, none left running, stopped or failed; " + context)
			.isZero();
		Path year = yearFolder();
		for (String name : CSV_OUTPUTS) {
			assertThat(year.resolve(name)).as(context)
				.hasSameTextualContentAs(reference.yearFolder().resolve(name), StandardCharsets.UTF_8);
		}
		assertThat(names(year.resolve("phan-hoi"))).as(context)
			.isEqualTo(names(reference.yearFolder().resolve("phan-hoi")));
		try (XSSFWorkbook workbook = new XSSFWorkbook(
				Files.newInputStream(year.resolve("tong-hop-thi-dua-" + this.year + ".xlsx")))) {
			assertThat(workbook.getNumberOfSheets()).isGreaterThan(5);
		}
		try (Stream<Path> files = Files.walk(this.output)) {
			// the published year's manifest only: no temporary file, no folder a run
			// wrote into before publishing
			assertThat(files.map((file) -> this.output.relativize(file).toString())
				.filter((name) -> name.startsWith(".") || name.contains("/.")))
				.as("temporary files left behind, " + context)
				.containsExactly(this.year + "/" + YearOutputs.MANIFEST);
		}
	}

	private Path yearFolder() {
		return this.output.resolve(Integer.toString(this.year));
	}

	private static List<Long> counts(Path data) throws Exception {
		List<Long> counts = new ArrayList<>();
		for (String table : TABLES) {
			counts.add(Runs.count(data, "SELECT COUNT(*) FROM " + table));
		}
		return counts;
	}

	/**
	 * Outcomes of the files in the first ingest (over all its executions, when it was
	 * interrupted and restarted): "NEW×70 DUPLICATE×2 …".
	 */
	private static String firstIngestOutcomes(Path data) throws Exception {
		StringBuilder outcomes = new StringBuilder();
		for (String outcome : List.of("NEW", "DUPLICATE", "UNREADABLE", "SKIPPED")) {
			long n = Runs.count(data, "SELECT COUNT(*) FROM intake_log WHERE outcome = '" + outcome
					+ "' AND job_execution IN (SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID ="
					+ " (SELECT MIN(JOB_INSTANCE_ID) FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = 'ingestReturnsJob'))");
			outcomes.append(outcome).append('×').append(n).append(' ');
		}
		return outcomes.toString().strip();
	}

	private static List<String> names(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

	/**
	 * On PostgreSQL, waits until the sessions of a process that ended (killed, halted)
	 * are gone: the server carries out what it had sent (a COMMIT on its way commits) and
	 * then sees the connection gone.
	 */
	static void awaitSessionsEnded(Path data) throws Exception {
		if (!TestDatabase.postgresql()) {
			return;
		}
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
		while (Runs.count(data, "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
				+ " AND pid <> pg_backend_pid() AND backend_type = 'client backend'") > 0) {
			assertThat(System.nanoTime()).as("the ended run's sessions ended").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

}
