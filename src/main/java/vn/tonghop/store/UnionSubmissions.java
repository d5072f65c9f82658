package vn.tonghop.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * A union's returns of a year in the order they were stored, which one counts now, and
 * what changed from one accepted return to the next: each indicator whose value changed,
 * old → new, with the cell of the new one (issue 26, item 3; {@code tonghop history
 * --union}). The values are read checked ({@link CheckedReturns}).
 */
public class UnionSubmissions {

	/**
	 * One return of the union.
	 *
	 * @param returnId the stored return
	 * @param sourceFile the file it came from, as the inbox names it
	 * @param storedAt when it was stored
	 * @param accepted whether it was accepted
	 * @param counts whether it is the return that counts now (accepted, superseded by
	 * nothing)
	 * @param changes what changed from the accepted return before it (empty for the first
	 * accepted one, and for a rejected one)
	 */
	public record Submission(long returnId, String sourceFile, LocalDateTime storedAt, boolean accepted, boolean counts,
			List<Change> changes) {
	}

	/**
	 * An indicator whose value changed.
	 *
	 * @param code the indicator ({@code A02}); {@code _nu} added for the female count
	 * @param before the value of the accepted return before (null: blank)
	 * @param after the value of this one (null: blank)
	 * @param cell the cell of this one's value, or null
	 */
	public record Change(String code, String before, String after, String cell) {
	}

	private static final String PREFIX = "ck_";

	private final JdbcTemplate jdbc;

	private final CheckedReturns checked;

	public UnionSubmissions(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.checked = new CheckedReturns(jdbc);
	}

	/** A return as read: its values by code (text, cell, female, female cell). */
	private record Stored(long id, String sourceFile, LocalDateTime storedAt, boolean accepted, boolean superseded,
			Map<String, String[]> values) {
	}

	/** The returns of union {@code unionCode} for year {@code year}, oldest first. */
	public List<Submission> of(int year, String unionCode) {
		List<Stored> rows = new ArrayList<>();
		this.jdbc.query(
				"SELECT r.id, s.source_file, s.ingested_at, r.accepted, r.superseded_by, "
						+ CheckedReturns.columns("r", PREFIX) + " FROM return_record r JOIN submission s"
						+ " ON s.id = r.submission_id WHERE r.report_year = ? AND r.union_code = ? ORDER BY r.id",
				(RowCallbackHandler) (rs) -> rows.add(stored(rs)), year, unionCode.strip());
		List<Submission> submissions = new ArrayList<>();
		Map<String, String[]> previous = null;
		for (Stored row : rows) {
			List<Change> changes = (row.accepted() && previous != null) ? changes(previous, row.values()) : List.of();
			submissions.add(new Submission(row.id(), row.sourceFile(), row.storedAt(), row.accepted(),
					row.accepted() && !row.superseded(), changes));
			if (row.accepted()) {
				previous = row.values();
			}
		}
		return submissions;
	}

	private Stored stored(ResultSet rs) throws SQLException {
		rs.getLong(5);
		boolean superseded = !rs.wasNull();
		Map<String, String[]> values = new LinkedHashMap<>();
		for (StoredValues.Value value : this.checked.values(rs, PREFIX)) {
			values.put(value.code(), new String[] { text(value), value.totalCell(),
					(value.female() != null) ? value.female().toString() : null, value.femaleCell() });
		}
		return new Stored(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toLocalDateTime(), rs.getBoolean(4),
				superseded, values);
	}

	/** A value as people read it: its number, its category or its flag. */
	private static String text(StoredValues.Value value) {
		if (value.total() != null) {
			return value.total().toString();
		}
		if (value.category() != null) {
			return value.category();
		}
		if (value.flag() != null) {
			return value.flag() ? "có" : "không";
		}
		return null;
	}

	private static List<Change> changes(Map<String, String[]> before, Map<String, String[]> after) {
		List<Change> changes = new ArrayList<>();
		TreeSet<String> codes = new TreeSet<>(before.keySet());
		codes.addAll(after.keySet());
		for (String code : codes) {
			String[] old = before.getOrDefault(code, new String[4]);
			String[] now = after.getOrDefault(code, new String[4]);
			if (!Objects.equals(old[0], now[0])) {
				changes.add(new Change(code, old[0], now[0], now[1]));
			}
			if (!Objects.equals(old[2], now[2])) {
				changes.add(new Change(code + "_nu", old[2], now[2], now[3]));
			}
		}
		return changes;
	}

}
