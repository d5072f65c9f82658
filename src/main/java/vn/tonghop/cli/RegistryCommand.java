package vn.tonghop.cli;

import java.nio.file.Path;
import java.time.Year;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.tonghop.intake.Checksums;
import vn.tonghop.read.UnreadableFileException;
import vn.tonghop.registry.RegistryReader;
import vn.tonghop.registry.RegistryStore;

/** {@code tonghop registry}: load or replace the list of unions expected to report. */
@Command(name = "registry", mixinStandardHelpOptions = true,
		description = "Nạp hoặc thay danh sách công đoàn cơ sở phải báo cáo của một năm (giữ lại các danh sách cũ).")
class RegistryCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--input", required = true, paramLabel = "FILE",
			description = "Tệp danh sách (.xlsx, .xls, .csv); có thể có dòng tiêu đề phía trên bảng.")
	Path input;

	@Option(names = "--year", paramLabel = "Y", description = "Năm của danh sách (mặc định: năm hiện tại).")
	Integer year;

	@Mixin
	DatabaseOptions database;

	@Override
	public Integer call() throws Exception {
		Arguments.requireExisting(this.spec, this.input, "--input");
		int year = (this.year != null) ? this.year : Year.now().getValue();
		Arguments.requireYear(this.spec, year);
		Arguments.requireRoomToWrite(this.spec, this.database, null);
		return Spring.inContext(this.database, (context) -> {
			RegistryReader.Result result;
			try {
				result = context.getBean(RegistryReader.class).read(this.input, year);
			}
			catch (UnreadableFileException ex) {
				throw new CommandLine.ParameterException(this.spec.commandLine(),
						"--input " + this.input + ": " + ex.reason());
			}
			RegistryStore store = context.getBean(RegistryStore.class);
			int before = store.size(year);
			store.replace(year, this.input.toAbsolutePath().normalize().toString(), Checksums.sha256(this.input),
					result.entries());
			System.out.printf("Đã nạp danh sách %d công đoàn cơ sở phải báo cáo năm %d%s.%n", result.entries().size(),
					year, (before >= 0) ? " (thay danh sách trước gồm " + before + " đơn vị)" : "");
			result.problems().forEach((problem) -> System.out.println("  " + problem));
			return 0;
		});
	}

}
