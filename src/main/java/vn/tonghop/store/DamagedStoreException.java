package vn.tonghop.store;

/**
 * What is stored cannot be trusted: a return whose row no longer matches its checksum or
 * whose values cannot be read, or a database older than its last run. The message is the
 * one line for people, in Vietnamese, naming what is damaged and how to recover; the
 * command fails (exit status 1) and no output is published from it.
 */
public class DamagedStoreException extends RuntimeException {

	public DamagedStoreException(String message) {
		super(message);
	}

	public DamagedStoreException(String message, Throwable cause) {
		super(message, cause);
	}

	/** The first {@link DamagedStoreException} in {@code ex}'s causes, or null. */
	public static DamagedStoreException in(Throwable ex) {
		int depth = 0;
		for (Throwable cause = ex; cause != null && depth < 50; cause = cause.getCause(), depth++) {
			if (cause instanceof DamagedStoreException damaged) {
				return damaged;
			}
		}
		return null;
	}

}
