package vn.tonghop.report;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The page every printed sheet of tonghop shares (the consolidated workbook, the blank
 * form and its instructions, a feedback copy's first sheet): A4, centred across the page,
 * 0.4 in at the sides, 0.6 in at top and bottom with the header and footer 0.25 in from
 * the edge, and "Trang n / m" at the foot.
 */
public final class A4 {

	/** The footer: page n of m. */
	public static final String PAGE_NUMBERS = "Trang &P / &N";

	/** The top and bottom margins, in inches: the header and footer print within them. */
	public static final double TOP_AND_BOTTOM = 0.6;

	private A4() {
	}

	/** Sets up {@code sheet} to print on A4, in the orientation given, as above. */
	public static void page(Sheet sheet, boolean landscape) {
		PrintSetup setup = sheet.getPrintSetup();
		setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
		setup.setLandscape(landscape);
		sheet.setHorizontallyCenter(true);
		sheet.setMargin(Sheet.LeftMargin, 0.4);
		sheet.setMargin(Sheet.RightMargin, 0.4);
		sheet.setMargin(Sheet.TopMargin, TOP_AND_BOTTOM);
		sheet.setMargin(Sheet.BottomMargin, TOP_AND_BOTTOM);
		sheet.setMargin(Sheet.HeaderMargin, 0.25);
		sheet.setMargin(Sheet.FooterMargin, 0.25);
		sheet.getFooter().setCenter(PAGE_NUMBERS);
	}

	/** {@code text} for a page header or footer, which takes '&' for a code. */
	public static String headerText(String text) {
		return text.replace("&", "&&");
	}

}
