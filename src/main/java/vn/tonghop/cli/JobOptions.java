package vn.tonghop.cli;

import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Option;

/** Options the job commands share; each command mixes in those it takes. */
final class JobOptions {

	private JobOptions() {
	}

	/** {@code --input}: the folder (or file) of returns; it must exist. */
	static class Input {

		@Option(names = "--input", required = true, paramLabel = "DIR|FILE",
				description = "Thư mục (kể cả thư mục con) hoặc tệp báo cáo.")
		Path input;

	}

	/** {@code --year}: the year consolidated, 2000–2100. */
	static class Year {

		@Option(names = "--year", required = true, paramLabel = "Y", description = "Năm tổng hợp.")
		int year;

	}

	/** {@code --output}: where {@code Y/} with the outputs goes. */
	static class Output {

		@Option(names = "--output", paramLabel = "DIR", defaultValue = "output",
				description = "Thư mục kết quả; các tệp nằm trong DIR/Y/ (mặc định: ${DEFAULT-VALUE}).")
		Path output;

	}

	/**
	 * {@code --feedback-year-mismatch}: the feedback copies of returns whose only error
	 * is the year, even when most returns name another year than {@code --year}.
	 */
	static class FeedbackYearMismatch {

		@Option(names = "--feedback-year-mismatch",
				description = "Vẫn tạo bản phản hồi cho tệp chỉ sai năm báo cáo (R04) khi phần lớn báo cáo ghi năm khác"
						+ " --year (mặc định thì không: có lẽ --year sai, tóm tắt cảnh báo ngay dòng đầu).")
		boolean copies;

	}

	/**
	 * {@code --province}, repeatable: the consolidation writes the rows of these
	 * provinces only ({@code Arguments#requireProvinces}); none given, all of them.
	 */
	static class Provinces {

		@Option(names = "--province", paramLabel = "P",
				description = "Chỉ tổng hợp số liệu của tỉnh/thành phố này: mã (2025) hoặc tên; lặp lại để chọn nhiều"
						+ " tỉnh (mặc định: toàn quốc). Các tệp kết quả vẫn như thường, chỉ có các dòng của những tỉnh"
						+ " này.")
		List<String> provinces = List.of();

	}

}
