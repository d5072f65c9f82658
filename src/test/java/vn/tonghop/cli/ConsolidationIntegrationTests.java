package vn.tonghop.cli;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code tonghop run} over every fixture folder of
 * {@code src/test/resources/fixtures} and checks every output against the expected CSVs
 * beside the input.
 */
class ConsolidationIntegrationTests {

	@TempDir
	Path work;

	static Stream<Path> fixtures() throws Exception {
		Path root = Path.of(ConsolidationIntegrationTests.class.getResource("/fixtures").toURI());
		try (Stream<Path> folders = Files.list(root)) {
			return folders.filter(Files::isDirectory).sorted().toList().stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void writesTheExpectedOutputs(Path fixture) throws Exception {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(fixture.resolve("fixture.properties"))) {
			properties.load(in);
		}
		String year = properties.getProperty("year");
		Path input = sameTimes(fixture.resolve("input"), this.work.resolve("input"));
		Path output = this.work.resolve("output");
		Runs.Result result = Runs.tonghop("run", "--input", input.toString(), "--year", year, "--output",
				output.toString(), "--data-dir", this.work.resolve("data").toString());
		assertThat(result.status()).as(result.err()).isZero();
		Path data = this.work.resolve("data");
		assertThat(Runs.count(data,
				"SELECT COUNT(*) FROM BATCH_STEP_EXECUTION s JOIN BATCH_JOB_EXECUTION e"
						+ " ON e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID JOIN BATCH_JOB_INSTANCE i"
						+ " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'consolidateYearJob'"))
			.as("every step of the consolidation ran once")
			.isEqualTo(9);
		assertThat(Runs.count(data,
				"SELECT COUNT(*) FROM BATCH_STEP_EXECUTION s JOIN BATCH_STEP_EXECUTION p"
						+ " ON p.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID WHERE p.STEP_NAME = 'publishOutputsStep'"
						+ " AND s.STEP_NAME <> p.STEP_NAME AND s.END_TIME > p.START_TIME"))
			.as("the outputs are published once all are written")
			.isZero();
		assertThat(Runs.count(data,
				"SELECT COUNT(*) FROM BATCH_STEP_EXECUTION s JOIN BATCH_STEP_EXECUTION c"
						+ " ON c.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID WHERE c.STEP_NAME = 'crossCheckReturnsStep'"
						+ " AND s.STEP_NAME <> c.STEP_NAME AND s.START_TIME < c.END_TIME"))
			.as("the outputs (written two flows at once) start after the cross-checks they show have ended")
			.isZero();
		String summary = result.out().substring(result.out().indexOf("== Tổng hợp năm"));
		assertThat(summary.lines().filter((line) -> line.startsWith("  bước ")).findFirst())
			.as("the summary lists the steps in the order they started")
			.hasValueSatisfying((line) -> assertThat(line).startsWith("  bước crossCheckReturnsStep:"));

		List<Path> expected;
		try (Stream<Path> files = Files.list(fixture.resolve("expected"))) {
			expected = files.sorted().toList();
		}
		assertThat(expected).isNotEmpty();
		for (Path file : expected) {
			Path actual = output.resolve(year).resolve(file.getFileName().toString());
			assertThat(actual).as(file.getFileName().toString()).exists();
			List<String[]> want = Runs.csv(file);
			List<String[]> got = Runs.csv(actual);
			assertThat(got).as(file.getFileName().toString()).hasSameSizeAs(want);
			for (int i = 0; i < want.size(); i++) {
				assertThat(got.get(i)).as("%s row %d", file.getFileName(), i + 1).containsExactly(want.get(i));
			}
		}
	}

	/**
	 * A copy of the input whose files all have one last-modified time: a checkout sets
	 * file times in no particular order, so resubmissions in a fixture are ordered by
	 * name (ingest order breaks ties), as its README says.
	 */
	static Path sameTimes(Path from, Path to) throws Exception {
		FileTime time = FileTime.from(Instant.parse("2026-11-15T08:00:00Z"));
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path copy = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(file, copy);
					Files.setLastModifiedTime(copy, time);
				}
			}
		}
		return to;
	}

	static Path resource(String path) throws URISyntaxException {
		return Path.of(ConsolidationIntegrationTests.class.getResource(path).toURI());
	}

}
