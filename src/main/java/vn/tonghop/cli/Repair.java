package vn.tonghop.cli;

import java.io.PrintStream;
import java.util.List;

import picocli.CommandLine.Option;
import vn.tonghop.job.BatchRunner;
import vn.tonghop.store.StoreRepair;

/**
 * {@code --repair} of {@code ingest} and {@code run}: the year's submissions with a
 * damaged return removed before the ingest, which then stores their files anew from the
 * inbox ({@link StoreRepair}); a line for each removed, a count, and after the ingest a
 * line for each file no longer in the inbox, to be sent again.
 */
class Repair {

	@Option(names = "--repair",
			description = "Trước khi nhận: xoá các lần nộp có báo cáo mà dữ liệu đã lưu bị hỏng (không khớp tổng kiểm"
					+ " tra hoặc không đọc được), để tệp của chúng trong hộp thư được nhận lại.")
	boolean repair;

	/**
	 * Removes the damaged submissions of {@code year} when {@code --repair} was given,
	 * saying so on {@code out}; returns those removed (none without it).
	 */
	List<StoreRepair.Removed> before(BatchRunner runner, int year, PrintStream out) {
		if (!this.repair) {
			return List.of();
		}
		List<StoreRepair.Removed> removed = runner.removeDamaged(year);
		for (StoreRepair.Removed submission : removed) {
			out.println(submission.line());
		}
		out.println(StoreRepair.countLine(removed, year));
		return removed;
	}

	/** After the ingest: a line for each removed submission not stored again. */
	static void after(BatchRunner runner, List<StoreRepair.Removed> removed, int year, PrintStream out) {
		if (removed.isEmpty()) {
			return;
		}
		List<StoreRepair.Removed> missing = runner.notStoredAgain(removed, year);
		for (StoreRepair.Removed submission : missing) {
			out.println(submission.sendAgainLine());
		}
		out.println("Đã nhận lại " + (removed.size() - missing.size()) + "/" + removed.size()
				+ " tệp của các lần nộp đã xoá"
				+ (missing.isEmpty() ? "." : "; " + missing.size() + " tệp cần gửi lại."));
	}

}
