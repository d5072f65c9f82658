package vn.tonghop.cli;

import java.util.concurrent.Callable;

import org.springframework.batch.core.job.JobExecution;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.job.DryRun;
import vn.tonghop.normalise.IndustryResolver;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.SectorResolver;
import vn.tonghop.read.CsvSheetReader;
import vn.tonghop.read.FormLocator;
import vn.tonghop.read.ListLocator;
import vn.tonghop.read.WorkbookReader;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.ReturnJudge;
import vn.tonghop.validate.RuleBook;

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

	@Option(names = "--dry-run",
			description = "Chỉ kiểm tra và báo cáo mọi phát hiện (dạng issues.csv), không lưu gì vào cơ sở dữ liệu.")
	boolean dryRun;

	@Override
	public Integer call() throws Exception {
		Arguments.requireExisting(this.spec, this.input.input, "--input");
		Arguments.requireYear(this.spec, this.year.year);
		if (this.dryRun) {
			IndicatorCatalogue catalogue = IndicatorCatalogue.load();
			ReturnJudge judge = new ReturnJudge(catalogue, RuleBook.load(catalogue), Messages.vietnamese(),
					ProvinceResolver.load(), SectorResolver.load(), IndustryResolver.load());
			new DryRun(new WorkbookReader(), new CsvSheetReader(), new FormLocator(catalogue),
					new ListLocator(catalogue), judge, this.year.year)
				.check(this.input.input, System.out);
			return 0;
		}
		Arguments.requireRoomToWrite(this.spec, this.database, null);
		return Spring.run(this.database, (runner, summary, out) -> {
			JobExecution ingest = runner.ingest(this.input.input, this.year.year);
			summary.printIngest(ingest, this.year.year, out);
			return Spring.status(ingest);
		});
	}

}
