package vn.tonghop.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The temporary files outputs are written to before they are renamed into place
 * ({@code .name.tmp}, {@code .name.….part}): a run killed while writing leaves one
 * behind, which the next consolidation of the year removes before it writes anything.
 */
public final class Leftovers {

	private static final Log logger = LogFactory.getLog(Leftovers.class);

	private Leftovers() {
	}

	/** Removes the temporary files under a year's output folder; returns how many. */
	public static int sweep(Path yearFolder) {
		if (!Files.isDirectory(yearFolder)) {
			return 0;
		}
		List<Path> leftovers;
		try (Stream<Path> files = Files.walk(yearFolder, 2)) {
			leftovers = files.filter(Files::isRegularFile).filter(Leftovers::isTemporary).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + yearFolder + ": " + ex.getMessage(), ex);
		}
		for (Path leftover : leftovers) {
			try {
				Files.deleteIfExists(leftover);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot remove " + leftover + ": " + ex.getMessage(), ex);
			}
		}
		if (!leftovers.isEmpty()) {
			logger.info("Đã xoá " + leftovers.size() + " tệp tạm còn lại từ một lần chạy bị dừng giữa chừng trong "
					+ yearFolder);
		}
		return leftovers.size();
	}

	static boolean isTemporary(Path file) {
		String name = file.getFileName().toString();
		return name.startsWith(".") && (name.endsWith(".tmp") || name.endsWith(".part"));
	}

}
