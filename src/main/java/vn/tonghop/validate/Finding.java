package vn.tonghop.validate;

/**
 * One thing a return gets wrong, with where it is: enough for the union to fix its file
 * from the message alone.
 *
 * @param rule stable rule code ({@code R08}, {@code W04}…)
 * @param severity error or warning
 * @param sheet the sheet, or "" for file-level findings
 * @param cell A1-style cell, or "" when the finding has no single cell
 * @param unionCode the union the return is for, as written, or ""
 * @param message the message in Vietnamese
 */
public record Finding(String rule, Severity severity, String sheet, String cell, String unionCode, String message) {

	public Finding withUnionCode(String code) {
		return new Finding(this.rule, this.severity, this.sheet, this.cell, code, this.message);
	}

}
