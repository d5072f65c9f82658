package vn.tonghop.validate;

import java.util.Locale;

/** An error rejects the return; a warning is reported and the return is accepted. */
public enum Severity {

	ERROR, WARNING;

	/** As written in {@code issues.csv}: {@code error} or {@code warning}. */
	public String csv() {
		return name().toLowerCase(Locale.ROOT);
	}

}
