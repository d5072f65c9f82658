package vn.tonghop.template;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How the form's sheets print: A4 portrait, one page wide (as many pages long as it
 * takes), narrow margins, centred, and "Trang n / m" at the foot of every page.
 * <p>
 * Automatic page breaks are switched on: LibreOffice ignores the fit to the page width of
 * an {@code .xls} sheet without them and prints the columns that do not fit on further
 * pages.
 */
final class FormPages {

	/** The footer of every page: "Trang 2 / 5". */
	static final String PAGE_NUMBERS = "Trang &P / &N";

	private FormPages() {
	}

	/**
	 * Sets up {@code sheet} to print on A4 portrait, fit to the page width, with
	 * {@code title} (when not null) at the head of every page.
	 */
	static void a4Portrait(Sheet sheet, String title) {
		PrintSetup print = sheet.getPrintSetup();
		print.setPaperSize(PrintSetup.A4_PAPERSIZE);
		print.setLandscape(false);
		sheet.setFitToPage(true);
		sheet.setAutobreaks(true);
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
		sheet.setHorizontallyCenter(true);
		sheet.setMargin(Sheet.LeftMargin, 0.4);
		sheet.setMargin(Sheet.RightMargin, 0.4);
		sheet.setMargin(Sheet.TopMargin, 0.6);
		sheet.setMargin(Sheet.BottomMargin, 0.6);
		sheet.setMargin(Sheet.HeaderMargin, 0.25);
		sheet.setMargin(Sheet.FooterMargin, 0.25);
		if (title != null) {
			sheet.getHeader().setCenter(title.replace("&", "&&"));
		}
		sheet.getFooter().setCenter(PAGE_NUMBERS);
	}

	/** Prints rows {@code first} to {@code last} again at the top of every page. */
	static void repeatRows(Sheet sheet, int first, int last) {
		sheet.setRepeatingRows(new CellRangeAddress(first, last, -1, -1));
	}

}
