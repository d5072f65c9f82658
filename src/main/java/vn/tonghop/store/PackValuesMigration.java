package vn.tonghop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Flyway migration 7: a return's values move from a row each in {@code return_value} to
 * one column of its row, {@code return_record.indicator_values} (see
 * {@link StoredValues}). The values a database already holds are packed by the same code
 * that packs new ones, return by return, and {@code return_value} is dropped. Safe to run
 * again after an interruption: only returns not yet packed are packed.
 */
public class PackValuesMigration implements JavaMigration {

	/** Returns packed per statement batch. */
	private static final int BATCH = 500;

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("7");
	}

	@Override
	public String getDescription() {
		return "packed values";
	}

	@Override
	public Integer getChecksum() {
		return 7;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute("ALTER TABLE return_record ADD COLUMN IF NOT EXISTS indicator_values VARCHAR(100000)");
		}
		if (hasValueTable(connection)) {
			pack(connection);
			try (Statement statement = connection.createStatement()) {
				statement.execute("DROP TABLE return_value");
			}
		}
	}

	private static boolean hasValueTable(Connection connection) throws SQLException {
		for (String name : new String[] { "return_value", "RETURN_VALUE" }) {
			try (ResultSet tables = connection.getMetaData().getTables(null, null, name, new String[] { "TABLE" })) {
				if (tables.next()) {
					return true;
				}
			}
		}
		return false;
	}

	/** Packs the values of every return not packed yet, in order of return id. */
	private static void pack(Connection connection) throws SQLException {
		String select = "SELECT v.return_id, v.code, v.total, v.female, v.category, v.flag, v.total_cell,"
				+ " v.female_cell FROM return_value v JOIN return_record r ON r.id = v.return_id"
				+ " WHERE r.indicator_values IS NULL ORDER BY v.return_id, v.code";
		try (Statement query = connection.createStatement();
				PreparedStatement update = connection
					.prepareStatement("UPDATE return_record SET indicator_values = ? WHERE id = ?")) {
			query.setFetchSize(BATCH * 40);
			int pending = 0;
			try (ResultSet rs = query.executeQuery(select)) {
				long current = -1;
				List<StoredValues.Value> values = new ArrayList<>();
				while (rs.next()) {
					long id = rs.getLong(1);
					if (id != current && current >= 0) {
						pending = add(update, current, values, pending);
					}
					current = id;
					values.add(new StoredValues.Value(rs.getString(2).strip(), rs.getObject(3, Long.class),
							rs.getObject(4, Long.class), rs.getString(5), rs.getObject(6, Boolean.class),
							rs.getString(7), rs.getString(8)));
				}
				if (current >= 0) {
					pending = add(update, current, values, pending);
				}
			}
			if (pending > 0) {
				update.executeBatch();
			}
		}
		// a return that had no value row has none
		try (Statement statement = connection.createStatement()) {
			statement.executeUpdate("UPDATE return_record SET indicator_values = '' WHERE indicator_values IS NULL");
		}
	}

	private static int add(PreparedStatement update, long id, List<StoredValues.Value> values, int pending)
			throws SQLException {
		update.setString(1, StoredValues.packStored(values));
		update.setLong(2, id);
		update.addBatch();
		values.clear();
		if (pending + 1 == BATCH) {
			update.executeBatch();
			return 0;
		}
		return pending + 1;
	}

}
