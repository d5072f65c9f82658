package vn.tonghop.console.rollups;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import vn.tonghop.console.Scope;
import vn.tonghop.normalise.Industry;
import vn.tonghop.normalise.IndustryResolver;
import vn.tonghop.normalise.Province;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.Sector;
import vn.tonghop.normalise.SectorResolver;
import vn.tonghop.rollup.Rollups;

/**
 * The roll-up tables of the console: a year's groups by province, sector or industry
 * within the user's scope, each beside the previous year's, summed by {@link Rollups}
 * with the scope in its queries ({@link Rollups#groupsWithin}), so that an ADMIN's rows
 * are those of {@code by-province.csv} and an ANALYST's the rows of her provinces, with
 * their own total. The previous year's figures are the same groups of the year before, as
 * the consolidated workbook compares them.
 */
@Component
class RollupTables {

	/** How a table groups the returns: {@code ?by=province|sector|industry}. */
	enum Grouping {

		PROVINCE(Rollups.By.PROVINCE, "province"), SECTOR(Rollups.By.SECTOR, "sector"),
		INDUSTRY(Rollups.By.INDUSTRY, "industry");

		private final Rollups.By by;

		private final String parameter;

		Grouping(Rollups.By by, String parameter) {
			this.by = by;
			this.parameter = parameter;
		}

		/** The request parameter that names it, and that names its rows in a trace. */
		String parameter() {
			return this.parameter;
		}

		static Optional<Grouping> of(String parameter) {
			for (Grouping grouping : values()) {
				if (grouping.parameter.equalsIgnoreCase((parameter != null) ? parameter.strip() : "")) {
					return Optional.of(grouping);
				}
			}
			return Optional.empty();
		}

	}

	/** A number of the table: as the page writes it, and its trace; empty: no link. */
	record Figure(String text, String trace) {

		public boolean empty() {
			return this.trace == null;
		}

	}

	/** A row: its key and name, its figures of the year and of the previous year. */
	record Row(String code, String name, List<Figure> current, List<Figure> previous, boolean total) {
	}

	/**
	 * A table: its columns, its rows then the total; {@code previous} whether the
	 * previous year has returns to compare with.
	 */
	record Table(int year, List<RollupColumns.Column> columns, List<Row> rows, boolean previous) {

		public int previousYear() {
			return this.year - 1;
		}

	}

	private final Rollups rollups;

	private final ProvinceResolver provinces;

	private final SectorResolver sectors;

	private final IndustryResolver industries;

	private final JdbcTemplate jdbc;

	RollupTables(Rollups rollups, ProvinceResolver provinces, SectorResolver sectors, IndustryResolver industries,
			JdbcTemplate jdbc) {
		this.rollups = rollups;
		this.provinces = provinces;
		this.sectors = sectors;
		this.industries = industries;
		this.jdbc = jdbc;
	}

	/** The provinces a scope limits the sums to: null for every return (an ADMIN's). */
	static Set<String> within(Scope scope) {
		return scope.all() ? null : scope.provinces();
	}

	/**
	 * The years that have returns of the scope's provinces, latest first (read from the
	 * index of the returns by year and province).
	 */
	List<Integer> years(Scope scope) {
		return this.jdbc.queryForList("SELECT DISTINCT r.report_year FROM return_record r WHERE "
				+ scope.sql("r.province_code") + " ORDER BY r.report_year DESC", Integer.class);
	}

	/** Whether the year has returns that count within the scope. */
	boolean hasReturns(int year, Scope scope) {
		return total(year, scope).returns() > 0;
	}

	private Rollups.Group total(int year, Scope scope) {
		return this.rollups.groupsWithin(year, Rollups.By.TOTAL, within(scope)).get(List.of());
	}

	Table table(int year, Grouping grouping, List<RollupColumns.Column> columns, Scope scope, Locale locale) {
		Set<String> within = within(scope);
		Map<List<String>, Rollups.Group> current = this.rollups.groupsWithin(year, grouping.by, within);
		boolean previous = hasReturns(year - 1, scope);
		Map<List<String>, Rollups.Group> before = previous ? this.rollups.groupsWithin(year - 1, grouping.by, within)
				: Map.of();
		List<Row> rows = new ArrayList<>();
		for (String[] key : keys(grouping, scope, current, before)) {
			List<String> keys = List.of(key[0]);
			rows.add(new Row(key[0], key[1], figures(year, columns, current.get(keys), grouping, key[0], locale),
					figures(year - 1, columns, before.get(keys), grouping, key[0], locale), false));
		}
		Rollups.Group total = total(year, scope);
		Rollups.Group totalBefore = previous ? total(year - 1, scope) : null;
		rows.add(new Row("", null, figures(year, columns, total, null, null, locale),
				figures(year - 1, columns, totalBefore, null, null, locale), true));
		return new Table(year, columns, rows, previous);
	}

	/**
	 * The rows' keys and names, in the reference tables' order as the CSVs list them: the
	 * scope's provinces; every sector; every industry, then the returns that gave none
	 * when there are some.
	 */
	private List<String[]> keys(Grouping grouping, Scope scope, Map<List<String>, Rollups.Group> current,
			Map<List<String>, Rollups.Group> before) {
		List<String[]> keys = new ArrayList<>();
		switch (grouping) {
			case PROVINCE -> {
				for (Province province : this.provinces.all()) {
					if (scope.allows(province.code())) {
						keys.add(new String[] { province.code(), province.name() });
					}
				}
			}
			case SECTOR -> {
				for (Sector sector : this.sectors.all()) {
					keys.add(new String[] { sector.code(), sector.name() });
				}
			}
			case INDUSTRY -> {
				for (Industry industry : this.industries.all()) {
					keys.add(new String[] { industry.code(), industry.name() });
				}
				if (current.containsKey(List.of("")) || before.containsKey(List.of(""))) {
					keys.add(new String[] { "", null });
				}
			}
		}
		return keys;
	}

	/** A group's figures in the columns shown; a group with no returns has none. */
	private static List<Figure> figures(int year, List<RollupColumns.Column> columns, Rollups.Group group,
			Grouping grouping, String key, Locale locale) {
		List<Figure> figures = new ArrayList<>(columns.size());
		for (RollupColumns.Column column : columns) {
			String value = (group != null) ? group.values().get(column.index()) : "";
			figures.add(value.isEmpty() ? new Figure("—", null)
					: new Figure(Figures.format(value, locale), trace(year, column.name(), grouping, key)));
		}
		return figures;
	}

	/** The address of the trace of a number: its year, column and row. */
	static String trace(int year, String column, Grouping grouping, String key) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath("/rollups/trace")
			.queryParam("year", year)
			.queryParam("indicator", column);
		if (grouping != null) {
			link.queryParam(grouping.parameter(), key);
		}
		return link.encode().build().toUriString();
	}

}
