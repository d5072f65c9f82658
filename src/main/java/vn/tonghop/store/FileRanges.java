package vn.tonghop.store;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A year's submissions in the order of their file names, cut into ranges of names of
 * about {@value #PAGE} submissions each, found through the index {@code submission_file}:
 * a report that lists files by name reads one range at a time and the database sorts only
 * that range's rows, never the whole year's (H2 keeps a large sorted result whole in
 * memory). The submissions of one name are always in one range.
 */
public final class FileRanges {

	static final int PAGE = 500;

	/**
	 * The last file name of the next {@value #PAGE} submissions of year {@code ?} after a
	 * name; none when fewer are left.
	 */
	public static final String PAGE_END = "SELECT s.source_file FROM submission s"
			+ " WHERE s.report_year = ? AND s.source_file > ? ORDER BY s.report_year, s.source_file OFFSET "
			+ (PAGE - 1) + " ROWS FETCH FIRST 1 ROWS ONLY";

	/** The last file name of year {@code ?}, if any. */
	public static final String LAST = "SELECT MAX(s.source_file) FROM submission s WHERE s.report_year = ?";

	/**
	 * What a report does with the submissions whose names are after one, up to another.
	 */
	@FunctionalInterface
	public interface Range {

		void read(String after, String upTo);

	}

	private FileRanges() {
	}

	/**
	 * Calls {@code range} for each range of names of the year's submissions in turn, in
	 * name order; a range's lower bound is excluded, its upper one included, and the
	 * first starts after the empty name (a file always has one).
	 */
	public static void forEach(JdbcTemplate jdbc, int year, Range range) {
		String last = jdbc.queryForObject(LAST, String.class, year);
		String after = "";
		while (last != null && !after.equals(last)) {
			List<String> ends = jdbc.queryForList(PAGE_END, String.class, year, after);
			String upTo = ends.isEmpty() ? last : ends.get(0);
			range.read(after, upTo);
			after = upTo;
		}
	}

}
