package vn.tonghop.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.TestDatabase;
import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.intake.Checksums;
import vn.tonghop.read.FormCells;
import vn.tonghop.read.FormLocator;
import vn.tonghop.read.IndicatorRow;
import vn.tonghop.read.WorkbookReader;

import static org.assertj.core.api.Assertions.assertThat;

/** Ingest as the command line runs it: re-runs, resubmissions, bad files, exit status. */
class IngestIntegrationTests {

	@TempDir
	Path work;

	Path input;

	Path data;

	Path output;

	@BeforeEach
	void folders() throws Exception {
		this.input = Files.createDirectories(this.work.resolve("hộp thư đến"));
		this.data = this.work.resolve("data");
		this.output = this.work.resolve("output");
		for (String name : List.of("form-libreoffice.xls", "form-formulas-libreoffice.xlsx", "form-edited.xlsx")) {
			Files.copy(ConsolidationIntegrationTests.resource("/samples/" + name), this.input.resolve(name));
		}
	}

	Runs.Result run() {
		return Runs.tonghop("run", "--input", this.input.toString(), "--year", "2026", "--output",
				this.output.toString(), "--data-dir", this.data.toString());
	}

	long count(String sql) throws Exception {
		return Runs.count(this.data, sql);
	}

	@Test
	void reRunOnTheSameFilesChangesNothing() throws Exception {
		assertThat(run().status()).isZero();
		String[] tables = { "submission", "return_record", "finding" };
		long[] before = new long[tables.length];
		for (int i = 0; i < tables.length; i++) {
			before[i] = count("SELECT COUNT(*) FROM " + tables[i]);
		}
		byte[] returnsBefore = Files.readAllBytes(this.output.resolve("2026/returns.csv"));
		byte[] provincesBefore = Files.readAllBytes(this.output.resolve("2026/by-province.csv"));

		Runs.Result again = run();

		assertThat(again.status()).isZero();
		// said in one line, not as "trùng 3" beside the files' statuses (issue 24, item
		// 8)
		assertThat(again.out()).contains("Không có tệp mới: 3 tệp đều đã nhận trước đây; số liệu như lần trước.")
			.doesNotContain("Tệp đã đọc", "Tình trạng tệp", "trùng 3");
		for (int i = 0; i < tables.length; i++) {
			assertThat(count("SELECT COUNT(*) FROM " + tables[i])).as(tables[i]).isEqualTo(before[i]);
		}
		assertThat(Files.readAllBytes(this.output.resolve("2026/returns.csv"))).isEqualTo(returnsBefore);
		assertThat(Files.readAllBytes(this.output.resolve("2026/by-province.csv"))).isEqualTo(provincesBefore);
	}

	@Test
	void sameBytesUnderAnotherNameAreOneSubmission() throws Exception {
		Path copies = Files.createDirectories(this.input.resolve("gửi lại"));
		Files.copy(this.input.resolve("form-edited.xlsx"), copies.resolve("form-edited (1).xlsx"));
		Runs.Result result = run();
		assertThat(result.out()).contains("mới 3, trùng 1");
		assertThat(count("SELECT COUNT(*) FROM return_record")).isEqualTo(3);
		assertThat(Runs.csv(this.output.resolve("2026/returns.csv"))).hasSize(4);
	}

	@Test
	void neverModifiesMovesOrDeletesInputFiles() throws Exception {
		Path file = this.input.resolve("form-edited.xlsx");
		String sha = Checksums.sha256(file);
		FileTime modified = Files.getLastModifiedTime(file);
		run();
		assertThat(Checksums.sha256(file)).isEqualTo(sha);
		assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
		try (var files = Files.list(this.input)) {
			assertThat(files.count()).isEqualTo(3);
		}
	}

	@Test
	void goesOnPastUnreadableFilesAndNamesThem() throws Exception {
		Files.writeString(this.input.resolve("b-portal-export.xls"), "<html><table><tr><td>x</td></tr></table></html>");
		Files.write(this.input.resolve("c-empty.xlsx"), new byte[0]);
		Files.writeString(this.input.resolve("~$form-edited.xlsx"), "lock");
		Runs.Result result = run();
		assertThat(result.status()).isZero();
		assertThat(result.out()).contains("không đọc được 2", "bỏ qua 1", "chấp nhận 3")
			.contains("b-portal-export.xls", "c-empty.xlsx");
		assertThat(Runs.csv(this.output.resolve("2026/returns.csv"))).hasSize(4);
	}

	@Nested
	class Resubmissions {

		/**
		 * A copy of form-edited.xlsx with A02 set to {@code members}, as a union re-sends
		 * it.
		 */
		Path resend(String relative, long members, Instant modified) throws Exception {
			Path original = IngestIntegrationTests.this.input.resolve("form-edited.xlsx");
			FormCells form = new FormLocator(IndicatorCatalogue.load())
				.locate(new WorkbookReader().readReturnSheet(original));
			IndicatorRow a02 = form.rows().stream().filter((row) -> "A02".equals(row.code())).findFirst().orElseThrow();
			Path copy = IngestIntegrationTests.this.work.resolve("resent").resolve(relative);
			Files.createDirectories(copy.getParent());
			try (InputStream in = Files.newInputStream(original); Workbook workbook = WorkbookFactory.create(in)) {
				var sheet = workbook.getSheet(form.sheet());
				Cell cell = sheet.getRow(a02.total().ref().row()).getCell(a02.total().ref().column());
				cell.setCellValue(members);
				try (OutputStream out = Files.newOutputStream(copy)) {
					workbook.write(out);
				}
			}
			Files.setLastModifiedTime(copy, FileTime.from(modified));
			return copy;
		}

		Runs.Result ingest(Path path) {
			return Runs.tonghop("ingest", "--input", path.toString(), "--year", "2026", "--data-dir",
					IngestIntegrationTests.this.data.toString());
		}

		List<String[]> consolidate() throws Exception {
			Runs.tonghop("consolidate", "--year", "2026", "--output", IngestIntegrationTests.this.output.toString(),
					"--data-dir", IngestIntegrationTests.this.data.toString());
			return Runs.csv(IngestIntegrationTests.this.output.resolve("2026/returns.csv"));
		}

		@Test
		void laterFileSupersedesEarlierReturnAndKeepsHistory() throws Exception {
			Files.setLastModifiedTime(IngestIntegrationTests.this.input.resolve("form-edited.xlsx"),
					FileTime.from(Instant.parse("2026-11-01T08:00:00Z")));
			assertThat(ingest(IngestIntegrationTests.this.input).status()).isZero();
			Path resent = resend("form-edited-lan-2.xlsx", 30, Instant.parse("2026-11-10T08:00:00Z"));

			Runs.Result result = ingest(resent);

			// the return it replaced was stored by the run before
			assertThat(result.out())
				.contains("Báo cáo: chấp nhận 1, bị từ chối 0, bị thay thế 0;" + " thay thế 1 báo cáo nhận trước đây");
			List<String[]> returns = consolidate();
			assertThat(returns).hasSize(4);
			int a02 = List.of(returns.get(0)).indexOf("A02");
			assertThat(returns).filteredOn((row) -> row[0].equals("CD51010003"))
				.singleElement()
				.satisfies((row) -> assertThat(row[a02]).isEqualTo("30"));
			assertThat(count("SELECT COUNT(*) FROM return_record WHERE union_code = 'CD51010003'")).isEqualTo(2);
			assertThat(count("SELECT COUNT(*) FROM return_record WHERE superseded_by IS NOT NULL")).isEqualTo(1);
			List<String[]> issues = Runs.csv(IngestIntegrationTests.this.output.resolve("2026/issues.csv"));
			assertThat(issues).anySatisfy((row) -> {
				assertThat(row[4]).isEqualTo("W06");
				assertThat(row[0]).isEqualTo("form-edited-lan-2.xlsx");
				assertThat(row[6]).contains("form-edited.xlsx");
			});
		}

		/**
		 * Regression: two files with the same last-modified time down to the nanosecond
		 * (as a fresh git checkout leaves them) went to the file ingested first, because
		 * the database rounded the stored time up to the microsecond. Ties go to ingest
		 * order.
		 */
		@Test
		void sameTimeToTheNanosecondGoesToTheFileIngestedLater() throws Exception {
			Instant time = Instant.parse("2026-11-21T06:46:00.103474752Z");
			Path original = IngestIntegrationTests.this.input.resolve("form-edited.xlsx");
			// form-edited_lan-2.xlsx sorts after form-edited.xlsx ('_' after '.'):
			// ingested later
			Path resent = IngestIntegrationTests.this.input.resolve("form-edited_lan-2.xlsx");
			Files.copy(resend("form-edited_lan-2.xlsx", 30, time), resent);
			// Java sets file times to the microsecond only; git and touch set nanoseconds
			String stamp = "@" + time.getEpochSecond() + "." + String.format("%09d", time.getNano());
			touch(original, stamp);
			touch(resent, stamp);
			assertThat(Files.getLastModifiedTime(original).toInstant()).isEqualTo(time)
				.isEqualTo(Files.getLastModifiedTime(resent).toInstant());

			ingest(IngestIntegrationTests.this.input);

			List<String[]> returns = consolidate();
			int a02 = List.of(returns.get(0)).indexOf("A02");
			assertThat(returns).filteredOn((row) -> row[0].equals("CD51010003"))
				.singleElement()
				.satisfies((row) -> assertThat(row[a02]).isEqualTo("30"));
		}

		private static void touch(Path file, String time) throws Exception {
			Process touch;
			try {
				touch = new ProcessBuilder("touch", "-d", time, file.toString()).redirectErrorStream(true).start();
			}
			catch (java.io.IOException ex) {
				org.junit.jupiter.api.Assumptions
					.abort("no touch command to set nanosecond file times: " + ex.getMessage());
				return;
			}
			org.junit.jupiter.api.Assumptions.assumeTrue(touch.waitFor() == 0, "touch -d @seconds.nanoseconds failed");
		}

		@Test
		void olderFileArrivingLaterDoesNotSupersede() throws Exception {
			Files.setLastModifiedTime(IngestIntegrationTests.this.input.resolve("form-edited.xlsx"),
					FileTime.from(Instant.parse("2026-11-10T08:00:00Z")));
			ingest(IngestIntegrationTests.this.input);
			ingest(resend("form-edited-cu.xlsx", 30, Instant.parse("2026-11-01T08:00:00Z")));

			List<String[]> returns = consolidate();
			int a02 = List.of(returns.get(0)).indexOf("A02");
			assertThat(returns).filteredOn((row) -> row[0].equals("CD51010003"))
				.singleElement()
				.satisfies((row) -> assertThat(row[a02]).isEqualTo("27"));
		}

		@Test
		void rejectedResubmissionNeverSupersedesAnAcceptedReturn() throws Exception {
			ingest(IngestIntegrationTests.this.input);
			// 300 members in a unit of 41 workers breaks R09: the resubmission is
			// rejected
			Runs.Result result = ingest(resend("form-edited-sai.xlsx", 300, Instant.now().plusSeconds(60)));
			assertThat(result.out()).contains("bị từ chối 1", "bị thay thế 0");

			List<String[]> returns = consolidate();
			int a02 = List.of(returns.get(0)).indexOf("A02");
			assertThat(returns).filteredOn((row) -> row[0].equals("CD51010003"))
				.singleElement()
				.satisfies((row) -> assertThat(row[a02]).isEqualTo("27"));
			assertThat(Runs.csv(IngestIntegrationTests.this.output.resolve("2026/issues.csv")))
				.anySatisfy((row) -> assertThat(row[4]).isEqualTo("R09"));
		}

	}

	/**
	 * A file that could not be read proves nothing by its checksum: it is read again by
	 * every later run, and a duplicate is only ever one of a file read as a return.
	 */
	@Nested
	class FilesThatCouldNotBeRead {

		/**
		 * Issue 23, item 1, "a file refused once is never read again": a run with
		 * {@code TONGHOP_LIMITS_MAX_FILE_SIZE=6500B} refused sample returns as too large;
		 * the next run, with the default limits, called every file a duplicate and
		 * consolidated 10 returns instead of 15 (the same with {@code max-time}).
		 */
		@Test
		void aFileRefusedOnceIsReadAgainAndCountsWhenItCanBeRead() throws Exception {
			Path samples = InputSamplesIntegrationTests.SAMPLES.resolve("2026");
			Path once = IngestIntegrationTests.this.work.resolve("một lần");
			Runs.Result single = runInto(samples, once);
			assertThat(single.status()).as(single.err()).isZero();

			Path twice = IngestIntegrationTests.this.work.resolve("hai lần");
			Runs.Result refused = withProperty("tonghop.limits.max-file-size", "6400B", () -> runInto(samples, twice));
			assertThat(refused.status()).as(refused.err()).isZero();
			List<String[]> refusedFiles = Runs.csv(twice.resolve("output/2026/files.csv"));
			assertThat(refusedFiles.stream().filter((row) -> row[3].equals("unreadable")))
				.as("files refused as too large")
				.hasSizeGreaterThanOrEqualTo(13);
			Runs.Result again = runInto(samples, twice);
			assertThat(again.status()).as(again.err()).isZero();

			for (String sql : List.of("SELECT COUNT(*) FROM return_record WHERE accepted AND superseded_by IS NULL",
					"SELECT COUNT(*) FROM return_record",
					"SELECT COUNT(*) FROM submission WHERE status <> 'UNREADABLE'",
					"SELECT COUNT(*) FROM submission WHERE status = 'UNREADABLE'")) {
				assertThat(Runs.count(twice.resolve("data"), sql)).as(sql)
					.isEqualTo(Runs.count(once.resolve("data"), sql));
			}
			for (String report : List.of("by-province.csv", "returns.csv")) {
				assertThat(Runs.csv(twice.resolve("output/2026").resolve(report))).as(report)
					.containsExactlyElementsOf(Runs.csv(once.resolve("output/2026").resolve(report)));
			}
			assertThat(statuses(twice)).isEqualTo(statuses(once));
		}

		/**
		 * Issue 23, item 5, "20,000 empty files are duplicates of one another": each
		 * sender of an empty file was told it had the same content as another sender's
		 * file. An empty file, or a damaged one, is unreadable for every sender, with its
		 * own reason, on every run; the bytes are one unreadable submission, not one more
		 * each night.
		 */
		@Test
		void emptyAndDamagedFilesAreEachUnreadableNeverDuplicatesOfOneAnother() throws Exception {
			Path inbox = IngestIntegrationTests.this.input;
			byte[] damaged = "PK\u0003\u0004 không phải một zip".getBytes(java.nio.charset.StandardCharsets.UTF_8);
			for (String sender : List.of("ldld-a", "ldld-b", "ldld-c")) {
				Path folder = Files.createDirectories(inbox.resolve(sender));
				Files.write(folder.resolve("báo cáo.xlsx"), new byte[0]);
				Files.write(folder.resolve("rỗng.csv"), new byte[0]);
				if (!sender.equals("ldld-c")) {
					Files.write(folder.resolve("hỏng.xlsx"), damaged);
				}
			}
			for (int night = 1; night <= 2; night++) {
				Runs.Result result = IngestIntegrationTests.this.run();
				assertThat(result.status()).as(result.err()).isZero();
				assertThat(result.out()).as("night %d", night)
					.contains("không đọc được 8")
					.doesNotContain("Cùng nội dung");
				Map<String, String[]> files = files(IngestIntegrationTests.this.output);
				for (String sender : List.of("ldld-a", "ldld-b", "ldld-c")) {
					for (String empty : List.of("báo cáo.xlsx", "rỗng.csv")) {
						assertThat(files.get(sender + "/" + empty)).as("night %d: %s/%s", night, sender, empty)
							.containsExactly(sender + "/" + empty, Checksums.sha256(new byte[0]), "0", "unreadable",
									"Tệp rỗng (0 byte).");
					}
				}
				String[] a = files.get("ldld-a/hỏng.xlsx");
				String[] b = files.get("ldld-b/hỏng.xlsx");
				assertThat(a[3]).isEqualTo("unreadable");
				assertThat(b[3]).isEqualTo("unreadable");
				assertThat(b[4]).isEqualTo(a[4]).doesNotContain("ldld-a").isNotEmpty();
				assertThat(files.values()).filteredOn((row) -> row[3].equals("duplicate"))
					.as("night %d", night)
					.isEmpty();
				assertThat(count("SELECT COUNT(*) FROM submission WHERE status = 'UNREADABLE'")).isEqualTo(2);
			}
			Runs.Result dryRun = Runs.tonghop("ingest", "--dry-run", "--input", inbox.toString(), "--year", "2026");
			assertThat(dryRun.status()).as(dryRun.err()).isZero();
			assertThat(dryRun.out()).contains("Tệp: 11 (đọc được 3, trùng 0, không đọc được 8, bỏ qua 0)")
				.contains("# ldld-b/báo cáo.xlsx: Tệp rỗng (0 byte).");
		}

		Runs.Result runInto(Path input, Path folder) {
			return Runs.tonghop("run", "--input", input.toString(), "--year", "2026", "--output",
					folder.resolve("output").toString(), "--data-dir", folder.resolve("data").toString());
		}

		Map<String, String> statuses(Path folder) throws Exception {
			Map<String, String> statuses = new TreeMap<>();
			files(folder.resolve("output")).forEach((file, row) -> statuses.put(file, row[3] + " " + row[4]));
			return statuses;
		}

		Map<String, String[]> files(Path output) throws Exception {
			Map<String, String[]> files = new TreeMap<>();
			List<String[]> rows = Runs.csv(output.resolve("2026/files.csv"));
			for (String[] row : rows.subList(1, rows.size())) {
				files.put(row[0], row);
			}
			return files;
		}

		<T> T withProperty(String name, String value, Supplier<T> run) {
			String before = System.getProperty(name);
			System.setProperty(name, value);
			try {
				return run.get();
			}
			finally {
				if (before == null) {
					System.clearProperty(name);
				}
				else {
					System.setProperty(name, before);
				}
			}
		}

	}

	@Nested
	class ExitStatus {

		@Test
		void missingRequiredOptionIsTwoWithOneLine() {
			Runs.Result result = Runs.tonghop("run", "--year", "2026");
			assertThat(result.status()).isEqualTo(2);
			assertThat(result.err().strip()).doesNotContain("\n").contains("--input");
		}

		/**
		 * Regression (issue 23, item 8): an --output that is a file was found only after
		 * the whole ingest, with two stack traces; it is exit 2 and one line, before any
		 * work, for run and consolidate, and so is a year folder that is a file.
		 */
		@Test
		void outputThatIsAFileIsTwoWithOneLineBeforeAnyWork(@TempDir Path temp) throws Exception {
			Path file = Files.writeString(temp.resolve("kết quả"), "một tệp");
			Path data = temp.resolve("data");
			Runs.Result run = Runs.tonghop("run", "--input", "input-samples/2026", "--year", "2026", "--output",
					file.toString(), "--data-dir", data.toString());
			assertThat(run.status()).isEqualTo(2);
			assertThat(run.err().strip()).doesNotContain("\n").contains("--output").contains("không phải thư mục");
			assertThat(run.out()).doesNotContain("Tìm thấy");
			assertThat(data).doesNotExist();

			Path output = Files.createDirectories(temp.resolve("ra"));
			Files.writeString(output.resolve("2026"), "một tệp");
			Runs.Result consolidate = Runs.tonghop("consolidate", "--year", "2026", "--output", output.toString(),
					"--data-dir", data.toString());
			assertThat(consolidate.status()).isEqualTo(2);
			assertThat(consolidate.err().strip()).doesNotContain("\n").contains("2026").contains("không phải thư mục");
		}

		/**
		 * Regression (issue 23, item 8): a data folder, output folder or temporary folder
		 * on a full disk was found midway, by an error of the database or of a workbook
		 * being written; a disk with less than tonghop.limits.min-free-space usable is
		 * exit 2 and one line naming the folder, before any work, for every command that
		 * stores or writes. Here the minimum is above any disk.
		 */
		@Test
		void aDiskWithLessThanTheMinimumFreeSpaceIsTwoWithOneLineBeforeAnyWork(@TempDir Path temp) {
			Path data = temp.resolve("data");
			Path output = temp.resolve("ra");
			String tmp = Path.of(System.getProperty("java.io.tmpdir")).toString();
			System.setProperty("tonghop.limits.min-free-space", "1000TB");
			try {
				List<List<String>> commands = List.of(
						List.of("run", "--input", "input-samples/2026", "--year", "2026", "--output",
								output.toString()),
						List.of("consolidate", "--year", "2026", "--output", output.toString()),
						List.of("ingest", "--input", "input-samples/2026", "--year", "2026"),
						List.of("registry", "--input", "input-samples/2026", "--year", "2026"));
				for (List<String> command : commands) {
					List<String> args = new ArrayList<>(command);
					args.addAll(List.of("--data-dir", data.toString()));
					Runs.Result result = Runs.tonghop(args.toArray(String[]::new));
					// on PostgreSQL there is no data folder: the output, or the temporary
					// folder, is the first
					String folder = !TestDatabase.postgresql() ? "--data-dir " + data : command.contains("--output")
							? "--output " + output : "Thư mục tạm (java.io.tmpdir) " + tmp;
					assertThat(result.status()).as(command + result.err()).isEqualTo(2);
					assertThat(result.err().strip()).as(command.toString())
						.doesNotContain("\n")
						.startsWith(folder + ": ổ đĩa chỉ còn trống ")
						.contains("cần ít nhất 1.000,0 TB (tonghop.limits.min-free-space)");
					assertThat(result.out()).as(command.toString()).isEmpty();
				}
				assertThat(data).doesNotExist();
				assertThat(output).doesNotExist();
			}
			finally {
				System.clearProperty("tonghop.limits.min-free-space");
			}
		}

		@Test
		void inputThatDoesNotExistIsTwo() {
			Runs.Result result = Runs.tonghop("ingest", "--input", "/no/such/folder", "--year", "2026");
			assertThat(result.status()).isEqualTo(2);
			assertThat(result.err()).contains("/no/such/folder");
		}

		@Test
		void yearOutOfRangeIsTwo() {
			assertThat(Runs.tonghop("consolidate", "--year", "26").status()).isEqualTo(2);
		}

		@Test
		void helpIsZero() {
			Runs.Result result = Runs.tonghop("--help");
			assertThat(result.status()).isZero();
			assertThat(result.out()).contains("run", "ingest", "consolidate");
		}

		@Test
		void rejectedReturnsAreFindingsNotFailures() throws Exception {
			Files.writeString(IngestIntegrationTests.this.input.resolve("broken.xlsx"), "not a workbook");
			assertThat(run().status()).isZero();
		}

	}

}
