package vn.tonghop.job;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consolidation's log lines tell the truth about the order of its steps (issue 24,
 * item 11): "bước 8/9" was logged before "bước 3/9" with nothing saying why (the workbook
 * runs on another thread beside steps 2–7).
 */
class ConsolidateStepLogTests {

	@Test
	void theWorkbookSaysItRunsBesideTheCsvFilesAndFeedbackCopies() {
		assertThat(ConsolidateJobConfiguration.logLine("writeWorkbookStep", 2026))
			.isEqualTo("Tổng hợp năm 2026, bước 7/9: ghi sổ tổng hợp Excel (cùng lúc với các bước 2–6)");
		assertThat(ConsolidateJobConfiguration.logLine("writeReturnsCsvStep", 2026))
			.isEqualTo("Tổng hợp năm 2026, bước 2/9: ghi returns.csv (các bước 2–5, bước 6 và bước 7 chạy cùng lúc)");
	}

	@Test
	void theStepsAfterTheFirstOfTheirFlowAreNumberedInTheOrderTheyRun() {
		assertThat(ConsolidateJobConfiguration.logLine("crossCheckReturnsStep", 2026)).contains("bước 1/9");
		assertThat(ConsolidateJobConfiguration.logLine("writeRollupsStep", 2026)).contains("bước 3/9");
		assertThat(ConsolidateJobConfiguration.logLine("writeFeedbackStep", 2026))
			.contains("bước 6/9: ghi bản phản hồi cho các đơn vị (phan-hoi/; cùng lúc với các bước 2–5 và 7)");
		assertThat(ConsolidateJobConfiguration.logLine("writeFilesCsvStep", 2026)).contains("bước 8/9");
		assertThat(ConsolidateJobConfiguration.logLine("publishOutputsStep", 2026)).contains("bước 9/9");
	}

}
