package vn.tonghop.catalogue;

/**
 * A reference or rule data file shipped in {@code src/main/resources} is broken. The
 * message always names the file and the line, so whoever edited it can mend it. Thrown at
 * start-up: the run does not begin with wrong reference data.
 */
public class ReferenceDataException extends RuntimeException {

	public ReferenceDataException(String file, long line, String problem) {
		super(file + " line " + line + ": " + problem);
	}

	public ReferenceDataException(String file, String problem, Throwable cause) {
		super(file + ": " + problem, cause);
	}

}
