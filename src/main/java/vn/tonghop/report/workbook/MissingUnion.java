package vn.tonghop.report.workbook;

/**
 * A registered union that has not sent an accepted return.
 *
 * @param unionCode its code
 * @param unionName its name
 * @param provinceName the Vietnamese name of its province
 * @param sectorName the Vietnamese name of its sector
 */
public record MissingUnion(String unionCode, String unionName, String provinceName, String sectorName) {

}
