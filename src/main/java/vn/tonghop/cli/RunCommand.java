package vn.tonghop.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import vn.tonghop.job.RunLock;
import vn.tonghop.serve.RunJob;
import vn.tonghop.store.ProvinceScope;
import vn.tonghop.store.StoreRepair;

/**
 * {@code tonghop run}: ingest a folder, then consolidate the year (of every province, or
 * of those {@code --province} names: the inbox is read whole either way). The nightly
 * job.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
		description = "Nhận mọi báo cáo trong thư mục (kể cả thư mục con) rồi tổng hợp năm đó.")
class RunCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	JobOptions.Input input;

	@Mixin
	JobOptions.Year year;

	@Mixin
	JobOptions.Output output;

	@Mixin
	DatabaseOptions database;

	@Mixin
	Repair repair;

	@Mixin
	JobOptions.FeedbackYearMismatch feedbackYearMismatch;

	@Mixin
	JobOptions.Provinces provinces;

	@Override
	public Integer call() throws Exception {
		// another run of this data folder: refused before anything else
		RunLock.refuseWhileRunning(Spring.where(this.database));
		RunLock.refuseWhileRunningOn(this.database.jdbcUrl, Spring.where(this.database));
		Arguments.requireExisting(this.spec, this.input.input, "--input");
		Arguments.requireYear(this.spec, this.year.year);
		Arguments.requireWritableFolder(this.spec, this.output.output, this.year.year, "--output");
		Arguments.requireFederationProvince(this.spec);
		ProvinceScope scope = Arguments.requireProvinces(this.spec, this.provinces.provinces);
		Arguments.requireRoomToWrite(this.spec, this.database, this.output.output);
		int year = this.year.year;
		return Spring.run(this.database, (runner, summary, out) -> {
			List<StoreRepair.Removed> removed = this.repair.before(runner, year, out);
			RunJob.Result run = RunJob.run(runner, summary, this.input.input, year, this.output.output,
					this.feedbackYearMismatch.copies, scope, out);
			Repair.after(runner, removed, year, out);
			Spring.sayDamaged(run.ingest());
			Spring.sayDamaged(run.consolidate());
			return run.completed() ? 0 : 1;
		});
	}

}
