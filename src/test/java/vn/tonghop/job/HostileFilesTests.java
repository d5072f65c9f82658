package vn.tonghop.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.hostile.HostileCorpus;
import vn.tonghop.intake.InputFiles;
import vn.tonghop.intake.ReceivedFile;
import vn.tonghop.read.RawCell;
import vn.tonghop.read.SheetCells;
import vn.tonghop.read.UnreadableFileException;
import vn.tonghop.read.WorkbookReader;
import vn.tonghop.validate.Finding;
import vn.tonghop.validate.JudgedReturn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file of the hostile corpus comes out of the reader with the status it must have
 * and a reason that says why, and nothing else: no exception, no secret read, no file
 * left out.
 */
class HostileFilesTests {

	@TempDir
	static Path work;

	static Path inbox;

	static List<HostileCorpus.Case> cases;

	static Map<String, ReceivedFile> received;

	@BeforeAll
	static void readTheCorpus() throws Exception {
		inbox = java.nio.file.Files.createDirectories(work.resolve("hộp thư"));
		cases = HostileCorpus.write(inbox);
		ReturnFileProcessor processor = Processors.forYear(2026);
		received = InputFiles.list(inbox)
			.stream()
			.map(processor::process)
			.collect(Collectors.toMap((file) -> file.file().relative(), Function.identity()));
	}

	@Test
	void everyFileOfTheInboxIsAccountedFor() {
		assertThat(received.keySet())
			.containsExactlyInAnyOrderElementsOf(cases.stream().map(HostileCorpus.Case::file).toList());
	}

	@Test
	void everyFileGetsItsStatusAndItsReason() {
		for (HostileCorpus.Case expected : cases) {
			ReceivedFile file = received.get(expected.file());
			assertThat(status(file)).as("%s: %s", expected.file(), file.reason()).isEqualTo(expected.status());
			String why = (file.outcome() == ReceivedFile.Outcome.READ) ? findings(file) : file.reason();
			assertThat(why).as(expected.file()).contains(expected.reason());
			if (file.outcome() != ReceivedFile.Outcome.READ) {
				assertThat(file.reason()).as(expected.file()).isNotBlank().doesNotContain("Exception");
			}
		}
	}

	/**
	 * The #DIV/0! is a formula's saved result. Symptom: the message named it as the
	 * streaming reader's text, "ô có lỗi công thức ERROR: #DIV/0!".
	 */
	@Test
	void formulaErrorsInValueCellsAreR05NamingTheError() {
		for (String name : List.of("lỗi công thức.xlsx", "lỗi công thức.xls")) {
			List<Finding> r05 = received.get(name)
				.returns()
				.get(0)
				.findings()
				.stream()
				.filter((finding) -> finding.rule().equals("R05"))
				.toList();
			assertThat(r05).as(name)
				.extracting(Finding::message)
				.anySatisfy((message) -> assertThat(message).endsWith(": ô có lỗi công thức #REF!."))
				.anySatisfy((message) -> assertThat(message).endsWith(": ô có lỗi công thức #DIV/0!."))
				.anySatisfy((message) -> assertThat(message).endsWith(": ô có lỗi công thức #N/A."))
				.noneSatisfy((message) -> assertThat(message).contains("ERROR"));
		}
	}

	@Test
	void anExternalEntityIsNeverRead() throws Exception {
		for (String name : List.of("thực thể ngoài.xlsx", "tỉ tỉ thực thể.xlsx")) {
			String read;
			try {
				SheetCells cells = new WorkbookReader().readReturnSheet(inbox.resolve(name));
				read = cells.rowNumbers()
					.stream()
					.flatMap((r) -> cells.row(r).stream())
					.map(RawCell::text)
					.toList()
					.toString();
			}
			catch (UnreadableFileException ex) {
				read = ex.reason();
			}
			assertThat(read).as(name).doesNotContain(HostileCorpus.SECRET).doesNotContain("lollol");
		}
		for (ReceivedFile file : received.values()) {
			assertThat(String.valueOf(file.reason())).doesNotContain(HostileCorpus.SECRET);
		}
	}

	@Test
	void theExternalLinksCachedValueIsRead() {
		JudgedReturn linked = received.get("liên kết ngoài.xlsx").returns().get(0);
		JudgedReturn plain = received.get("Báo cáo CĐCS Hòa Bình 2026 (bản cuối).xlsx").returns().get(0);
		assertThat(linked.value().values().get("A01").total()).isEqualTo(plain.value().values().get("A01").total());
	}

	private static String status(ReceivedFile file) {
		return switch (file.outcome()) {
			case READ -> file.returns().stream().anyMatch(JudgedReturn::accepted) ? "accepted" : "rejected";
			case UNREADABLE -> "unreadable";
			case SKIPPED -> "skipped";
		};
	}

	/** The error findings, as files.csv sums them up: R05×3. */
	private static String findings(ReceivedFile file) {
		Map<String, Long> rules = new java.util.TreeMap<>();
		for (JudgedReturn judged : file.returns()) {
			judged.findings()
				.stream()
				.filter((finding) -> finding.rule().startsWith("R"))
				.forEach((finding) -> rules.merge(finding.rule(), 1L, Long::sum));
		}
		return rules.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + ((entry.getValue() > 1) ? "×" + entry.getValue() : ""))
			.collect(Collectors.joining(", "));
	}

}
