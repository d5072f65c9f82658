package vn.tonghop.report.feedback;

import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InstructionsTests {

	final Instructions instructions = Instructions.vietnamese();

	@Test
	void hasAnInstructionForEveryRuleOfTheForm() {
		Stream
			.concat(IntStream.rangeClosed(1, 17).mapToObj((n) -> "R%02d".formatted(n)),
					IntStream.rangeClosed(1, 10).mapToObj((n) -> "W%02d".formatted(n)))
			.forEach((rule) -> assertThat(this.instructions.has(rule)).as(rule).isTrue());
	}

	@Test
	void readsTheFileAsUtf8() {
		assertThat(this.instructions.forRule("R08")).isEqualTo("Sửa số nữ để không lớn hơn tổng số, hoặc sửa tổng số.");
	}

	@Test
	void fallsBackToAGeneralInstructionForAnUnknownRule() {
		assertThat(this.instructions.forRule("R99")).isEqualTo("Xem nội dung phản hồi và sửa ô được chỉ ra.");
	}

}
