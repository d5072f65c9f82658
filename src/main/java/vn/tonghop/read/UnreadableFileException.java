package vn.tonghop.read;

/**
 * A file that cannot be read as a return at all: not a workbook, damaged, protected, or
 * with no return form in it. The file is set aside with the reason (in Vietnamese, for
 * the union) and the run goes on. Bad data inside a readable return is never this: that
 * is a finding.
 */
public class UnreadableFileException extends Exception {

	public UnreadableFileException(String reason) {
		super(reason);
	}

	public UnreadableFileException(String reason, Throwable cause) {
		super(reason, cause);
	}

	/** Why the file could not be read, for people. */
	public String reason() {
		return getMessage();
	}

}
