package vn.tonghop.store;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the summary says when most returns name another year than --year. */
class YearMismatchTests {

	@Test
	void namesTheOneYearTheReturnsNameAndTheCopiesWithheld() {
		YearMismatch mismatch = new YearMismatch(2025, 25, 24, Map.of(2026, 24L), 16);
		assertThat(mismatch.warning(false))
			.isEqualTo("24 trong 25 báo cáo ghi năm 2026, không phải năm 2025: --year có đúng không?"
					+ " Không tạo bản phản hồi cho 16 tệp chỉ sai năm (R04); thêm --feedback-year-mismatch để vẫn tạo.");
		assertThat(mismatch.warning(true))
			.endsWith(" Vẫn tạo bản phản hồi cho 16 tệp chỉ sai năm (R04), theo --feedback-year-mismatch.");
	}

	@Test
	void namesSeveralYearsMostFirst() {
		YearMismatch mismatch = new YearMismatch(2026, 10, 9, Map.of(2024, 2L, 2025, 7L), 0);
		assertThat(mismatch.warning(false)).isEqualTo(
				"9 trong 10 báo cáo ghi năm khác (2025: 7, 2024: 2), không phải năm 2026: --year có đúng không?");
	}

}
