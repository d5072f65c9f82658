package vn.tonghop.report.workbook;

/**
 * One finding, as in {@code issues.csv}.
 *
 * @param sourceFile the file, relative to the input folder
 * @param sheet the sheet, or {@code null}
 * @param cell the A1 cell, or {@code null}
 * @param unionCode the union, or {@code null} when not known
 * @param rule the rule code ({@code R01}, {@code W03}, …)
 * @param severity {@code error} or {@code warning}
 * @param message the message in Vietnamese
 */
public record FindingRow(String sourceFile, String sheet, String cell, String unionCode, String rule, String severity,
		String message) {

}
