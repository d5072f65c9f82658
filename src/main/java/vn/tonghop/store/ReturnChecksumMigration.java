package vn.tonghop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Flyway migration 14: every return gets a checksum of what the outputs take from it,
 * {@code return_record.checksum} ({@link ReturnChecksum}). The returns a database already
 * holds get theirs here, computed by the same code as for new ones, a page of ids at a
 * time, so that every return is checked when read back; what they hold now is what is
 * then trusted (a return damaged before this migration is not caught). Safe to run again
 * after an interruption: only returns without one get one.
 */
public class ReturnChecksumMigration implements JavaMigration {

	/** Return ids per page. */
	private static final int PAGE = 1000;

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("14");
	}

	@Override
	public String getDescription() {
		return "return checksum";
	}

	@Override
	public Integer getChecksum() {
		return 14;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute("ALTER TABLE return_record ADD COLUMN IF NOT EXISTS checksum BIGINT");
		}
		long[] range = range(connection);
		if (range == null) {
			return;
		}
		try (PreparedStatement select = connection.prepareStatement("SELECT id, submission_id, report_year, sheet,"
				+ " union_code, union_name, province_code, sector_code, industry_code, accepted, indicator_values"
				+ " FROM return_record WHERE id BETWEEN ? AND ? AND checksum IS NULL");
				PreparedStatement update = connection
					.prepareStatement("UPDATE return_record SET checksum = ? WHERE id = ?")) {
			for (long from = range[0]; from <= range[1]; from += PAGE) {
				select.setLong(1, from);
				select.setLong(2, Math.min(range[1], from + PAGE - 1));
				int pending = 0;
				try (ResultSet rs = select.executeQuery()) {
					while (rs.next()) {
						update.setLong(1,
								ReturnChecksum.of(rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
										rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
										rs.getBoolean(10), rs.getString(11)));
						update.setLong(2, rs.getLong(1));
						update.addBatch();
						pending++;
					}
				}
				if (pending > 0) {
					update.executeBatch();
				}
			}
		}
	}

	private static long[] range(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT MIN(id), MAX(id) FROM return_record")) {
			rs.next();
			long low = rs.getLong(1);
			return rs.wasNull() ? null : new long[] { low, rs.getLong(2) };
		}
	}

}
