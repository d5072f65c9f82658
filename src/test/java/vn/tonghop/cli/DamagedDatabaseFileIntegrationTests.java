package vn.tonghop.cli;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Issue 23 item 11: an embedded H2 file cut to half its size was opened by H2 without a
 * word as an older state (inside the first ingest, no return), and a consolidation
 * published it with exit status 0. Now every command that opens such a database stops
 * before any work, exit status 1, with one line saying the database is older than its
 * last run and how to recover; a file H2 cannot open at all is one line naming it. H2
 * only.
 */
class DamagedDatabaseFileIntegrationTests {

	@TempDir
	Path work;

	private Path data;

	private Path database;

	@BeforeEach
	void run() {
		assumeFalse(TestDatabase.postgresql(), "the embedded H2 file only");
		this.data = this.work.resolve("data");
		this.database = this.data.resolve("tonghop.mv.db");
		Runs.Result run = Runs.tonghop("run", "--input", "input-samples/2026", "--year", "2026", "--output",
				this.work.resolve("before").toString(), "--data-dir", this.data.toString());
		assertThat(run.status()).as(run.err()).isZero();
		assertThat(this.data.resolve("tonghop.runs")).hasContent("1");
	}

	@Test
	void aDatabaseCutToHalfIsNeverConsolidated() throws Exception {
		cut(Files.size(this.database) / 2);

		DamagedStoreIntegrationTests.Outcome consolidate = DamagedStoreIntegrationTests
			.consolidateInItsOwnJvm(this.data, this.work.resolve("output"));

		assertThat(consolidate.status()).as(consolidate.printed()).isEqualTo(1);
		List<String> lines = consolidate.err().lines().filter((line) -> !line.isBlank()).toList();
		assertThat(lines).as(consolidate.printed()).hasSize(1);
		// H2 opened the older state it found (what it did when this was written), or
		// refused the file: either is one line naming the database and how to recover
		assertThat(lines.get(0)).containsAnyOf("cũ hơn lần chạy cuối", "Không mở được cơ sở dữ liệu")
			.contains(this.database.toString());
		assertThat(
				consolidate.printed().lines().filter((line) -> line.startsWith("\tat ") || line.contains("Exception")))
			.isEmpty();
		assertThat(this.work.resolve("output/2026/returns.csv")).doesNotExist();
		assertThat(this.work.resolve("output/2026/by-province.csv")).doesNotExist();

		Runs.Result history = Runs.tonghop("history", "--data-dir", this.data.toString());
		assertThat(history.status()).isEqualTo(1);
		assertThat(history.err().lines().filter((line) -> !line.isBlank()).toList()).isEqualTo(lines);
	}

	@Test
	void anOlderDatabaseIsTakenOnceItsFileIsDeletedAndTheInboxReIngested() throws Exception {
		cut(Files.size(this.database) / 2);
		Runs.Result refused = Runs.tonghop("consolidate", "--year", "2026", "--output",
				this.work.resolve("output").toString(), "--data-dir", this.data.toString());
		assertThat(refused.status()).as(refused.out()).isEqualTo(1);
		if (!refused.err().contains("cũ hơn lần chạy cuối")) {
			return; // H2 refused the file: nothing to take over
		}

		Files.delete(this.data.resolve("tonghop.runs"));
		// the older state holds the run lock of this test's JVM, which is alive; a later
		// process finds its holder gone and takes it over (RunLockIntegrationTests)
		try (Connection connection = TestDatabase.connect(this.data);
				Statement statement = connection.createStatement()) {
			statement.executeUpdate("DELETE FROM run_lock");
		}
		Runs.Result run = Runs.tonghop("run", "--input", "input-samples/2026", "--year", "2026", "--output",
				this.work.resolve("output").toString(), "--data-dir", this.data.toString());

		assertThat(run.status()).as(run.err()).isZero();
		assertThat(Runs.csv(this.work.resolve("output/2026/by-province.csv")))
			.usingRecursiveFieldByFieldElementComparator()
			.isEqualTo(Runs.csv(this.work.resolve("before/2026/by-province.csv")));
	}

	@Test
	void aFileH2CannotOpenIsOneLineNamingIt() throws Exception {
		cut(1000);

		Runs.Result history = Runs.tonghop("history", "--data-dir", this.data.toString());

		assertThat(history.status()).isEqualTo(1);
		List<String> lines = history.err().lines().filter((line) -> !line.isBlank()).toList();
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0)).startsWith("Không mở được cơ sở dữ liệu " + this.database)
			.contains("bản sao lưu", "tonghop run --input");
	}

	@Test
	void aKilledRunThatDidNotWriteItsCountIsNotDamage() throws Exception {
		// the file beside the database behind it, as a process killed between the two
		// leaves it
		Files.writeString(this.data.resolve("tonghop.runs"), "0\n");
		Runs.Result history = Runs.tonghop("history", "--data-dir", this.data.toString());
		assertThat(history.status()).as(history.err()).isZero();
		assertThat(this.data.resolve("tonghop.runs")).hasContent("2");
	}

	private void cut(long size) throws Exception {
		try (RandomAccessFile file = new RandomAccessFile(this.database.toFile(), "rw")) {
			file.setLength(size);
		}
	}

}
