package vn.tonghop.report.workbook;

import java.util.List;

/**
 * One accepted return.
 *
 * @param unionCode the union's code
 * @param unionName the union's name
 * @param provinceName the Vietnamese name of its province (one of the 34)
 * @param sectorName the Vietnamese name of its sector
 * @param industryName the Vietnamese name of its industry, or {@code null}
 * @param sourceFile the file it came from, relative to the input folder
 * @param values one value per indicator column of {@link WorkbookInput#columns()},
 * {@code null} when missing
 * @param rating the F03 rating code ({@code HTXSNV}, …), or {@code null}
 */
public record ReturnRow(String unionCode, String unionName, String provinceName, String sectorName, String industryName,
		String sourceFile, List<Long> values, String rating) {

}
