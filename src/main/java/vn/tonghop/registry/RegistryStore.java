package vn.tonghop.registry;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.annotation.Transactional;

import vn.tonghop.store.Statistics;

/**
 * The registry in the database. Loading a list for a year replaces the year's list;
 * earlier loads stay (history), the latest one is the registry.
 */
public class RegistryStore {

	/** The entries of the registry in force for {@code ?}: its latest load. */
	public static final String CURRENT = "SELECT e.* FROM registry_entry e WHERE e.load_id ="
			+ " (SELECT MAX(id) FROM registry_load WHERE report_year = ?)";

	private final JdbcTemplate jdbc;

	public RegistryStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** How many unions the year's registry lists, or -1 when none was loaded. */
	public int size(int year) {
		Integer count = this.jdbc.queryForObject(
				"SELECT MAX(entries) FROM registry_load WHERE id = (SELECT MAX(id) FROM registry_load WHERE report_year = ?)",
				Integer.class, year);
		return (count != null) ? count : -1;
	}

	/**
	 * One load of a year's registry.
	 *
	 * @param id the load's key; the latest of a year is the registry in force
	 * @param year the year
	 * @param sourceFile the file it was read from, as it was named
	 * @param entries how many unions it listed
	 * @param loadedAt when it was loaded
	 * @param current whether it is the registry in force for its year
	 */
	public record Load(long id, int year, String sourceFile, int entries, LocalDateTime loadedAt, boolean current) {
	}

	/** The latest loads, newest first, {@code limit} at most. */
	public List<Load> recentLoads(int limit) {
		return this.jdbc.query("SELECT l.id, l.report_year, l.source_file, l.entries, l.loaded_at,"
				+ " CASE WHEN l.id = (SELECT MAX(c.id) FROM registry_load c WHERE c.report_year = l.report_year)"
				+ " THEN 1 ELSE 0 END FROM registry_load l ORDER BY l.id DESC FETCH FIRST ? ROWS ONLY",
				(rs, row) -> new Load(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getInt(4),
						rs.getTimestamp(5).toLocalDateTime(), rs.getInt(6) == 1),
				limit);
	}

	@Transactional
	public long replace(int year, String sourceFile, String sha256, List<RegistryEntry> entries) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			PreparedStatement ps = connection.prepareStatement(
					"INSERT INTO registry_load (report_year, source_file, sha256, entries, loaded_at) VALUES (?, ?, ?, ?, ?)",
					new String[] { "id" });
			ps.setInt(1, year);
			ps.setString(2, sourceFile);
			ps.setString(3, sha256);
			ps.setInt(4, entries.size());
			ps.setTimestamp(5, Timestamp.from(Instant.now()));
			return ps;
		}, key);
		long load = key.getKey().longValue();
		List<Object[]> rows = new ArrayList<>();
		for (RegistryEntry e : entries) {
			rows.add(new Object[] { load, e.unionCode(), e.unionName(), e.provinceWritten(), e.provinceCode(),
					e.sectorWritten(), e.sectorCode(), e.industryCode(), e.row() });
		}
		this.jdbc.batchUpdate("INSERT INTO registry_entry (load_id, union_code, union_name, province_written,"
				+ " province_code, sector_written, sector_code, industry_code, source_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				rows);
		Statistics.refresh(this.jdbc, Statistics.REGISTRY);
		return load;
	}

}
