package vn.tonghop.report.workbook;

/**
 * The federation that issues the workbook, as an administrative report shows it (Nghị
 * định 30/2020/NĐ-CP): the letterhead and the signature block of the summary. A value
 * left {@code null} or blank prints as a blank to fill by hand.
 *
 * @param parent the body above the issuing body, e.g. {@code TỔNG LĐLĐ VIỆT NAM}
 * @param name the issuing body, e.g. {@code LĐLĐ TỈNH ĐỒNG NAI}
 * @param place the place of the date line, e.g. {@code Đồng Nai}
 * @param preparerTitle the preparer's heading, e.g. {@code NGƯỜI LẬP BIỂU}
 * @param preparer the preparer's name
 * @param signerTitle the heading of the one who signs, e.g. {@code TM. BAN THƯỜNG VỤ}
 * @param signerRole the signer's office, e.g. {@code CHỦ TỊCH}
 * @param signer the signer's name
 */
public record Issuer(String parent, String name, String place, String preparerTitle, String preparer,
		String signerTitle, String signerRole, String signer) {

	/** No settings: every line a blank, the usual headings of the signature block. */
	public static final Issuer NONE = new Issuer(null, null, null, null, null, null, null, null);

	static final String DOTS = "……………………";

	static boolean given(String text) {
		return text != null && !text.isBlank();
	}

	static String or(String text, String otherwise) {
		return given(text) ? text.strip() : otherwise;
	}

}
