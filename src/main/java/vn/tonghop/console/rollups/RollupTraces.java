package vn.tonghop.console.rollups;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import vn.tonghop.console.NotFound;
import vn.tonghop.console.Scope;
import vn.tonghop.normalise.Industry;
import vn.tonghop.normalise.IndustryResolver;
import vn.tonghop.normalise.Province;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.Sector;
import vn.tonghop.normalise.SectorResolver;
import vn.tonghop.rollup.Rollups;
import vn.tonghop.rollup.Trace;

/**
 * The trace of a roll-up's number in the console: every return and cell behind it, as
 * {@code tonghop trace} lists them ({@link Trace}), within the user's scope, with their
 * sum beside the roll-up's number it must equal.
 */
@Component
class RollupTraces {

	/**
	 * One value behind the number, written for the page; {@code fileId} is the file's
	 * page ({@code /files/{id}}: the intake log row of its latest look), null when the
	 * intake log no longer has it.
	 */
	record Line(Long fileId, String sourceFile, String sheet, String cell, String unionCode, String unionName,
			String value) {
	}

	/**
	 * A trace: what it is of (the row's names, null where not narrowed), the lines of one
	 * page and how many there are in all, the sum of them all and the roll-up's number
	 * (null when the page has no such group to compare with); the addresses of the pages
	 * before and after (null: none).
	 */
	record View(int year, RollupColumns.Column column, Province province, Sector sector, Industry industry,
			boolean industryNotGiven, List<Line> lines, int count, int first, String sum, String rollup, boolean equal,
			String previousPage, String nextPage) {

		/** The number of the page's last line, from 1. */
		public int last() {
			return this.first + this.lines.size() - 1;
		}

	}

	/** Lines a page shows: a national total has a line for every return of the year. */
	static final int PAGE = 500;

	private volatile int pageSize = PAGE;

	private final Trace trace;

	private final Rollups rollups;

	private final ProvinceResolver provinces;

	private final SectorResolver sectors;

	private final IndustryResolver industries;

	private final JdbcTemplate jdbc;

	RollupTraces(Trace trace, Rollups rollups, ProvinceResolver provinces, SectorResolver sectors,
			IndustryResolver industries, JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.trace = trace;
		this.rollups = rollups;
		this.provinces = provinces;
		this.sectors = sectors;
		this.industries = industries;
	}

	/**
	 * The trace of a number of {@code year}, narrowed to a province (2025 code), a sector
	 * and an industry ("" for the returns that gave none) when not null. A province that
	 * does not exist or is not in the scope is not found, as is a sector or industry that
	 * does not exist; without a province, the scope's provinces only.
	 */
	View trace(int year, RollupColumns.Column column, String provinceCode, String sectorCode, String industryCode,
			int page, Scope scope, Locale locale) {
		Province province = null;
		if (provinceCode != null) {
			province = this.provinces.byCode(provinceCode.strip())
				.filter((p) -> scope.allows(p.code()))
				.orElseThrow(() -> new NotFound("province " + provinceCode));
		}
		Sector sector = null;
		if (sectorCode != null) {
			sector = this.sectors.byCode(sectorCode.strip()).orElseThrow(() -> new NotFound("sector " + sectorCode));
		}
		Industry industry = null;
		boolean notGiven = industryCode != null && industryCode.isBlank();
		if (industryCode != null && !notGiven) {
			industry = this.industries.byCode(industryCode.strip())
				.orElseThrow(() -> new NotFound("industry " + industryCode));
		}
		String industryKey = notGiven ? "" : (industry != null) ? industry.code() : null;
		Trace.Filter filter = new Trace.Filter((province != null) ? province.code() : null,
				(sector != null) ? sector.code() : null, industryKey);
		Set<String> within = RollupTables.within(scope);
		List<Trace.Line> all = this.trace.lines(year, filter, column.name(), within);
		BigInteger sum = BigInteger.ZERO;
		for (Trace.Line line : all) {
			sum = sum.add(BigInteger.valueOf(line.value()));
		}
		int size = this.pageSize;
		int pages = Math.max(1, (all.size() + size - 1) / size);
		int shown = Math.min(Math.max(page, 1), pages);
		int from = (shown - 1) * size;
		List<Line> lines = new ArrayList<>(size);
		List<Trace.Line> shownLines = all.subList(from, Math.min(all.size(), from + size));
		Map<Long, Long> files = fileIds(year, shownLines);
		for (Trace.Line line : shownLines) {
			lines.add(new Line(files.get(line.submissionId()), line.sourceFile(), line.sheet(), line.cell(),
					line.unionCode(), line.unionName(), Figures.format(line.value(), locale)));
		}
		BigInteger rollup = rollup(year, filter, column, within);
		return new View(year, column, province, sector, industry, notGiven, lines, all.size(), from + 1,
				Figures.format(sum, locale), (rollup != null) ? Figures.format(rollup, locale) : null,
				sum.equals(rollup), (shown > 1) ? link(year, column, filter, shown - 1) : null,
				(shown < pages) ? link(year, column, filter, shown + 1) : null);
	}

	/**
	 * The file page of each submission of {@code lines}: the intake log row of the latest
	 * look at the path the submission was stored from, as the files pages name files.
	 */
	private Map<Long, Long> fileIds(int year, List<Trace.Line> lines) {
		Map<Long, Long> ids = new HashMap<>();
		List<Long> submissions = lines.stream().map(Trace.Line::submissionId).distinct().toList();
		for (int from = 0; from < submissions.size(); from += 500) {
			List<Long> part = submissions.subList(from, Math.min(submissions.size(), from + 500));
			String marks = String.join(", ", Collections.nCopies(part.size(), "?"));
			List<Object> arguments = new ArrayList<>(part);
			arguments.add(0, year);
			this.jdbc.query(
					"SELECT s.id, MAX(l.id) FROM submission s JOIN intake_log l ON l.report_year = ?"
							+ " AND l.source_file = s.source_file WHERE s.id IN (" + marks + ") GROUP BY s.id",
					(RowCallbackHandler) (rs) -> ids.put(rs.getLong(1), rs.getLong(2)), arguments.toArray());
		}
		return ids;
	}

	/**
	 * Sets how many lines a page shows (for a test's few returns); {@link #PAGE} else.
	 */
	void pageSize(int size) {
		this.pageSize = size;
	}

	/** The address of a page of a trace. */
	private static String link(int year, RollupColumns.Column column, Trace.Filter filter, int page) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath("/rollups/trace")
			.queryParam("year", year)
			.queryParam("indicator", column.name());
		if (filter.provinceCode() != null) {
			link.queryParam("province", filter.provinceCode());
		}
		if (filter.sectorCode() != null) {
			link.queryParam("sector", filter.sectorCode());
		}
		if (filter.industryCode() != null) {
			link.queryParam("industry", filter.industryCode());
		}
		return link.queryParam("page", page).encode().build().toUriString();
	}

	/**
	 * The roll-up's number the trace is of, from the same groups as the tables (an empty
	 * cell is 0: no value behind it); null when no table has such a group (an industry
	 * within a province, say).
	 */
	private BigInteger rollup(int year, Trace.Filter filter, RollupColumns.Column column, Set<String> within) {
		boolean province = filter.provinceCode() != null;
		boolean sector = filter.sectorCode() != null;
		boolean industry = filter.industryCode() != null;
		Rollups.By by;
		List<String> keys;
		if (!province && !sector && !industry) {
			by = Rollups.By.TOTAL;
			keys = List.of();
		}
		else if (province && !sector && !industry) {
			by = Rollups.By.PROVINCE;
			keys = List.of(filter.provinceCode());
		}
		else if (!province && sector && !industry) {
			by = Rollups.By.SECTOR;
			keys = List.of(filter.sectorCode());
		}
		else if (!province && !sector) {
			by = Rollups.By.INDUSTRY;
			keys = List.of(filter.industryCode());
		}
		else if (province && sector && !industry) {
			by = Rollups.By.PROVINCE_SECTOR;
			keys = List.of(filter.provinceCode(), filter.sectorCode());
		}
		else {
			return null;
		}
		Rollups.Group group = this.rollups.groupsWithin(year, by, within).get(keys);
		String value = (group != null) ? group.values().get(column.index()) : "";
		return value.isEmpty() ? BigInteger.ZERO : new BigInteger(value);
	}

}
