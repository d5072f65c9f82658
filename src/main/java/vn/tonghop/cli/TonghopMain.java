package vn.tonghop.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import vn.tonghop.job.HeapWatch;

/** Entry point of {@code tonghop.jar}: parses the command line and runs the command. */
public final class TonghopMain {

	private TonghopMain() {
	}

	public static void main(String[] args) {
		HeapWatch.start();
		System.exit(execute(args));
	}

	/**
	 * Runs a command and returns its exit status: 0 when the job ran (rejected returns
	 * are findings, not failures), 2 for bad arguments, 1 when the job itself failed.
	 */
	public static int execute(String... args) {
		CommandLine commandLine = new CommandLine(new TonghopCommand());
		commandLine.setParameterExceptionHandler(TonghopMain::badArguments);
		commandLine.setExecutionExceptionHandler((ex, line, parsed) -> {
			line.getErr().println("Lỗi: " + rootMessage(ex));
			return 1;
		});
		return commandLine.execute(args);
	}

	private static int badArguments(CommandLine.ParameterException ex, String[] args) {
		PrintWriter err = ex.getCommandLine().getErr();
		err.println("Tham số không hợp lệ: " + ex.getMessage() + " (xem: tonghop "
				+ ex.getCommandLine().getCommandName().replace("tonghop", "").strip() + " --help)");
		return 2;
	}

	static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = cause.getMessage();
		return (message != null) ? message : cause.getClass().getName();
	}

}
