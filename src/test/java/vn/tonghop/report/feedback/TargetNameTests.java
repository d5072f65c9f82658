package vn.tonghop.report.feedback;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TargetNameTests {

	@Test
	void flattensTheFolderIntoTheName() {
		assertThat(FeedbackWorkbook.targetName("ldld-ha-noi/cd-x.xlsx")).isEqualTo("ldld-ha-noi__cd-x.xlsx");
		assertThat(FeedbackWorkbook.targetName("a\\b\\c.xls")).isEqualTo("a__b__c.xls");
		assertThat(FeedbackWorkbook.targetName("cd-x.xlsm")).isEqualTo("cd-x.xlsm");
	}

	@Test
	void keepsVietnameseLettersAndSpaces() {
		assertThat(FeedbackWorkbook.targetName("Thư điện tử nhận về/CĐCS Công ty Than Bình Minh.xlsx"))
			.isEqualTo("Thư điện tử nhận về__CĐCS Công ty Than Bình Minh.xlsx");
	}

	@Test
	void composesDecomposedLettersFromMacFileNames() {
		String decomposed = Normalizer.normalize("ldld-đồng-nai/Báo cáo.xlsx", Normalizer.Form.NFD);
		assertThat(FeedbackWorkbook.targetName(decomposed)).isEqualTo("ldld-đồng-nai__Báo cáo.xlsx");
	}

	@Test
	void replacesCharactersWindowsForbids() {
		assertThat(FeedbackWorkbook.targetName("zalo/Báo cáo: lần 2? <mới> \"cuối\"|*.xlsx"))
			.isEqualTo("zalo__Báo cáo_ lần 2_ _mới_ _cuối___.xlsx");
		assertThat(FeedbackWorkbook.targetName("a/b\tc.xlsx")).isEqualTo("a__b_c.xlsx");
	}

	@Test
	void dropsEmptyDotAndParentParts() {
		assertThat(FeedbackWorkbook.targetName("/../ldld-ha-noi/./cd-x.xlsx")).isEqualTo("ldld-ha-noi__cd-x.xlsx");
		assertThat(FeedbackWorkbook.targetName("thư mục. /cd-x.xlsx")).isEqualTo("thư mục__cd-x.xlsx");
	}

	@Test
	void avoidsWindowsDeviceNames() {
		assertThat(FeedbackWorkbook.targetName("con.xlsx")).isEqualTo("_con.xlsx");
		assertThat(FeedbackWorkbook.targetName("ldld/con.xlsx")).isEqualTo("ldld__con.xlsx");
	}

	@Test
	void shortensVeryLongNamesKeepingThemApartAndTheExtension() {
		String folder = "Công đoàn cơ sở ".repeat(20);
		String first = FeedbackWorkbook.targetName(folder + "/báo cáo 1.xlsm");
		String second = FeedbackWorkbook.targetName(folder + "/báo cáo 2.xlsm");
		assertThat(first.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
			.isLessThanOrEqualTo(FeedbackWorkbook.MAX_NAME_BYTES);
		assertThat(first).endsWith(".xlsm").isNotEqualTo(second);
	}

	@Test
	void rejectsAPathWithoutAFileName() {
		assertThatIllegalArgumentException().isThrownBy(() -> FeedbackWorkbook.targetName(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> FeedbackWorkbook.targetName("/../"));
	}

}
