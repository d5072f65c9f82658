package vn.tonghop.console.year;

import java.util.List;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.tonghop.console.NotFound;
import vn.tonghop.serve.ServeSettings;

/**
 * Which year a page shows: the one {@code serve} consolidates, or another year that has
 * data when the request asks for it ({@code ?year=}).
 */
@Component
public class Years {

	private final ServeSettings settings;

	private final JdbcTemplate jdbc;

	Years(ServeSettings settings, JdbcTemplate jdbc) {
		this.settings = settings;
		this.jdbc = jdbc;
	}

	/** The year consolidated by {@code serve}. */
	public int served() {
		return this.settings.year();
	}

	/**
	 * The year asked for, or the served one when none is; a year without data is not
	 * found.
	 */
	public int chosen(Integer asked) {
		if (asked == null || asked == served()) {
			return served();
		}
		if (withData().contains(asked)) {
			return asked;
		}
		throw new NotFound("năm " + asked);
	}

	/** The served year and every year with a stored file, newest first. */
	public List<Integer> withData() {
		TreeSet<Integer> years = new TreeSet<>(
				this.jdbc.queryForList("SELECT DISTINCT report_year FROM submission", Integer.class));
		years.add(served());
		return List.copyOf(years.descendingSet());
	}

}
