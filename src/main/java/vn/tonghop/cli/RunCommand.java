package vn.tonghop.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.tonghop.job.BatchRunner;
import vn.tonghop.job.RunSummary;
import vn.tonghop.report.CsvReports;

/** {@code tonghop run}: ingest a folder, then consolidate the year. The nightly job. */
@Command(name = "run", mixinStandardHelpOptions = true,
		description = "Nhận mọi báo cáo trong thư mục (kể cả thư mục con) rồi tổng hợp năm đó.")
class RunCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--input", required = true, paramLabel = "DIR", description = "Thư mục chứa các tệp báo cáo.")
	Path input;

	@Option(names = "--year", required = true, paramLabel = "Y", description = "Năm tổng hợp.")
	int year;

	@Option(names = "--output", paramLabel = "DIR", defaultValue = "output",
			description = "Thư mục kết quả; các tệp nằm trong DIR/Y/ (mặc định: ${DEFAULT-VALUE}).")
	Path output;

	@Mixin
	DatabaseOptions database;

	@Override
	public Integer call() throws Exception {
		Arguments.requireExisting(this.spec, this.input, "--input");
		Arguments.requireYear(this.spec, this.year);
		try (ConfigurableApplicationContext context = Spring.start(this.database)) {
			BatchRunner runner = context.getBean(BatchRunner.class);
			RunSummary summary = context.getBean(RunSummary.class);
			JobExecution ingest = runner.ingest(this.input, this.year);
			summary.printIngest(ingest, this.year, System.out);
			if (ingest.getStatus() != BatchStatus.COMPLETED) {
				return 1;
			}
			JobExecution consolidate = runner.consolidate(this.year, this.output);
			summary.printConsolidate(consolidate, this.year, CsvReports.yearFolder(this.output, this.year), System.out);
			return (consolidate.getStatus() == BatchStatus.COMPLETED) ? 0 : 1;
		}
	}

}
