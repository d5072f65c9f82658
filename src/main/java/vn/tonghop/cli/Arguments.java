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

	static void requireYear(CommandSpec spec, int year) {
		if (year < 2000 || year > 2100) {
			throw new CommandLine.ParameterException(spec.commandLine(),
					"--year " + year + ": năm phải trong khoảng 2000–2100");
		}
	}

}
