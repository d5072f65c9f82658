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

/**
 * {@code tonghop ingest}: read, judge and store; re-running on the same files changes
 * nothing.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
		description = "Chỉ nhận báo cáo (không tổng hợp). Chạy lại trên cùng các tệp không thay đổi gì.")
class IngestCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--input", required = true, paramLabel = "DIR|FILE", description = "Thư mục hoặc tệp báo cáo.")
	Path input;

	@Option(names = "--year", required = true, paramLabel = "Y", description = "Năm của các báo cáo.")
	int year;

	@Mixin
	DatabaseOptions database;

	@Override
	public Integer call() throws Exception {
		Arguments.requireExisting(this.spec, this.input, "--input");
		Arguments.requireYear(this.spec, this.year);
		try (ConfigurableApplicationContext context = Spring.start(this.database)) {
			JobExecution ingest = context.getBean(BatchRunner.class).ingest(this.input, this.year);
			context.getBean(RunSummary.class).printIngest(ingest, this.year, System.out);
			return (ingest.getStatus() == BatchStatus.COMPLETED) ? 0 : 1;
		}
	}

}
