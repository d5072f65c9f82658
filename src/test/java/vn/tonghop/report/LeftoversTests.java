package vn.tonghop.report;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LeftoversTests {

	@TempDir
	Path year;

	@Test
	void removesTheTemporaryFilesOfAKilledRunAndNothingElse() throws Exception {
		Path feedback = Files.createDirectories(this.year.resolve("phan-hoi"));
		Files.writeString(this.year.resolve(".by-province.csv.tmp"), "half");
		Files.writeString(this.year.resolve(".tong-hop-thi-dua-2026.xlsx.1b2c.part"), "half");
		Files.writeString(feedback.resolve(".feedback-123.part"), "half");
		Files.writeString(this.year.resolve("by-province.csv"), "whole");
		Files.writeString(feedback.resolve("phan-hoi-a.xlsx"), "whole");
		Files.writeString(this.year.resolve("ghi chú.tmp"), "an analyst's own file");

		assertThat(Leftovers.sweep(this.year)).isEqualTo(3);

		assertThat(this.year.resolve(".by-province.csv.tmp")).doesNotExist();
		assertThat(this.year.resolve(".tong-hop-thi-dua-2026.xlsx.1b2c.part")).doesNotExist();
		assertThat(feedback.resolve(".feedback-123.part")).doesNotExist();
		assertThat(this.year.resolve("by-province.csv")).hasContent("whole");
		assertThat(feedback.resolve("phan-hoi-a.xlsx")).exists();
		assertThat(this.year.resolve("ghi chú.tmp")).exists();
	}

	@Test
	void aYearNotWrittenYetHasNothingToRemove() {
		assertThat(Leftovers.sweep(this.year.resolve("2030"))).isZero();
	}

}
