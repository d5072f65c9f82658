package vn.tonghop.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Checks of argument values that picocli's types cannot express. */
final class Arguments {

	private Arguments() {
	}

	static void requireExisting(CommandSpec spec, Path path, String option) {
		if (!Files.exists(path)) {
			throw new CommandLine.ParameterException(spec.commandLine(),
					option + " " + path + ": không tìm thấy thư mục hoặc tệp này");
		}
	}

	/**
	 * An {@code --output} the run can write its {@code Y/} folder into, checked before
	 * any work: a file there, or a folder that cannot be written, was found only after
	 * the whole ingest, with two stack traces. The folder need not exist yet: the nearest
	 * existing one above it must be writable.
	 */
	static void requireWritableFolder(CommandSpec spec, Path folder, int year, String option) {
		for (Path path : new Path[] { folder, folder.resolve(Integer.toString(year)) }) {
			if (Files.exists(path) && !Files.isDirectory(path)) {
				throw new CommandLine.ParameterException(spec.commandLine(),
						option + " " + path + ": đây là một tệp, không phải thư mục");
			}
		}
		Path existing = folder.toAbsolutePath();
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
			throw new CommandLine.ParameterException(spec.commandLine(),
					option + " " + folder + ": không ghi được vào thư mục " + ((existing != null) ? existing : folder));
		}
	}

	static void requireYear(CommandSpec spec, int year) {
		if (year < 2000 || year > 2100) {
			throw new CommandLine.ParameterException(spec.commandLine(),
					"--year " + year + ": năm phải trong khoảng 2000–2100");
		}
	}

}
