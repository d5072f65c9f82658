package vn.tonghop.report.workbook;

import java.time.LocalDateTime;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The form of an administrative report (Nghị định 30/2020/NĐ-CP, Phụ lục I) on the
 * summary: the issuing body and the national title side by side, the place and date line,
 * and at the end the signature block, the preparer on the left and the one who signs for
 * the federation on the right.
 */
final class Letterhead {

	static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

	static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";

	static final String PREPARER_TITLE = "NGƯỜI LẬP BIỂU";

	static final String SIGNER_TITLE = "TM. BAN THƯỜNG VỤ";

	static final String SIGNER_ROLE = "CHỦ TỊCH";

	/** Rows the letterhead's lines take, and the signature block's. */
	static final float LINE = 17f;

	static final int SIGNATURE_ROWS = 8;

	private final Sheet sheet;

	private final Styles styles;

	private final Issuer issuer;

	/**
	 * The last column of the left block; the right block runs from the next to
	 * {@code last}.
	 */
	private final int split;

	private final int last;

	Letterhead(Sheet sheet, Styles styles, Issuer issuer, int split, int last) {
		this.sheet = sheet;
		this.styles = styles;
		this.issuer = (issuer != null) ? issuer : Issuer.NONE;
		this.split = split;
		this.last = last;
	}

	/** The heading's three lines, written on the three rows given. */
	void heading(Row first, Row second, Row third, LocalDateTime date) {
		left(first, Issuer.or(this.issuer.parent(), Issuer.DOTS), this.styles.centred);
		right(first, NATION, this.styles.centredBold);
		left(second, Issuer.or(this.issuer.name(), Issuer.DOTS), this.styles.centredBold);
		right(second, MOTTO, this.styles.centredBold);
		right(third, dateLine(this.issuer.place(), date), this.styles.centredItalic);
	}

	/** "Đồng Nai, ngày 15 tháng 01 năm 2027"; a blank place or date is dotted. */
	static String dateLine(String place, LocalDateTime date) {
		String where = Issuer.or(place, "……………");
		if (date == null) {
			return where + ", ngày … tháng … năm ……";
		}
		return String.format(Locale.ROOT, "%s, ngày %02d tháng %02d năm %d", where, date.getDayOfMonth(),
				date.getMonthValue(), date.getYear());
	}

	/**
	 * The signature block on {@value #SIGNATURE_ROWS} rows: the headings, what to sign,
	 * room for the signatures, the names (dotted when not set).
	 */
	void signature(Row[] rows) {
		left(rows[0], Issuer.or(this.issuer.preparerTitle(), PREPARER_TITLE), this.styles.centredBold);
		right(rows[0], Issuer.or(this.issuer.signerTitle(), SIGNER_TITLE), this.styles.centredBold);
		right(rows[1], Issuer.or(this.issuer.signerRole(), SIGNER_ROLE), this.styles.centredBold);
		left(rows[1], "(Ký, ghi rõ họ tên)", this.styles.centredItalic);
		right(rows[2], "(Ký tên, đóng dấu)", this.styles.centredItalic);
		left(rows[SIGNATURE_ROWS - 1], Issuer.or(this.issuer.preparer(), Issuer.DOTS), this.styles.centredBold);
		right(rows[SIGNATURE_ROWS - 1], Issuer.or(this.issuer.signer(), Issuer.DOTS), this.styles.centredBold);
	}

	private void left(Row row, String text, CellStyle style) {
		Cells.text(row, 0, text, style);
		merge(row, 0, this.split);
	}

	private void right(Row row, String text, CellStyle style) {
		Cells.text(row, this.split + 1, text, style);
		merge(row, this.split + 1, this.last);
	}

	private void merge(Row row, int first, int last) {
		if (last > first) {
			this.sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), first, last));
		}
	}

}
