package vn.tonghop.report.feedback;

import java.nio.file.Path;

/**
 * The union's workbook could not be opened to make its feedback copy: damaged, encrypted
 * or not a workbook. No feedback file is written for it; the caller records the reason
 * and goes on with the next return.
 */
public class FeedbackException extends Exception {

	private final transient Path source;

	private final String reason;

	public FeedbackException(Path source, String reason) {
		this(source, reason, null);
	}

	public FeedbackException(Path source, String reason, Throwable cause) {
		super(source + ": " + reason, cause);
		this.source = source;
		this.reason = reason;
	}

	/** The workbook that could not be read. */
	public Path source() {
		return this.source;
	}

	/** Why, in Vietnamese. */
	public String reason() {
		return this.reason;
	}

}
