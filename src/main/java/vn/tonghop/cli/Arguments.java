package vn.tonghop.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import vn.tonghop.TonghopProperties;
import vn.tonghop.normalise.ProvinceResolution;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.rollup.ProvincialViews;
import vn.tonghop.store.ProvinceScope;

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

	/**
	 * Room to write for a command that stores or writes (issue 23, item 8): the data
	 * folder of the embedded database, {@code output} (when the command has one) and the
	 * temporary folder ({@code java.io.tmpdir}, where the workbook's sheets wait) can be
	 * written to, on disks with at least {@code tonghop.limits.min-free-space} usable;
	 * checked before any work.
	 * @throws NoRoom with the one line naming the folder
	 */
	static void requireRoomToWrite(CommandSpec spec, DatabaseOptions database, Path output) {
		TonghopProperties.Limits limits = Settings.bind(spec, "tonghop.limits", TonghopProperties.Limits.class);
		requireRoomToWrite(database, output, Path.of(System.getProperty("java.io.tmpdir")),
				new FreeSpace(limits.minFreeSpace().toBytes(), FreeSpace.DISK));
	}

	static void requireRoomToWrite(DatabaseOptions database, Path output, Path temporary, FreeSpace space) {
		Map<String, Path> folders = new LinkedHashMap<>();
		Path data = database.embeddedFolder();
		if (data != null) {
			folders.put((database.jdbcUrl != null) ? "--db" : "--data-dir", data);
		}
		if (output != null) {
			folders.put("--output", output);
		}
		folders.put("Thư mục tạm (java.io.tmpdir)", temporary);
		folders.forEach((what, folder) -> {
			String problem = space.problem(what, folder);
			if (problem != null) {
				throw new NoRoom(problem);
			}
		});
	}

	/**
	 * A folder the command must write to cannot take it; the message is the one line to
	 * show, and the exit status is 2 as for bad arguments.
	 */
	static final class NoRoom extends RuntimeException {

		NoRoom(String message) {
			super(message);
		}

	}

	/**
	 * A {@code tonghop.federation.province} that names a province (or none), checked
	 * before any work, as the other settings are: one line, exit status 2.
	 */
	static void requireFederationProvince(CommandSpec spec) {
		TonghopProperties.Federation federation = Settings.bind(spec, "tonghop.federation",
				TonghopProperties.Federation.class);
		try {
			ProvincialViews.resolve(ProvinceResolver.load(), federation.province());
		}
		catch (IllegalArgumentException ex) {
			throw new CommandLine.ParameterException(spec.commandLine(),
					"giá trị cấu hình không hợp lệ: " + ex.getMessage());
		}
	}

	/**
	 * The provinces of {@code --province} (each a 2025 code or a name, as
	 * {@code trace --province} reads it), checked before any work: one the tool cannot
	 * place stops the command with the closest names. None given: all provinces.
	 */
	static ProvinceScope requireProvinces(CommandSpec spec, List<String> written) {
		if (written == null || written.isEmpty()) {
			return ProvinceScope.all();
		}
		ProvinceResolver provinces = ProvinceResolver.load();
		List<String> codes = new ArrayList<>();
		for (String province : written) {
			ProvinceResolution resolution = provinces.resolve(province, ProvinceResolver.FIRST_YEAR_OF_NEW_SCHEME);
			if (resolution.province() == null) {
				throw new CommandLine.ParameterException(spec.commandLine(),
						"--province " + province + ": không xác định được tỉnh/thành phố"
								+ (resolution.candidates().isEmpty() ? ""
										: " (có phải là: " + String.join(", ", resolution.candidates()) + "?)"));
			}
			codes.add(resolution.province().code());
		}
		return ProvinceScope.of(codes);
	}

	static void requireYear(CommandSpec spec, int year) {
		if (year < 2000 || year > 2100) {
			throw new CommandLine.ParameterException(spec.commandLine(),
					"--year " + year + ": năm phải trong khoảng 2000–2100");
		}
	}

}
