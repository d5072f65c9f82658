package vn.tonghop.cli;

import java.util.concurrent.Callable;

import org.springframework.batch.core.job.JobExecution;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.tonghop.job.RunLock;
import vn.tonghop.serve.RunJob;
import vn.tonghop.store.ProvinceScope;

/**
 * {@code tonghop consolidate}: roll up what is stored for a year and write the outputs,
 * of every province or of those {@code --province} names.
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

	@Option(names = "--allow-unfinished",
			description = "Vẫn tổng hợp khi lần nhận báo cáo gần nhất của năm chưa xong (số liệu có thể thiếu;"
					+ " kết quả ghi rõ điều đó).")
	boolean allowUnfinished;

	@Mixin
	JobOptions.FeedbackYearMismatch feedbackYearMismatch;

	@Mixin
	JobOptions.Provinces provinces;

	/**
	 * The exit status of a consolidation refused because the year's last ingest did not
	 * finish.
	 */
	static final int UNFINISHED_STATUS = 4;

	@Override
	public Integer call() throws Exception {
		// another run of this data folder: refused before anything else
		RunLock.refuseWhileRunning(Spring.where(this.database));
		RunLock.refuseWhileRunningOn(this.database.jdbcUrl, Spring.where(this.database));
		Arguments.requireYear(this.spec, this.year.year);
		Arguments.requireWritableFolder(this.spec, this.output.output, this.year.year, "--output");
		Arguments.requireFederationProvince(this.spec);
		ProvinceScope scope = Arguments.requireProvinces(this.spec, this.provinces.provinces);
		Arguments.requireRoomToWrite(this.spec, this.database, this.output.output);
		int year = this.year.year;
		return Spring.run(this.database, (runner, summary, out) -> {
			JobExecution consolidate = RunJob.consolidate(runner, summary, year, this.output.output,
					this.allowUnfinished, this.feedbackYearMismatch.copies, scope, out);
			if (consolidate == null) {
				String resume = runner.unfinishedIngest(year)
					.map((ingest) -> ingest.resume(year) + "; hoặc")
					.orElse("");
				System.err.println("Chưa tổng hợp năm " + year + " (kết quả cũ giữ nguyên) vì lần nhận báo cáo gần nhất"
						+ " chưa xong. " + resume + " thêm --allow-unfinished để vẫn tổng hợp.");
				return UNFINISHED_STATUS;
			}
			return Spring.status(consolidate);
		});
	}

}
