package vn.tonghop.console.runs;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an ANALYST reads of a run's summary: its counts and times, not the lines naming
 * files, which may be other provinces'.
 */
class RunViewsTests {

	static final List<String> SUMMARY = List.of("== Nhận báo cáo năm 2026 (xong) ==",
			"Tệp đã đọc: 26 (mới 25, trùng 1, không đọc được 0, bỏ qua 0)",
			"Tình trạng tệp: đã nhận 15, bị từ chối 9, bị thay thế 1, trùng 1, không đọc được 0, bỏ qua 0",
			"  bị từ chối: ldld-dong-nai/cd-cong-ty-thuc-pham-sao-mai.xlsx — Có lỗi R01 (xem issues.csv).",
			"  … và 3 tệp khác chưa được nhận; từng tệp và lý do: files.csv.",
			"Thời gian: 1.2 s (22.2 báo cáo/giây); bộ nhớ heap tối đa: 115 MB (sau thu gom rác: 26 MB)",
			"  bước readReturnFilesStep: 1.1 s (đọc 26, ghi 26)", "== Tổng hợp năm 2026 (xong) ==",
			"Bản phản hồi không tạo được: 1 (từng tệp và lý do: files.csv)", "  ldld-ha-noi/x.xlsx — không ghi được",
			"Kết quả: /srv/tonghop/output/2026");

	@Test
	void anAnalystReadsTheCountsAndTimesButNoFileName() {
		assertThat(RunViews.withoutFiles(SUMMARY)).containsExactly("== Nhận báo cáo năm 2026 (xong) ==",
				"Tệp đã đọc: 26 (mới 25, trùng 1, không đọc được 0, bỏ qua 0)",
				"Tình trạng tệp: đã nhận 15, bị từ chối 9, bị thay thế 1, trùng 1, không đọc được 0, bỏ qua 0",
				"Thời gian: 1.2 s (22.2 báo cáo/giây); bộ nhớ heap tối đa: 115 MB (sau thu gom rác: 26 MB)",
				"  bước readReturnFilesStep: 1.1 s (đọc 26, ghi 26)", "== Tổng hợp năm 2026 (xong) ==",
				"Bản phản hồi không tạo được: 1 (từng tệp và lý do: files.csv)", "Kết quả: /srv/tonghop/output/2026");
	}

}
