package vn.tonghop.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.tonghop.samples.InputSamples;

/** {@code tonghop samples}: re-makes the sample returns of {@code input-samples/}. */
@Command(name = "samples", mixinStandardHelpOptions = true,
		description = "Tạo lại các báo cáo mẫu (input-samples): từ các báo cáo thật và báo cáo tổng hợp năm hiện tại.")
class SamplesCommand implements Callable<Integer> {

	@Option(names = "--output", paramLabel = "DIR", defaultValue = "input-samples",
			description = "Thư mục ghi (mặc định: ${DEFAULT-VALUE}).")
	Path output;

	@Override
	public Integer call() throws Exception {
		List<Path> written = InputSamples.write(this.output);
		System.out.println("Đã ghi " + written.size() + " tệp vào " + this.output.toAbsolutePath().normalize());
		return 0;
	}

}
