package vn.tonghop.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stored values read back for an output, checked: the row's {@link ReturnChecksum} is
 * computed again and compared with the one stored with it, and the values must read. A
 * return that fails either is a {@link DamagedStoreException} naming it (union code,
 * year, file, submission) and how to recover ({@code ingest --repair},
 * {@link StoreRepair}), never a wrong row.
 * <p>
 * A query adds {@link #columns} for each return it reads values of, after its own
 * columns, and takes the values with {@link #values}. The check costs a CRC-32C of the
 * row's text, about a microsecond a return.
 * <p>
 * A row without a checksum was not stored by tonghop (migration 14 gave every return
 * stored before it one): its values are read unchecked, said once in an INFO line.
 */
public class CheckedReturns {

	private static final Log logger = LogFactory.getLog(CheckedReturns.class);

	/** The columns the checksum covers, in the order {@link #values} reads them. */
	private static final List<String> COLUMNS = List.of("id", "submission_id", "report_year", "sheet", "union_code",
			"union_name", "province_code", "sector_code", "industry_code", "accepted", "indicator_values", "checksum");

	private static final AtomicBoolean uncheckedSaid = new AtomicBoolean();

	private final JdbcTemplate jdbc;

	/**
	 * @param jdbc where a damaged return's file name is looked up, for the message
	 */
	public CheckedReturns(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The columns to add to a query for the return of table alias {@code alias}, each
	 * named {@code prefix} and the column's name ({@code ck_id}, …).
	 */
	public static String columns(String alias, String prefix) {
		StringBuilder columns = new StringBuilder();
		for (String column : COLUMNS) {
			if (!columns.isEmpty()) {
				columns.append(", ");
			}
			columns.append(alias).append('.').append(column).append(" AS ").append(prefix).append(column);
		}
		return columns.toString();
	}

	/**
	 * Checks the return whose {@link #columns} with {@code prefix} the current row of
	 * {@code rs} holds against its checksum, whether or not its values are wanted (a
	 * return a damage made look rejected or of another year is caught as well).
	 * @throws DamagedStoreException when the row does not match its checksum
	 */
	public void check(ResultSet rs, String prefix) throws SQLException {
		int at = rs.findColumn(prefix + "id");
		long stored = rs.getLong(at + 11);
		if (rs.wasNull()) {
			if (uncheckedSaid.compareAndSet(false, true)) {
				logger.info("Báo cáo số " + rs.getLong(at) + " (và có thể vài báo cáo khác) không có tổng kiểm tra:"
						+ " dòng này không do tonghop lưu, giá trị của nó được đọc mà không kiểm tra.");
			}
			return;
		}
		if (!matches(rs, at, stored)) {
			throw damaged(rs.getLong(at), rs.getLong(at + 1), rs.getInt(at + 2), rs.getString(at + 4), MISMATCH, null);
		}
	}

	/**
	 * Why the return whose {@link #columns} with {@code prefix} the current row of
	 * {@code rs} holds is damaged, as {@link #values} would say it, or null when it is
	 * not: it does not match its checksum, or its values cannot be read. For
	 * {@code ingest --repair} ({@link StoreRepair}), which removes such returns rather
	 * than fail.
	 */
	public String damage(ResultSet rs, String prefix) throws SQLException {
		int at = rs.findColumn(prefix + "id");
		long stored = rs.getLong(at + 11);
		if (!rs.wasNull() && !matches(rs, at, stored)) {
			return MISMATCH;
		}
		try {
			StoredValues.unpack(rs.getString(at + 10));
			return null;
		}
		catch (IllegalArgumentException ex) {
			return ex.getMessage();
		}
	}

	/** Why a row that does not match its checksum is damaged. */
	private static final String MISMATCH = "không khớp tổng kiểm tra";

	/** Whether the row's columns from {@code at} give the checksum {@code stored}. */
	private static boolean matches(ResultSet rs, int at, long stored) throws SQLException {
		return ReturnChecksum.of(rs.getLong(at + 1), rs.getInt(at + 2), rs.getString(at + 3), rs.getString(at + 4),
				rs.getString(at + 5), rs.getString(at + 6), rs.getString(at + 7), rs.getString(at + 8),
				rs.getBoolean(at + 9), rs.getString(at + 10)) == stored;
	}

	/**
	 * The values of the return whose {@link #columns} with {@code prefix} the current row
	 * of {@code rs} holds, {@link #check checked}.
	 * @throws DamagedStoreException when the row does not match its checksum or its
	 * values cannot be read
	 */
	public List<StoredValues.Value> values(ResultSet rs, String prefix) throws SQLException {
		check(rs, prefix);
		int at = rs.findColumn(prefix + "id");
		try {
			return StoredValues.unpack(rs.getString(at + 10));
		}
		catch (IllegalArgumentException ex) {
			throw damaged(rs.getLong(at), rs.getLong(at + 1), rs.getInt(at + 2), rs.getString(at + 4), ex.getMessage(),
					ex);
		}
	}

	/** The value of {@code code} among {@link #values}, or null. */
	public static StoredValues.Value find(List<StoredValues.Value> values, String code) {
		for (StoredValues.Value value : values) {
			if (value.code().equals(code)) {
				return value;
			}
		}
		return null;
	}

	private DamagedStoreException damaged(long id, long submission, int year, String unionCode, String why,
			Throwable cause) {
		return new DamagedStoreException(message(unionCode, year, fileOf(submission), submission, id, why), cause);
	}

	/** The one line for a damaged return. */
	static String message(String unionCode, int year, String file, long submission, long id, String why) {
		return "Dữ liệu đã lưu của báo cáo " + ((unionCode != null) ? unionCode.strip() : "?") + " năm " + year
				+ " (tệp " + file + ", lần nộp số " + submission + ", báo cáo số " + id + ") bị hỏng (" + why
				+ "); kết quả không được ghi. Hãy nhận lại từ hộp thư để sửa (xoá các lần nộp bị hỏng rồi nhận lại"
				+ " tệp của chúng): " + repairCommand(year)
				+ " với cùng --data-dir hoặc --db như lệnh này; hoặc khôi phục cơ sở dữ liệu từ bản sao lưu.";
	}

	/** The command that repairs the damaged returns of {@code year}, for people. */
	static String repairCommand(int year) {
		return "tonghop ingest --repair --input <hộp thư> --year " + year;
	}

	/** The file of a submission, as files.csv names it; "?" when it cannot be read. */
	private String fileOf(long submission) {
		try {
			List<String> file = this.jdbc.queryForList("SELECT source_file FROM submission WHERE id = ?", String.class,
					submission);
			return file.isEmpty() ? "?" : file.get(0);
		}
		catch (DataAccessException ex) {
			logger.debug("Không đọc được tên tệp của lần nộp " + submission, ex);
			return "?";
		}
	}

}
