package vn.tonghop.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

import vn.tonghop.normalise.Industry;
import vn.tonghop.normalise.IndustryResolver;
import vn.tonghop.normalise.Province;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.Rating;
import vn.tonghop.normalise.Sector;
import vn.tonghop.normalise.SectorResolver;

/**
 * The drop-down lists of the blank form, each a column of the {@value #SHEET} sheet and a
 * workbook name over it ({@code .xls} validations cannot point at another sheet directly;
 * a name works in both formats).
 *
 * @param province the name of the list of the 34 provinces
 * @param sector the name of the list of sectors
 * @param industry the name of the list of industries ({@code "C - Công nghiệp…"})
 * @param rating the name of the list of the four F03 ratings
 * @param flag the name of the list {@code Có}, {@code Không}
 */
record ChoiceLists(String province, String sector, String industry, String rating, String flag) {

	/** The sheet that holds the lists: hidden and protected. */
	static final String SHEET = "DanhMuc";

	static final String YES = "Có";

	static final String NO = "Không";

	static final String PROVINCES = "DM_TINH";

	static final String SECTORS = "DM_KHUVUC";

	static final String INDUSTRIES = "DM_NGANH";

	static final String RATINGS = "DM_XEPLOAI";

	static final String FLAGS = "DM_COKHONG";

	/** The lists' contents by name, in column order, from the reference tables. */
	static Map<String, List<String>> contents() {
		Map<String, List<String>> lists = new LinkedHashMap<>();
		lists.put(PROVINCES, ProvinceResolver.load().all().stream().map(Province::name).toList());
		lists.put(SECTORS, SectorResolver.load().all().stream().map(Sector::name).toList());
		lists.put(INDUSTRIES, IndustryResolver.load().all().stream().map(ChoiceLists::industry).toList());
		List<String> ratings = new ArrayList<>();
		for (Rating rating : Rating.values()) {
			ratings.add(rating.label());
		}
		lists.put(RATINGS, ratings);
		lists.put(FLAGS, List.of(YES, NO));
		return lists;
	}

	/** An industry as the list offers it: {@code "C - Công nghiệp chế biến, chế tạo"}. */
	static String industry(Industry industry) {
		return industry.code() + " - " + industry.name();
	}

	/**
	 * Writes the lists on a new {@value #SHEET} sheet, one column each under a heading,
	 * and names each range.
	 */
	static ChoiceLists write(Workbook workbook, Map<String, List<String>> contents) {
		Sheet sheet = workbook.createSheet(SHEET);
		CellStyle heading = workbook.createCellStyle();
		Font bold = workbook.createFont();
		bold.setBold(true);
		heading.setFont(bold);
		List<String> headings = List.of(ReturnFormWriter.headerLabel("province"),
				ReturnFormWriter.headerLabel("sector"), ReturnFormWriter.headerLabel("industry"), "Xếp loại",
				"Có/Không");
		int column = 0;
		for (Map.Entry<String, List<String>> list : contents.entrySet()) {
			Row head = row(sheet, 0);
			head.createCell(column).setCellValue((column < headings.size()) ? headings.get(column) : list.getKey());
			head.getCell(column).setCellStyle(heading);
			List<String> values = list.getValue();
			for (int i = 0; i < values.size(); i++) {
				row(sheet, i + 1).createCell(column).setCellValue(values.get(i));
			}
			Name name = workbook.createName();
			name.setNameName(list.getKey());
			name.setRefersToFormula(SHEET + "!" + new CellReference(1, column, true, true).formatAsString() + ":"
					+ new CellReference(Math.max(values.size(), 1), column, true, true).formatAsString());
			sheet.setColumnWidth(column,
					Math.min(80, 4 + values.stream().mapToInt(String::length).max().orElse(10)) * 256);
			column++;
		}
		return new ChoiceLists(PROVINCES, SECTORS, INDUSTRIES, RATINGS, FLAGS);
	}

	private static Row row(Sheet sheet, int index) {
		Row row = sheet.getRow(index);
		return (row != null) ? row : sheet.createRow(index);
	}

}
