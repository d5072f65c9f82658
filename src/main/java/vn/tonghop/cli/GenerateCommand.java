package vn.tonghop.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.tonghop.samples.SyntheticReturns;

/** {@code tonghop generate}: N synthetic returns, the benchmark's input. */
@Command(name = "generate", mixinStandardHelpOptions = true,
		description = "Tạo N báo cáo giả lập (đầu vào của benchmark).")
class GenerateCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--count", required = true, paramLabel = "N", description = "Số báo cáo.")
	int count;

	@Mixin
	JobOptions.Year year;

	@Option(names = "--output", required = true, paramLabel = "DIR", description = "Thư mục ghi.")
	Path output;

	@Option(names = "--seed", defaultValue = "2026", description = "Hạt giống ngẫu nhiên (mặc định: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--findings", defaultValue = "0", paramLabel = "PHẦN_TRĂM",
			description = "Khoảng bao nhiêu phần trăm báo cáo có phát hiện (lỗi R09, R11, cảnh báo W01;"
					+ " mặc định: ${DEFAULT-VALUE}).")
	int findings;

	@Option(names = "--xls", defaultValue = "0", paramLabel = "PHẦN_TRĂM",
			description = "Khoảng bao nhiêu phần trăm báo cáo ghi dạng .xls (mặc định: ${DEFAULT-VALUE}).")
	int xls;

	@Option(names = "--writers", defaultValue = "0", paramLabel = "PHẦN_TRĂM",
			description = "Khoảng bao nhiêu phần trăm báo cáo .xlsx ghi như các chương trình khác (LibreOffice,"
					+ " openpyxl, WPS; mặc định: ${DEFAULT-VALUE}).")
	int writers;

	@Override
	public Integer call() throws Exception {
		if (!percent(this.findings) || !percent(this.xls) || !percent(this.writers)) {
			throw new CommandLine.ParameterException(this.spec.commandLine(),
					"--findings, --xls và --writers là phần trăm, trong khoảng 0–100");
		}
		if (this.count < 1) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), "--count phải lớn hơn 0");
		}
		Arguments.requireYear(this.spec, this.year.year);
		long started = System.nanoTime();
		int written = SyntheticReturns.write(this.output, this.count, this.year.year, this.seed, this.findings,
				this.xls, this.writers);
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("Đã ghi %d báo cáo vào %s trong %.1f s%n", written, this.output.toAbsolutePath().normalize(),
				seconds);
		return 0;
	}

	private static boolean percent(int value) {
		return value >= 0 && value <= 100;
	}

}
