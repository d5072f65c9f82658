package vn.tonghop.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.intake.InputFile;
import vn.tonghop.intake.InputFiles;
import vn.tonghop.intake.ReceivedFile;
import vn.tonghop.samples.SyntheticReturns;
import vn.tonghop.validate.JudgedReturn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's realistic input ({@code tonghop generate --findings 30 --xls 10}), read
 * and judged as the ingest does: about the share asked for draws findings, of several
 * rules, errors and warnings; about the share asked for is legacy {@code .xls}, read as
 * well as the rest; without them, no finding at all.
 */
class SyntheticFindingsTests {

	static final int COUNT = 200;

	@Test
	void aShareOfTheFormsDrawsFindingsOfSeveralRulesAndAShareIsXls(@TempDir Path dir) throws IOException {
		SyntheticReturns.write(dir, COUNT, 2026, 7, 30, 10);
		ReturnFileProcessor processor = Processors.forYear(2026);
		int withFindings = 0;
		int xls = 0;
		Set<String> rules = new TreeSet<>();
		for (InputFile file : InputFiles.list(dir)) {
			ReceivedFile read = processor.process(file);
			assertThat(read.outcome()).as(file.relative()).isEqualTo(ReceivedFile.Outcome.READ);
			if (file.relative().endsWith(".xls")) {
				xls++;
			}
			JudgedReturn judged = read.returns().get(0);
			if (!judged.findings().isEmpty()) {
				withFindings++;
				judged.findings().forEach((finding) -> rules.add(finding.rule()));
			}
		}
		assertThat(withFindings).isBetween(COUNT * 20 / 100, COUNT * 40 / 100);
		assertThat(xls).isBetween(COUNT * 4 / 100, COUNT * 18 / 100);
		assertThat(rules).contains("R09", "R11", "W01");
	}

	@Test
	void withoutThemTheFormsAreClean(@TempDir Path dir) throws IOException {
		SyntheticReturns.write(dir, 50, 2026, 7);
		ReturnFileProcessor processor = Processors.forYear(2026);
		for (InputFile file : InputFiles.list(dir)) {
			ReceivedFile read = processor.process(file);
			assertThat(file.relative()).endsWith(".xlsx");
			assertThat(read.returns().get(0).findings()).as(file.relative()).isEmpty();
		}
	}

}
