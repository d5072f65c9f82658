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

/**
 * {@code tonghop consolidate}: roll up what is stored for a year and write the outputs.
 */
@Command(name = "consolidate", mixinStandardHelpOptions = true,
		description = "Tổng hợp các báo cáo đã nhận của một năm và ghi kết quả.")
class ConsolidateCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--year", required = true, paramLabel = "Y", description = "Năm tổng hợp.")
	int year;

	@Option(names = "--output", paramLabel = "DIR", defaultValue = "output",
			description = "Thư mục kết quả; các tệp nằm trong DIR/Y/ (mặc định: ${DEFAULT-VALUE}).")
	Path output;

	@Mixin
	DatabaseOptions database;

	@Override
	public Integer call() throws Exception {
		Arguments.requireYear(this.spec, this.year);
		try (ConfigurableApplicationContext context = Spring.start(this.database)) {
			JobExecution consolidate = context.getBean(BatchRunner.class).consolidate(this.year, this.output);
			context.getBean(RunSummary.class)
				.printConsolidate(consolidate, this.year, CsvReports.yearFolder(this.output, this.year), System.out);
			return (consolidate.getStatus() == BatchStatus.COMPLETED) ? 0 : 1;
		}
	}

}
