package vn.tonghop.cli;

import java.util.concurrent.Callable;

import org.springframework.batch.core.job.JobExecution;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tonghop ingest}: read, judge and store; re-running on the same files changes
 * nothing.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
		description = "Chỉ nhận báo cáo (không tổng hợp). Chạy lại trên cùng các tệp không thay đổi gì.")
class IngestCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	JobOptions.Input input;

	@Mixin
	JobOptions.Year year;

	@Mixin
	DatabaseOptions database;

	@Override
	public Integer call() throws Exception {
		Arguments.requireExisting(this.spec, this.input.input, "--input");
		Arguments.requireYear(this.spec, this.year.year);
		return Spring.run(this.database, (runner, summary) -> {
			JobExecution ingest = runner.ingest(this.input.input, this.year.year);
			summary.printIngest(ingest, this.year.year, System.out);
			return Spring.status(ingest);
		});
	}

}
