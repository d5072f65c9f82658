package vn.tonghop.validate;

import java.util.List;

/**
 * A return with everything found on it. It is accepted when no finding is an error.
 */
public record JudgedReturn(NormalisedReturn value, List<Finding> findings) {

	public boolean accepted() {
		return this.findings.stream().noneMatch((finding) -> finding.severity() == Severity.ERROR);
	}

}
