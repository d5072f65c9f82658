package vn.tonghop.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tonghop template}: the blank form, as a union receives it and sends it back
 * empty.
 */
class TemplateIntegrationTests {

	@TempDir
	Path work;

	@Test
	void writesTheBlankFormWhichTheIngesterReadsWithItsVersion() throws Exception {
		Path form = this.work.resolve("gửi các CĐCS/bieu-mau-2026.xlsx");
		Files.createDirectories(form.getParent());
		Runs.Result written = Runs.tonghop("template", "--year", "2026", "--output", form.toString());
		assertThat(written.status()).as(written.err()).isZero();
		assertThat(form).isRegularFile();

		Runs.Result ingested = Runs.tonghop("run", "--input", form.getParent().toString(), "--year", "2026", "--output",
				this.work.resolve("output").toString(), "--data-dir", this.work.resolve("data").toString());

		assertThat(ingested.status()).isZero();
		assertThat(ingested.out()).contains("Phiên bản biểu mẫu: tonghop-2026.1×1");
		List<String[]> issues = Runs.csv(this.work.resolve("output/2026/issues.csv"));
		assertThat(issues.subList(1, issues.size())).extracting((row) -> row[4])
			.as("an empty form misses its required fields and indicators, nothing else")
			.containsOnly("R01", "R17");
	}

	@Test
	void badYearIsABadArgument() {
		assertThat(
				Runs.tonghop("template", "--year", "1999", "--output", this.work.resolve("x.xlsx").toString()).status())
			.isEqualTo(2);
	}

}
