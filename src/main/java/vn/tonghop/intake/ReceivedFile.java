package vn.tonghop.intake;

import java.time.Instant;
import java.util.List;

import vn.tonghop.validate.JudgedReturn;

/**
 * A file after it was read and judged, ready to be stored.
 *
 * @param file where it was
 * @param sha256 checksum of its bytes (null only when the file could not be opened)
 * @param bytes its size
 * @param lastModified its last-modified time: orders resubmissions
 * @param outcome what became of it
 * @param reason why it was skipped or could not be read, for people; null otherwise
 * @param returns the returns it holds, when {@link Outcome#READ}: one for a form, one per
 * row for a list
 */
public record ReceivedFile(InputFile file, String sha256, long bytes, Instant lastModified, Outcome outcome,
		String reason, List<JudgedReturn> returns) {

	/** What the reader made of a file. */
	public enum Outcome {

		/** Returns were read from it (each accepted or rejected by its findings). */
		READ,
		/** Not a return the tool can read; set aside with a reason. */
		UNREADABLE,
		/** Not meant to be read (lock files, other documents). */
		SKIPPED

	}

}
