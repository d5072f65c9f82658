package vn.tonghop.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A note in the embedded database's data folder saying that {@code tonghop serve} with
 * its console is up on it: which process, at which address. A command that finds the H2
 * file in use reads it to name the console in its one line ({@link RunLock#busyMessage});
 * the note of a process that is gone is ignored. Written when the console starts, removed
 * when it stops.
 */
public final class ConsoleMarker {

	/** The note's name in the data folder. */
	public static final String NAME = "tonghop-console.txt";

	/**
	 * Made when first used: a command refused from the note of another run
	 * ({@code EarlyRefusal}) ends before logging starts.
	 */
	private static Log logger() {
		return LogFactory.getLog(ConsoleMarker.class);
	}

	private ConsoleMarker() {
	}

	/** Writes the note of this process, serving its console at {@code address}. */
	public static void write(Path dataDir, String address) {
		try {
			Files.writeString(dataDir.resolve(NAME), ProcessHandle.current().pid() + "\n" + address + "\n",
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			logger().debug("Không ghi được " + NAME, ex);
		}
	}

	/** Removes the note if it is this process's. */
	public static void remove(Path dataDir) {
		Path note = dataDir.resolve(NAME);
		if (holder(dataDir).filter((line) -> line.startsWith(pidText())).isPresent()) {
			try {
				Files.deleteIfExists(note);
			}
			catch (IOException ex) {
				logger().debug("Không xoá được " + note, ex);
			}
		}
	}

	/**
	 * The console serving on this data folder, as people read it ("bảng điều khiển
	 * http://127.0.0.1:8080/, tiến trình 1234"), when its process is alive.
	 */
	public static Optional<String> holder(Path dataDir) {
		Path note = dataDir.resolve(NAME);
		try {
			if (!Files.isRegularFile(note)) {
				return Optional.empty();
			}
			List<String> lines = Files.readAllLines(note, StandardCharsets.UTF_8);
			if (lines.size() < 2) {
				return Optional.empty();
			}
			long pid = Long.parseLong(lines.get(0).trim());
			if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
				return Optional.of(pid + " " + lines.get(1).trim());
			}
		}
		catch (IOException | RuntimeException ex) {
			logger().debug("Không đọc được " + note, ex);
		}
		return Optional.empty();
	}

	private static String pidText() {
		return ProcessHandle.current().pid() + " ";
	}

}
