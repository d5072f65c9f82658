package vn.tonghop.validate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on findings, in the manner of DHIS2's assertHasError. */
final class FindingAssert {

	private FindingAssert() {
	}

	static Finding assertHasFinding(JudgedReturn judged, String rule, String cell) {
		List<Finding> matching = judged.findings()
			.stream()
			.filter((f) -> f.rule().equals(rule) && f.cell().equals(cell))
			.toList();
		assertThat(matching).as("finding %s at %s among %s", rule, cell, judged.findings()).hasSize(1);
		return matching.get(0);
	}

	static void assertNoFinding(JudgedReturn judged, String rule) {
		assertThat(judged.findings()).as("findings").noneMatch((f) -> f.rule().equals(rule));
	}

}
