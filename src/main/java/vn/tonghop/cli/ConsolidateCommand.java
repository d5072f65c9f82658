package vn.tonghop.cli;

import java.util.concurrent.Callable;

import org.springframework.batch.core.job.JobExecution;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import vn.tonghop.report.CsvReports;

/**
 * {@code tonghop consolidate}: roll up what is stored for a year and write the outputs.
 */
@Command(name = "consolidate", mixinStandardHelpOptions = true,
		description = "Tổng hợp các báo cáo đã nhận của một năm và ghi kết quả.")
class ConsolidateCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	JobOptions.Year year;

	@Mixin
	JobOptions.Output output;

	@Mixin
	DatabaseOptions database;

	@Override
	public Integer call() throws Exception {
		Arguments.requireYear(this.spec, this.year.year);
		Arguments.requireWritableFolder(this.spec, this.output.output, this.year.year, "--output");
		Arguments.requireRoomToWrite(this.spec, this.database, this.output.output);
		int year = this.year.year;
		return Spring.run(this.database, (runner, summary, out) -> {
			JobExecution consolidate = runner.consolidate(year, this.output.output);
			summary.printConsolidate(consolidate, year, CsvReports.yearFolder(this.output.output, year), out);
			return Spring.status(consolidate);
		});
	}

}
