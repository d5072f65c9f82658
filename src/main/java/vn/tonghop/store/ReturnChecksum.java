package vn.tonghop.store;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The checksum of a stored return ({@code return_record.checksum}): a CRC-32C of what the
 * outputs take from its row — its submission, year, sheet, union code and name, province,
 * sector and industry codes, whether it was accepted, and its packed values
 * ({@link StoredValues}). Computed here only, when the return is stored
 * ({@link ReturnStore}) or by the migration that added the column
 * ({@link ReturnChecksumMigration}), and compared whenever its values are read back for
 * an output ({@link CheckedReturns}): a digit flipped or a value replaced in the database
 * file is then a mismatch, not a wrong row.
 * <p>
 * The text fields are taken stripped, as every output takes them (a {@code CHAR} column
 * comes back padded on one database and not on another), each with its length before it
 * so that no two different rows give the same text. A CRC catches every change of a few
 * neighbouring digits and all but one in four billion of others; it is not a signature
 * (whoever can write the database can write the checksum too).
 */
public final class ReturnChecksum {

	private ReturnChecksum() {
	}

	/** The checksum of a return's row, as the columns hold it. */
	public static long of(long submission, int year, String sheet, String unionCode, String unionName,
			String provinceCode, String sectorCode, String industryCode, boolean accepted, String values) {
		StringBuilder text = new StringBuilder(64 + ((values != null) ? values.length() : 0));
		text.append(submission).append('|').append(year).append('|').append(accepted ? '1' : '0');
		for (String field : new String[] { sheet, unionCode, unionName, provinceCode, sectorCode, industryCode,
				values }) {
			if (field == null) {
				text.append("|-");
			}
			else {
				String stripped = field.strip();
				text.append('|').append(stripped.length()).append(':').append(stripped);
			}
		}
		CRC32C crc = new CRC32C();
		crc.update(text.toString().getBytes(StandardCharsets.UTF_8));
		return crc.getValue();
	}

}
