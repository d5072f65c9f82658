package vn.tonghop.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.tonghop.TestDatabase;
import vn.tonghop.job.RunLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One run at a time: while another run holds the database, a job command exits at once
 * with status 3 and one line, and changes nothing.
 */
class RunLockIntegrationTests {

	static final String BUSY = "Một lần chạy khác đang dùng cơ sở dữ liệu";

	/** A process id no system hands out (Linux allows at most 2^22). */
	static final long DEAD_PID = 999_999_999L;

	@TempDir
	Path work;

	Path input;

	Path data;

	Path output;

	@BeforeEach
	void firstRun() throws Exception {
		this.input = Files.createDirectories(this.work.resolve("hộp thư đến"));
		this.data = this.work.resolve("data");
		this.output = this.work.resolve("output");
		for (String name : List.of("form-libreoffice.xls", "form-formulas-libreoffice.xlsx")) {
			Files.copy(ConsolidationIntegrationTests.resource("/samples/" + name), this.input.resolve(name));
		}
		assertThat(run().status()).isZero();
		// a file the next run would store
		Files.copy(ConsolidationIntegrationTests.resource("/samples/form-edited.xlsx"),
				this.input.resolve("form-edited.xlsx"));
	}

	Runs.Result run() {
		return Runs.tonghop("run", "--input", this.input.toString(), "--year", "2026", "--output",
				this.output.toString(), "--data-dir", this.data.toString());
	}

	DataSource dataSource() {
		return new DriverManagerDataSource(TestDatabase.url(this.data), TestDatabase.postgresql() ? "postgres" : "",
				"");
	}

	long count(String sql) throws Exception {
		return Runs.count(this.data, sql);
	}

	void sql(String statement) throws Exception {
		try (Connection connection = TestDatabase.connect(this.data);
				java.sql.Statement update = connection.createStatement()) {
			update.execute(statement);
		}
	}

	void insertLock(String host, long pid) throws Exception {
		try (Connection connection = TestDatabase.connect(this.data);
				PreparedStatement insert = connection.prepareStatement(
						"INSERT INTO run_lock (id, token, host, pid, started_at) VALUES ('tonghop', 'left', ?, ?, ?)")) {
			insert.setString(1, host);
			insert.setLong(2, pid);
			insert.setObject(3, LocalDateTime.now().minusHours(3));
			insert.executeUpdate();
		}
	}

	@Test
	void secondRunWhileOneHoldsTheDatabaseExitsAtOnceAndChangesNothing() throws Exception {
		long executions = count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");
		long instances = count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE");
		long submissions = count("SELECT COUNT(*) FROM submission");

		try (RunLock held = RunLock.acquire(dataSource(), "đang giữ")) {
			Runs.Result second = run();
			assertThat(second.status()).isEqualTo(3);
			assertThat(second.err().strip()).startsWith(BUSY)
				.contains("tiến trình " + ProcessHandle.current().pid())
				.endsWith("hãy chờ nó kết thúc.")
				.doesNotContain("Lỗi");
			assertThat(second.out()).doesNotContain("mới ");
			Runs.Result ingest = Runs.tonghop("ingest", "--input", this.input.toString(), "--year", "2026",
					"--data-dir", this.data.toString());
			assertThat(ingest.status()).isEqualTo(3);
			assertThat(ingest.err()).contains(BUSY);
			Runs.Result consolidate = Runs.tonghop("consolidate", "--year", "2026", "--output", this.output.toString(),
					"--data-dir", this.data.toString());
			assertThat(consolidate.status()).isEqualTo(3);
			// a dry run stores nothing and needs no lock
			Runs.Result dryRun = Runs.tonghop("ingest", "--dry-run", "--input", this.input.toString(), "--year", "2026",
					"--data-dir", this.data.toString());
			assertThat(dryRun.status()).isZero();

			assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(executions);
			assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(instances);
			assertThat(count("SELECT COUNT(*) FROM submission")).isEqualTo(submissions);
			assertThat(count("SELECT COUNT(*) FROM run_lock")).isOne();
		}
		assertThat(count("SELECT COUNT(*) FROM run_lock")).isZero();

		Runs.Result after = run();

		assertThat(after.status()).isZero();
		assertThat(count("SELECT COUNT(*) FROM submission")).isEqualTo(submissions + 1);
		assertThat(count("SELECT COUNT(*) FROM run_lock")).isZero();
	}

	@Test
	void theLockIsReleasedWhenTheJobFails() throws Exception {
		// files.csv cannot be written: the table it is read from is gone (an --output
		// that
		// is a file is refused before the job starts, exit 2)
		Path output = this.work.resolve("ra");
		sql("ALTER TABLE intake_log RENAME TO intake_log_hidden");
		Runs.Result missing = Runs.tonghop("consolidate", "--year", "2026", "--output", output.toString(), "--data-dir",
				this.data.toString());
		assertThat(missing.status()).as(missing.out() + missing.err()).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM run_lock")).isZero();
		sql("ALTER TABLE intake_log_hidden RENAME TO intake_log");
		assertThat(run().status()).isZero();
	}

	@Test
	void aLockLeftByADeadProcessIsTakenOver() throws Exception {
		insertLock(RunLock.host(), DEAD_PID);

		Runs.Result result = run();

		assertThat(result.status()).isZero();
		assertThat(result.out() + result.err()).contains("tiến trình " + DEAD_PID).contains("tiếp quản");
		assertThat(count("SELECT COUNT(*) FROM run_lock")).isZero();
	}

	@Test
	void aLockOfAnotherMachineIsRespectedOnH2() throws Exception {
		assumeFalse(TestDatabase.postgresql(), "on PostgreSQL the advisory lock decides");
		insertLock("may-khac", 4242);
		long executions = count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");

		Runs.Result result = run();

		assertThat(result.status()).isEqualTo(3);
		assertThat(result.err()).contains(BUSY, "máy may-khac, tiến trình 4242", "DELETE FROM run_lock");
		assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(executions);
	}

	@Test
	void onPostgresqlARowWithoutItsAdvisoryLockIsStaleWhoeverItNames() throws Exception {
		assumeTrue(TestDatabase.postgresql(), "PostgreSQL only");
		// as a run killed with kill -9 leaves it: the row stays, the server dropped the
		// lock
		insertLock("may-khac", ProcessHandle.current().pid());

		Runs.Result result = run();

		assertThat(result.status()).isZero();
		assertThat(result.out() + result.err()).contains("tiếp quản");
		assertThat(count("SELECT COUNT(*) FROM run_lock")).isZero();
	}

	@Test
	void onPostgresqlTheAdvisoryLockAloneKeepsASecondRunOut() throws Exception {
		assumeTrue(TestDatabase.postgresql(), "PostgreSQL only");
		long executions = count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");
		try (Connection session = TestDatabase.connect(this.data)) {
			session.createStatement().execute("SELECT pg_advisory_lock(" + 0x746f6e67686f70L + ")");
			Runs.Result result = run();
			assertThat(result.status()).isEqualTo(3);
			assertThat(result.err()).contains(BUSY);
		}
		// the session ended: the server released its lock
		assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(executions);
		assertThat(run().status()).isZero();
	}

	@Test
	void anotherProcessHoldingTheH2FileIsReportedClearly() throws Exception {
		assumeFalse(TestDatabase.postgresql(), "H2 only");
		Process holder = holdTheFile();
		try {

			Runs.Result result = run();

			assertThat(result.status()).isEqualTo(3);
			assertThat(result.err().strip())
				.isEqualTo(BUSY + " " + this.data.toAbsolutePath().normalize() + "; hãy chờ nó kết thúc.");
		}
		finally {
			holder.getOutputStream().close();
			if (!holder.waitFor(30, TimeUnit.SECONDS)) {
				holder.destroyForcibly();
			}
		}
		assertThat(count("SELECT COUNT(*) FROM run_lock")).isZero();
		assertThat(run().status()).isZero();
	}

	/**
	 * A run of another process on this data folder leaves its note there: a second
	 * command is refused from the note, before it starts the application (the line names
	 * the run's process, which H2's "in use" cannot), in well under the seconds the start
	 * took (bench/lock.sh measures it); a note left by a dead process is ignored.
	 */
	@Test
	void aRunOfAnotherProcessIsRefusedFromItsNoteBeforeTheApplicationStarts() throws Exception {
		assumeFalse(TestDatabase.postgresql(), "the note is the embedded database's");
		Process holder = holdTheFile();
		try {
			Files.writeString(this.data.resolve(RunLock.NOTE),
					RunLock.host() + "\n" + holder.pid() + "\n" + java.time.LocalDateTime.now().withNano(0) + "\n");

			Runs.Result result = run();

			assertThat(result.status()).isEqualTo(3);
			assertThat(result.err().strip()).startsWith(BUSY + " " + this.data.toAbsolutePath().normalize())
				.contains("tiến trình " + holder.pid());
			assertThat(result.out()).as("no application started").doesNotContain("Tìm thấy");
		}
		finally {
			holder.getOutputStream().close();
			if (!holder.waitFor(30, TimeUnit.SECONDS)) {
				holder.destroyForcibly();
			}
		}
		// the process is gone: its note does not count
		assertThat(this.data.resolve(RunLock.NOTE)).exists();
		assertThat(run().status()).isZero();
		assertThat(this.data.resolve(RunLock.NOTE)).as("the run's own note, removed at its end").doesNotExist();
	}

	/** Another process with the embedded H2 database open ({@link HoldsTheFile}). */
	Process holdTheFile() throws Exception {
		Process holder = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), HoldsTheFile.class.getName(), TestDatabase.url(this.data))
			.redirectErrorStream(true)
			.start();
		BufferedReader lines = new BufferedReader(
				new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
		assertThat(lines.readLine()).isEqualTo("ready");
		return holder;
	}

	/**
	 * Keeps an embedded H2 database open, as a run in another process does, until stdin
	 * closes.
	 */
	static final class HoldsTheFile {

		public static void main(String[] args) throws Exception {
			try (Connection connection = DriverManager.getConnection(args[0], "", "")) {
				System.out.println("ready");
				System.out.flush();
				while (System.in.read() != -1) {
					// wait
				}
			}
		}

	}

}
