package vn.tonghop.read;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.tonghop.catalogue.IndicatorCatalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormLocatorTests {

	final FormLocator locator = new FormLocator(IndicatorCatalogue.load());

	/** A sheet written row by row: each array a row from column {@code startColumn}. */
	static SheetCells sheet(int startRow, int startColumn, Object[]... rows) {
		SheetCells cells = new SheetCells("BaoCao");
		for (int r = 0; r < rows.length; r++) {
			for (int c = 0; c < rows[r].length; c++) {
				Object value = rows[r][c];
				CellRef ref = new CellRef(startRow + r, startColumn + c);
				if (value instanceof Number number) {
					cells.add(RawCell.number(ref, number.doubleValue()));
				}
				else if (value != null) {
					cells.add(RawCell.text(ref, value.toString()));
				}
			}
		}
		return cells;
	}

	@Test
	void findsFieldsAndTableWhereverTheyAre() throws Exception {
		SheetCells sheet = sheet(3, 2, new Object[] { "BÁO CÁO THI ĐUA NĂM 2026" },
				new Object[] { "Tên CĐCS:", null, "Công đoàn X", null, "Mã CĐCS", "CD1" },
				new Object[] { "Năm", 2026, null, "Tỉnh, thành phố", "Huế" }, new Object[] { "Loại hình:", "HTX" },
				new Object[] { null }, new Object[] { "STT", "Chỉ tiêu", "Mã số", "Tổng số", "Trong đó nữ" },
				new Object[] { 1, "Tổng số đoàn viên công đoàn", "A02", 40, 12 });
		FormCells form = this.locator.locate(sheet);
		assertThat(form.header().get(HeaderField.UNION_CODE).text()).isEqualTo("CD1");
		assertThat(form.header().get(HeaderField.UNION_NAME).text()).isEqualTo("Công đoàn X");
		assertThat(form.header().get(HeaderField.YEAR).number()).isEqualTo(2026);
		assertThat(form.header().get(HeaderField.PROVINCE).text()).isEqualTo("Huế");
		assertThat(form.header().get(HeaderField.SECTOR).text()).isEqualTo("HTX");
		assertThat(form.rows()).singleElement().satisfies((row) -> {
			assertThat(row.code()).isEqualTo("A02");
			assertThat(row.total().number()).isEqualTo(40);
			assertThat(row.total().ref().a1()).isEqualTo("F10");
			assertThat(row.female().number()).isEqualTo(12);
		});
	}

	@Test
	void readsCodeColumnBeforeLabelColumnAndFemaleHeadedNu() throws Exception {
		SheetCells sheet = sheet(0, 0, new Object[] { "Mã số", "Chỉ tiêu", "Nữ", "Tổng số" },
				new Object[] { "B02", "Lao động tiên tiến", 7, 20 });
		IndicatorRow row = this.locator.locate(sheet).rows().get(0);
		assertThat(row.total().number()).isEqualTo(20);
		assertThat(row.female().number()).isEqualTo(7);
	}

	@Test
	void recognisesRowWithLabelAndNoCode() throws Exception {
		SheetCells sheet = sheet(0, 0, new Object[] { "Chỉ tiêu", "Mã số", "Tổng số" },
				new Object[] { "2. Chiến sĩ thi đua cơ sở (người)", null, 4 },
				new Object[] { "DANH HIỆU “GIỎI VIỆC NƯỚC, ĐẢM VIỆC NHÀ”", "", 9 });
		List<IndicatorRow> rows = this.locator.locate(sheet).rows();
		assertThat(rows).extracting(IndicatorRow::code).containsExactly("B03", "B06");
		assertThat(rows).extracting(IndicatorRow::match).containsOnly(IndicatorRow.Match.LABEL);
	}

	/**
	 * The blank form ends the labels of required fields and indicators with " *" (issue
	 * 24): a returned form still maps them, an indicator even without its code.
	 */
	@Test
	void readsLabelsEndingWithTheRequiredMark() throws Exception {
		SheetCells sheet = sheet(0, 0, new Object[] { "Mã công đoàn cơ sở *", "CD77" },
				new Object[] { "Năm báo cáo *", 2026 }, new Object[] { "Ngành", "C" },
				new Object[] { "Chỉ tiêu", "Mã số", "Tổng số" },
				new Object[] { "Tổng số đoàn viên công đoàn *", null, 41 },
				new Object[] { "Lao động tiên tiến *", "B02", 12 });
		FormCells form = this.locator.locate(sheet);
		assertThat(form.header().get(HeaderField.UNION_CODE).text()).isEqualTo("CD77");
		assertThat(form.header().get(HeaderField.YEAR).number()).isEqualTo(2026);
		assertThat(form.header().get(HeaderField.INDUSTRY).text()).isEqualTo("C");
		assertThat(form.rows()).extracting(IndicatorRow::code).containsExactly("A02", "B02");
		assertThat(form.rows().get(0).match()).isEqualTo(IndicatorRow.Match.LABEL);
		assertThat(form.rows().get(0).total().number()).isEqualTo(41);
	}

	@Test
	void takesLabelAndValueWrittenInOneCell() throws Exception {
		SheetCells sheet = sheet(0, 0, new Object[] { "Mã đơn vị: CD77" }, new Object[] { "Mã số", "Tổng số" });
		assertThat(this.locator.locate(sheet).header().get(HeaderField.UNION_CODE).text()).isEqualTo("CD77");
	}

	@Test
	void doesNotTakeTheNextLabelAsAValue() throws Exception {
		SheetCells sheet = sheet(0, 0, new Object[] { "Tỉnh:", "Khu vực:", "HCSN" },
				new Object[] { "Mã số", "Tổng số" });
		FormCells form = this.locator.locate(sheet);
		assertThat(form.header()).doesNotContainKey(HeaderField.PROVINCE);
		assertThat(form.headerLabels()).containsKey(HeaderField.PROVINCE);
		assertThat(form.header().get(HeaderField.SECTOR).text()).isEqualTo("HCSN");
	}

	@Test
	void marksUnknownCodesAndLabelsAndSkipsHeadings() throws Exception {
		SheetCells sheet = sheet(0, 0, new Object[] { "Chỉ tiêu", "Mã số", "Tổng số" },
				new Object[] { "A. LAO ĐỘNG, ĐOÀN VIÊN", "A", null }, new Object[] { "Chỉ tiêu mới", "G01", 3 },
				new Object[] { "Số cuộc thi", null, 2 });
		List<IndicatorRow> rows = this.locator.locate(sheet).rows();
		assertThat(rows).extracting(IndicatorRow::match)
			.containsExactly(IndicatorRow.Match.UNKNOWN_CODE, IndicatorRow.Match.UNKNOWN_LABEL);
	}

	@Nested
	class NotAReturn {

		@Test
		void rejectsSheetWithNeitherFieldsNorTable() {
			SheetCells sheet = sheet(0, 0, new Object[] { "Danh sách", "khác" });
			assertThatThrownBy(() -> FormLocatorTests.this.locator.locate(sheet))
				.isInstanceOf(UnreadableFileException.class)
				.hasMessageContaining("Mã số");
		}

	}

}
