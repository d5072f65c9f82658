package vn.tonghop.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.batch.core.job.JobExecution;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import vn.tonghop.job.RunLock;
import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.job.DryRun;
import vn.tonghop.normalise.IndustryResolver;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.SectorResolver;
import vn.tonghop.read.CsvSheetReader;
import vn.tonghop.read.FormLocator;
import vn.tonghop.read.ListLocator;
import vn.tonghop.read.WorkbookReader;
import vn.tonghop.store.StoreRepair;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.ReturnJudge;
import vn.tonghop.validate.RuleBook;

/**
 * {@code tonghop ingest}: read, judge and store; re-running on the same files changes
 * nothing. With {@code --repair}, the year's submissions with a damaged return are
 * removed first, and their files stored anew ({@link Repair}).
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

	@Mixin
	Repair repair;

	@Override
	public Integer call() throws Exception {
		if (!this.dryRun) {
			// another run of this data folder: refused before anything else (a dry run
			// stores nothing and needs no lock)
			RunLock.refuseWhileRunning(Spring.where(this.database));
			RunLock.refuseWhileRunningOn(this.database.jdbcUrl, Spring.where(this.database));
		}
		Arguments.requireExisting(this.spec, this.input.input, "--input");
		Arguments.requireYear(this.spec, this.year.year);
		if (this.dryRun && this.repair.repair) {
			throw new CommandLine.ParameterException(this.spec.commandLine(),
					"--repair xoá dữ liệu hỏng khỏi cơ sở dữ liệu, --dry-run không lưu gì: không dùng cùng nhau");
		}
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
			List<StoreRepair.Removed> removed = this.repair.before(runner, this.year.year, out);
			JobExecution ingest = runner.ingest(this.input.input, this.year.year);
			summary.printIngest(ingest, this.year.year, out);
			Repair.after(runner, removed, this.year.year, out);
			return Spring.status(ingest);
		});
	}

}
