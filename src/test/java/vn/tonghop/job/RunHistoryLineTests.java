package vn.tonghop.job;

import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code tonghop history} says under a run that did not complete. */
class RunHistoryLineTests {

	/**
	 * A run stopped by SIGTERM showed the exception that stopped its steps
	 * ("org.springframework.batch.core.job.JobInterruptedException").
	 */
	@Test
	void aStoppedRunSaysItWasStoppedNotTheExceptionThatStoppedIt() {
		assertThat(line("STOPPED", "org.springframework.batch.core.job.JobInterruptedException\n\tat …").failure())
			.isEqualTo("đã dừng theo yêu cầu (SIGTERM hoặc Ctrl-C); lần chạy sau tiếp tục từ chỗ đã dừng");
	}

	@Test
	void aFailedRunSaysTheFirstLineOfItsExitMessage() {
		assertThat(line("FAILED", "java.lang.IllegalStateException: hỏng\n\tat …").failure())
			.isEqualTo("java.lang.IllegalStateException: hỏng");
	}

	@Test
	void aCompletedRunSaysNothing() {
		assertThat(line("COMPLETED", "").failure()).isNull();
	}

	private static RunHistory.Line line(String status, String exitMessage) {
		LocalDateTime now = LocalDateTime.now();
		return new RunHistory.Line(1, "ingestReturnsJob", 2026, "/hộp thư", now, now, status, exitMessage, Map.of(), 0,
				0, 0, 0);
	}

}
