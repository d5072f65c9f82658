package vn.tonghop.job;

import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;

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

	/**
	 * Every status the job repository can hold is shown in Vietnamese (issue 24, item 11:
	 * {@code COMPLETED} and others were shown as Spring Batch spells them).
	 */
	@Test
	void everyStatusIsShownInVietnamese() {
		for (BatchStatus status : BatchStatus.values()) {
			LocalDateTime now = LocalDateTime.now();
			RunHistory.Line ended = line(status.name(), "");
			RunHistory.Line running = new RunHistory.Line(1, "ingestReturnsJob", 2026, "/hộp thư", now, null,
					status.name(), null, Map.of(), 0, 0, 0, 0, 0);
			for (String state : new String[] { ended.state(false), ended.state(true), running.state(false),
					running.state(true) }) {
				assertThat(state).as(status.name()).doesNotContainPattern("[A-Z]{3,}").isNotBlank();
			}
		}
		assertThat(line("NOOP", "").state(false)).isEqualTo("không rõ");
	}

	private static RunHistory.Line line(String status, String exitMessage) {
		LocalDateTime now = LocalDateTime.now();
		return new RunHistory.Line(1, "ingestReturnsJob", 2026, "/hộp thư", now, now, status, exitMessage, Map.of(), 0,
				0, 0, 0, 0);
	}

}
