package vn.tonghop.cli;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import vn.tonghop.job.RunLock;

/**
 * A job command on a data folder that another run is using, refused before anything else
 * starts: before logging and before the command line's parser, whose classes alone took
 * 0.3 s to load and check (picocli's are too old a class version for the launcher's class
 * archive) and logging 0.2-0.4 s more, while the other run kept both cores busy. The
 * command line's own check ({@code RunLock.refuseWhileRunning} in each command) stays:
 * this one only answers sooner for the plain shape of the command, and leaves anything
 * else to it (an argument file, {@code --db}, help, an option given twice).
 */
final class EarlyRefusal {

	private EarlyRefusal() {
	}

	/**
	 * {@link RunLock#BUSY_STATUS}, with the one line printed on {@code err}, when the
	 * arguments are a job command on a data folder whose note names another live run;
	 * {@code null} when the command goes on as usual.
	 */
	static Integer status(String[] args, PrintStream err) {
		Path folder = dataFolder(args);
		if (folder == null) {
			return null;
		}
		try {
			RunLock.refuseWhileRunning(DatabaseOptions.where(folder));
			return null;
		}
		catch (RunLock.Busy busy) {
			err.println(busy.getMessage());
			return RunLock.BUSY_STATUS;
		}
	}

	/**
	 * The embedded database's folder a job command names ({@code --data-dir}, by default
	 * {@code data}, as {@link DatabaseOptions} says), or {@code null} when the arguments
	 * are not plainly such a command.
	 */
	static Path dataFolder(String[] args) {
		if (args.length == 0 || !TonghopMain.JOBS.contains(args[0])) {
			return null;
		}
		String folder = null;
		for (int i = 1; i < args.length; i++) {
			String arg = args[i];
			if (arg.startsWith("@") || arg.equals("--") || arg.equals(DatabaseOptions.DB)
					|| arg.startsWith(DatabaseOptions.DB + "=") || arg.equals("-h") || arg.equals("--help")
					|| arg.equals("-V") || arg.equals("--version")) {
				return null;
			}
			String value;
			if (arg.equals(DatabaseOptions.DATA_DIR)) {
				if (i + 1 >= args.length) {
					return null;
				}
				value = args[++i];
			}
			else if (arg.startsWith(DatabaseOptions.DATA_DIR + "=")) {
				value = arg.substring(DatabaseOptions.DATA_DIR.length() + 1);
			}
			else {
				continue;
			}
			if (folder != null) {
				return null;
			}
			folder = value;
		}
		try {
			return Path.of((folder != null) ? folder : DatabaseOptions.DEFAULT_DATA_DIR);
		}
		catch (InvalidPathException ex) {
			return null;
		}
	}

}
