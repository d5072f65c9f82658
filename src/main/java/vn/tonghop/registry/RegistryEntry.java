package vn.tonghop.registry;

/**
 * One union the federation expects a return from.
 *
 * @param row the row of the registry file it came from (1-based)
 * @param provinceCode the 2025 province, or null when the registry's text cannot be
 * resolved
 * @param sectorCode the sector, or null when unresolved
 * @param industryCode the industry letter, or null
 */
public record RegistryEntry(int row, String unionCode, String unionName, String provinceWritten, String provinceCode,
		String sectorWritten, String sectorCode, String industryCode) {

}
