package vn.tonghop.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23 item 11: stored values damaged in the database (digits flipped, garbage) gave
 * wrong rows with exit status 0, or "stored values malformed at character 380" with a
 * stack trace and no word of which return. Now the consolidation fails, exit status 1,
 * with one line naming the return (union code, file, submission) and how to recover, and
 * no output is written from the damaged database. On H2 and PostgreSQL.
 */
class DamagedStoreIntegrationTests {

	@TempDir
	Path work;

	/** A stored return that counts, as the test damages it. */
	record Stored(long id, long submission, String unionCode, String file, String values) {
	}

	@Test
	void flippedDigitsFailTheConsolidationNamingTheReturn() throws Exception {
		Path data = ingested();
		Stored target = counted(data);
		// two digits of the first number swapped, as a damaged page would have them
		String flipped = flipFirstNumber(target.values());
		assertThat(flipped).isNotEqualTo(target.values());
		update(data, "UPDATE return_record SET indicator_values = ? WHERE id = ?", flipped, target.id());

		Outcome consolidate = consolidateInItsOwnJvm(data, this.work.resolve("output"));

		assertThat(consolidate.status()).as(consolidate.printed()).isEqualTo(1);
		assertNamed(consolidate, target, "không khớp tổng kiểm tra");
		assertNoOutputs(this.work.resolve("output"));
	}

	@Test
	void garbageFailsTheConsolidationNamingTheReturn() throws Exception {
		Path data = ingested();
		Stored target = counted(data);
		String garbage = target.values().substring(0, Math.min(380, target.values().length())) + "x#@!;;\u00ff,%zz";
		update(data, "UPDATE return_record SET indicator_values = ? WHERE id = ?", garbage, target.id());

		Runs.Result consolidate = Runs.tonghop("consolidate", "--year", "2026", "--output",
				this.work.resolve("output").toString(), "--data-dir", data.toString());

		assertThat(consolidate.status()).as(consolidate.err()).isEqualTo(1);
		assertNamed(new Outcome(consolidate.status(), consolidate.err(), consolidate.out() + consolidate.err()), target,
				"không khớp tổng kiểm tra");
		assertNoOutputs(this.work.resolve("output"));
	}

	/**
	 * "stored values malformed at character 380": values that cannot be read, in a row
	 * without a checksum (one not stored by tonghop), name the return and where.
	 */
	@Test
	void valuesThatCannotBeReadNameTheReturnAndWhere() throws Exception {
		Path data = ingested();
		Stored target = counted(data);
		String garbage = target.values().substring(0, 380) + "x#@!;;garbage";
		update(data, "UPDATE return_record SET indicator_values = ?, checksum = NULL WHERE id = ?", garbage,
				target.id());

		Runs.Result consolidate = Runs.tonghop("consolidate", "--year", "2026", "--output",
				this.work.resolve("output").toString(), "--data-dir", data.toString());

		assertThat(consolidate.status()).as(consolidate.err()).isEqualTo(1);
		assertNamed(new Outcome(consolidate.status(), consolidate.err(), consolidate.out() + consolidate.err()), target,
				"giá trị sai dạng ở ký tự");
		assertNoOutputs(this.work.resolve("output"));
	}

	@Test
	void traceOfADamagedReturnFailsNamingIt() throws Exception {
		Path data = ingested();
		Stored target = counted(data);
		update(data, "UPDATE return_record SET union_name = 'X' WHERE id = ?", target.id());
		String province = province(data, target.id());

		Runs.Result trace = Runs.tonghop("trace", "--year", "2026", "--province", province, "--indicator", "A02",
				"--data-dir", data.toString());

		assertThat(trace.status()).as(trace.err()).isEqualTo(1);
		// trace first says how it read --province given as a code ("Mã 22 (mã năm 2025)
		// là
		// Tỉnh Quảng Ninh."); the damage is then the one problem it names
		String err = trace.err()
			.lines()
			.filter((line) -> !line.startsWith("Mã " + province + " "))
			.reduce("", (a, b) -> a + b + "\n");
		assertThat(trace.err()).startsWith("Mã " + province + " (mã năm 2025) là ");
		assertNamed(new Outcome(trace.status(), err, trace.out() + trace.err()), target, "không khớp tổng kiểm tra");
	}

	@Test
	void anUndamagedDatabaseConsolidatesAsBefore() throws Exception {
		Path data = ingested();
		Runs.Result consolidate = Runs.tonghop("consolidate", "--year", "2026", "--output",
				this.work.resolve("output").toString(), "--data-dir", data.toString());
		assertThat(consolidate.status()).as(consolidate.err()).isZero();
		assertThat(consolidate.err()).isEmpty();
		assertThat(Runs.csv(this.work.resolve("output/2026/returns.csv"))).hasSize(16);
	}

	/** The samples of 2026, ingested. */
	private Path ingested() {
		Path data = this.work.resolve("data");
		Runs.Result ingest = Runs.tonghop("ingest", "--input", "input-samples/2026", "--year", "2026", "--data-dir",
				data.toString());
		assertThat(ingest.status()).as(ingest.err()).isZero();
		return data;
	}

	/** The stored return that counts with the lowest id, and its file. */
	private static Stored counted(Path data) throws Exception {
		try (Connection connection = TestDatabase.connect(data);
				PreparedStatement select = connection
					.prepareStatement("SELECT r.id, r.submission_id, r.union_code, s.source_file, r.indicator_values"
							+ " FROM return_record r JOIN submission s ON s.id = r.submission_id WHERE r.accepted"
							+ " AND r.superseded_by IS NULL AND r.report_year = 2026 ORDER BY r.id");
				ResultSet rs = select.executeQuery()) {
			assertThat(rs.next()).isTrue();
			return new Stored(rs.getLong(1), rs.getLong(2), rs.getString(3).strip(), rs.getString(4), rs.getString(5));
		}
	}

	private static String province(Path data, long id) throws Exception {
		try (Connection connection = TestDatabase.connect(data);
				PreparedStatement select = connection
					.prepareStatement("SELECT province_code FROM return_record WHERE id = ?")) {
			select.setLong(1, id);
			try (ResultSet rs = select.executeQuery()) {
				rs.next();
				return rs.getString(1).strip();
			}
		}
	}

	private static void update(Path data, String sql, Object... args) throws Exception {
		try (Connection connection = TestDatabase.connect(data);
				PreparedStatement update = connection.prepareStatement(sql)) {
			for (int i = 0; i < args.length; i++) {
				update.setObject(i + 1, args[i]);
			}
			assertThat(update.executeUpdate()).isEqualTo(1);
		}
	}

	/** The values with the first number of two digits or more written backwards. */
	static String flipFirstNumber(String values) {
		java.util.regex.Matcher number = java.util.regex.Pattern.compile(",(\\d{2,}),").matcher(values);
		while (number.find()) {
			String digits = number.group(1);
			String backwards = new StringBuilder(digits).reverse().toString();
			if (!backwards.equals(digits)) {
				return values.substring(0, number.start(1)) + backwards + values.substring(number.end(1));
			}
		}
		return values;
	}

	private static void assertNamed(Outcome outcome, Stored target, String why) {
		List<String> lines = outcome.err().lines().filter((line) -> !line.isBlank()).toList();
		assertThat(lines).as(outcome.printed()).hasSize(1);
		assertThat(lines.get(0)).startsWith("Dữ liệu đã lưu của báo cáo " + target.unionCode() + " năm 2026")
			.contains("tệp " + target.file(), "lần nộp số " + target.submission(), "báo cáo số " + target.id(), why,
					"tonghop ingest --repair --input <hộp thư> --year 2026");
		assertThat(outcome.printed().lines().filter((line) -> line.startsWith("\tat ") || line.contains("Exception")))
			.isEmpty();
	}

	/** No output of the year was published: no CSV and no workbook. */
	private static void assertNoOutputs(Path output) throws IOException {
		Path year = output.resolve("2026");
		if (!Files.exists(year)) {
			return;
		}
		try (Stream<Path> files = Files.walk(year)) {
			assertThat(files.filter(Files::isRegularFile)
				.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".csv") || name.endsWith(".xlsx"))).isEmpty();
		}
	}

	/** What a command in its own JVM printed: the standard error, and both together. */
	record Outcome(int status, String err, String printed) {
	}

	/**
	 * {@code tonghop consolidate} in a JVM of its own, as from a terminal: what the log
	 * prints to the console is seen too, which in this JVM goes elsewhere.
	 */
	static Outcome consolidateInItsOwnJvm(Path data, Path output) throws Exception {
		return inItsOwnJvm(data, "consolidate", "--year", "2026", "--output", output.toString());
	}

	/** A command in a JVM of its own, on the database of {@code data}. */
	static Outcome inItsOwnJvm(Path data, String... args) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), TonghopMain.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder();
		if (TestDatabase.postgresql()) {
			command.addAll(List.of("--db", TestDatabase.url(data)));
			builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
		}
		else {
			command.addAll(List.of("--data-dir", data.toString()));
		}
		Path out = Files.createTempFile("tonghop-out", ".txt");
		Path err = Files.createTempFile("tonghop-err", ".txt");
		try {
			Process process = builder.command(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
			assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
			String error = Files.readString(err, StandardCharsets.UTF_8);
			return new Outcome(process.exitValue(), error, Files.readString(out, StandardCharsets.UTF_8) + error);
		}
		finally {
			Files.deleteIfExists(out);
			Files.deleteIfExists(err);
		}
	}

}
