package vn.tonghop.template;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import vn.tonghop.report.A4;

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
	static final String PAGE_NUMBERS = A4.PAGE_NUMBERS;

	/**
	 * The form's top and bottom margins, in inches (the header and footer sit in them).
	 */
	static final double FORM_TOP_AND_BOTTOM = 0.45;

	private FormPages() {
	}

	/**
	 * Sets up {@code sheet} to print on A4 portrait, fit to the page width, with
	 * {@code title} (when not null) at the head of every page.
	 */
	static void a4Portrait(Sheet sheet, String title) {
		A4.page(sheet, false);
		// narrower top and bottom than the reports: the form fills its page, and in Times
		// New Roman (Liberation Serif, printed by LibreOffice) its last lines, the
		// telephone and the e-mail, went to a second page
		sheet.setMargin(Sheet.TopMargin, FORM_TOP_AND_BOTTOM);
		sheet.setMargin(Sheet.BottomMargin, FORM_TOP_AND_BOTTOM);
		sheet.setFitToPage(true);
		sheet.setAutobreaks(true);
		PrintSetup print = sheet.getPrintSetup();
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
		if (title != null) {
			sheet.getHeader().setCenter(A4.headerText(title));
		}
	}

	/** Prints rows {@code first} to {@code last} again at the top of every page. */
	static void repeatRows(Sheet sheet, int first, int last) {
		sheet.setRepeatingRows(new CellRangeAddress(first, last, -1, -1));
	}

}
