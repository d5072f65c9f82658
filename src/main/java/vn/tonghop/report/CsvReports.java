package vn.tonghop.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import vn.tonghop.normalise.Industry;
import vn.tonghop.normalise.IndustryResolver;
import vn.tonghop.normalise.Province;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.Sector;
import vn.tonghop.normalise.SectorResolver;
import vn.tonghop.rollup.Completeness;
import vn.tonghop.rollup.ParentUnions;
import vn.tonghop.rollup.ProvincialView;
import vn.tonghop.rollup.ProvincialViews;
import vn.tonghop.rollup.Rollups;
import vn.tonghop.store.FileRanges;
import vn.tonghop.store.FileStatuses;
import vn.tonghop.store.ProvinceScope;

/**
 * Writes the machine-readable outputs of a consolidation under {@code OUTPUT/Y/} (spec
 * section 5): {@code returns.csv}, {@code by-province.csv}, {@code by-sector.csv},
 * {@code by-province-sector.csv}, {@code by-industry.csv}, {@code completeness.csv},
 * {@code issues.csv} and {@code files.csv}; in a provincial federation's own view
 * ({@link ProvincialView}) also {@code by-parent-union.csv}. A consolidation scoped to
 * some provinces ({@link ProvinceScope}) writes the same files with their rows only.
 */
public class CsvReports {

	private static final Log logger = LogFactory.getLog(CsvReports.class);

	/** The roll-up by upper-level union of a provincial federation's own view. */
	public static final String BY_PARENT_UNION = "by-parent-union.csv";

	static final String TOTAL = "TOTAL";

	private final Rollups rollups;

	private final JdbcTemplate jdbc;

	private final ProvinceResolver provinces;

	private final SectorResolver sectors;

	private final IndustryResolver industries;

	private final Completeness completeness;

	private final FileStatuses files;

	private final ProvincialViews views;

	public CsvReports(Rollups rollups, Completeness completeness, JdbcTemplate jdbc, FileStatuses files,
			ProvinceResolver provinces, SectorResolver sectors, IndustryResolver industries, ProvincialViews views) {
		this.rollups = rollups;
		this.views = views;
		this.files = files;
		this.completeness = completeness;
		this.jdbc = jdbc;
		this.provinces = provinces;
		this.sectors = sectors;
		this.industries = industries;
	}

	/** The folder of year {@code year}'s outputs. */
	public static Path yearFolder(Path output, int year) {
		return output.resolve(Integer.toString(year));
	}

	/**
	 * The columns of {@code returns.csv} before the indicator columns. A list with them
	 * reads back as the same returns ({@code ListLocator}); {@code source_file} is not
	 * the return's and is passed over.
	 */
	public static final List<String> RETURNS_IDENTITY = List.of("union_code", "union_name", "province_code",
			"sector_code", "industry_code", "year", "source_file");

	/** {@code returns.csv}: one row per return that counts. Returns how many. */
	public long writeReturns(Path output, int year, ProvinceScope scope) {
		List<String> header = new ArrayList<>(RETURNS_IDENTITY);
		header.addAll(this.rollups.columns().names());
		long[] count = { 0 };
		try (CsvOutput csv = CsvOutput.open(yearFolder(output, year).resolve("returns.csv"), header)) {
			this.rollups.returns(year, scope, (row) -> {
				List<String> line = new ArrayList<>(row.identity().subList(0, RETURNS_IDENTITY.size()));
				line.addAll(row.values());
				csv.row(line);
				count[0]++;
			});
			csv.commit();
		}
		return count[0];
	}

	/**
	 * The four roll-up files, and {@code by-parent-union.csv} in a provincial
	 * federation's own view; returns the number of upper-level unions, 0 in a national
	 * consolidation. In a scope, a row per province of the scope, and sums of their
	 * returns.
	 */
	public long writeRollups(Path output, int year, ProvinceScope scope) {
		Path folder = yearFolder(output, year);
		Rollups.Group total = this.rollups.groups(year, scope, Rollups.By.TOTAL).values().iterator().next();

		Map<List<String>, Rollups.Group> byProvince = this.rollups.groups(year, scope, Rollups.By.PROVINCE);
		try (CsvOutput csv = CsvOutput.open(folder.resolve("by-province.csv"),
				header("province_code", "province_name"))) {
			for (Province province : this.provinces.all()) {
				if (!scope.contains(province.code())) {
					continue;
				}
				csv.row(line(List.of(province.code(), province.name()), byProvince.get(List.of(province.code()))));
			}
			csv.row(line(List.of(TOTAL, "Tổng cộng"), total));
			csv.commit();
		}

		Map<List<String>, Rollups.Group> bySector = this.rollups.groups(year, scope, Rollups.By.SECTOR);
		try (CsvOutput csv = CsvOutput.open(folder.resolve("by-sector.csv"), header("sector_code", "sector_name"))) {
			for (Sector sector : this.sectors.all()) {
				csv.row(line(List.of(sector.code(), sector.name()), bySector.get(List.of(sector.code()))));
			}
			csv.row(line(List.of(TOTAL, "Tổng cộng"), total));
			csv.commit();
		}

		Map<List<String>, Rollups.Group> byBoth = this.rollups.groups(year, scope, Rollups.By.PROVINCE_SECTOR);
		try (CsvOutput csv = CsvOutput.open(folder.resolve("by-province-sector.csv"),
				header("province_code", "sector_code"))) {
			for (Province province : this.provinces.all()) {
				for (Sector sector : this.sectors.all()) {
					Rollups.Group group = byBoth.get(List.of(province.code(), sector.code()));
					if (group != null) {
						csv.row(line(List.of(province.code(), sector.code()), group));
					}
				}
			}
			csv.commit();
		}

		Map<List<String>, Rollups.Group> byIndustry = this.rollups.groups(year, scope, Rollups.By.INDUSTRY);
		try (CsvOutput csv = CsvOutput.open(folder.resolve("by-industry.csv"),
				header("industry_code", "industry_name"))) {
			for (Industry industry : this.industries.all()) {
				csv.row(line(List.of(industry.code(), industry.name()), byIndustry.get(List.of(industry.code()))));
			}
			Rollups.Group notGiven = byIndustry.get(List.of(""));
			if (notGiven != null) {
				csv.row(line(List.of("", "Không ghi ngành"), notGiven));
			}
			csv.row(line(List.of(TOTAL, "Tổng cộng"), total));
			csv.commit();
		}
		Optional<ProvincialView> view = this.views.of(year, scope);
		if (view.isEmpty()) {
			return 0;
		}
		logger.info(view.get().description() + ", " + view.get().returns() + " báo cáo."
				+ ((view.get().outsideNote() != null) ? " " + view.get().outsideNote() + "." : ""));
		return writeParentUnions(folder, year, scope, view.get());
	}

	/**
	 * {@code by-parent-union.csv}: one row per upper-level union of the province's
	 * returns, spellings of one union together ({@link ParentUnions}), named by its most
	 * frequent spelling (empty: the unions reporting straight to the federation), then
	 * {@code TOTAL}, the province's.
	 */
	private long writeParentUnions(Path folder, int year, ProvinceScope scope, ProvincialView view) {
		String province = view.province().code();
		List<ParentUnions.ParentUnion> unions = new ParentUnions(view.province(), this.provinces)
			.group(this.rollups.byParentUnion(year, scope, province));
		Rollups.Group total = this.rollups.groupsIn(year, scope, Rollups.By.TOTAL, province).values().iterator().next();
		try (CsvOutput csv = CsvOutput.open(folder.resolve(BY_PARENT_UNION), header("parent_union"))) {
			for (ParentUnions.ParentUnion union : unions) {
				csv.row(line(List.of(union.name()), union.group()));
			}
			csv.row(line(List.of(TOTAL), total));
			csv.commit();
		}
		return unions.size();
	}

	/**
	 * The columns of {@code completeness.csv} (spec section 5), then the province's
	 * deadline (yyyy-MM-dd) and its unions on time and late, empty without a deadline.
	 */
	public static final List<String> COMPLETENESS = List.of("province_code", "province_name", "expected", "received",
			"accepted", "rejected", "missing", "deadline", "on_time", "late");

	/**
	 * {@code completeness.csv}: per province, then TOTAL, who was expected and who
	 * reported, union by union ({@link Completeness}); expected and missing are empty
	 * without a registry, the deadline, on time and late without a deadline (TOTAL's
	 * count the provinces with one); in a scope, its provinces' lines and unions only.
	 * Returns how many unions are missing.
	 */
	public long writeCompleteness(Path output, int year, ProvinceScope scope) {
		Completeness.Report report = this.completeness.report(year, scope);
		try (CsvOutput csv = CsvOutput.open(yearFolder(output, year).resolve("completeness.csv"), COMPLETENESS)) {
			for (Completeness.Line line : report.byProvince()) {
				csv.row(completeness(line));
			}
			csv.row(completeness(report.total()));
			csv.commit();
		}
		return report.missing().size();
	}

	private static List<String> completeness(Completeness.Line line) {
		return List.of(line.code(), line.name(), blank(line.expected()), Long.toString(line.received()),
				Long.toString(line.accepted()), Long.toString(line.rejected()), blank(line.missing()),
				blank(line.deadline()), blank(line.onTime()), blank(line.late()));
	}

	/** A value as text, or empty for none (never 0). */
	private static String blank(Object value) {
		return (value != null) ? value.toString() : "";
	}

	/**
	 * {@code issues.csv}: every finding of the year's returns that are not superseded
	 * (and of files without a return), by file name, then as they were found; read a
	 * range of file names at a time ({@link FileRanges}), so that the database never
	 * sorts all the year's findings at once.
	 */
	public long writeIssues(Path output, int year) {
		return writeIssues(output, year, ProvinceScope.all());
	}

	/**
	 * The same with the findings of {@code scope} only: of its provinces' returns, and
	 * those of no return (of the file) in its files ({@link #issues}).
	 */
	public long writeIssues(Path output, int year, ProvinceScope scope) {
		String issues = issues(scope);
		long[] count = { 0 };
		try (CsvOutput csv = CsvOutput.open(yearFolder(output, year).resolve("issues.csv"),
				List.of("source_file", "sheet", "cell", "union_code", "rule", "severity", "message"))) {
			RowCallbackHandler finding = (rs) -> {
				List<String> row = new ArrayList<>(7);
				for (int i = 1; i <= 7; i++) {
					// the source file as files.csv names it, leading space and all
					String value = rs.getString(i);
					row.add((value == null) ? "" : (i == 1) ? value : value.strip());
				}
				csv.row(row);
				count[0]++;
			};
			FileRanges.forEach(this.jdbc, year, (after, upTo) -> this.jdbc.query(issues, finding, year, after, upTo));
			csv.commit();
		}
		return count[0];
	}

	/**
	 * The findings of issues.csv in the files of year {@code ?} named after one and up to
	 * another (read through the index {@code submission_file}).
	 */
	public static final String ISSUES = "SELECT s.source_file, f.sheet, f.cell, f.union_code, f.rule, f.severity,"
			+ " f.message" + Issues.FROM + " AND s.source_file > ? AND s.source_file <= ?" + Issues.KEPT
			+ " ORDER BY s.source_file, f.id";

	/** The parts of the queries of issues.csv's findings. */
	private static final class Issues {

		/** The findings of the files of year {@code ?}, with their returns. */
		static final String FROM = " FROM submission s JOIN finding f ON f.submission_id = s.id"
				+ " LEFT JOIN return_record r ON r.id = f.return_id WHERE s.report_year = ?";

		/**
		 * Those issues.csv lists: of returns not superseded, and of files without one.
		 */
		static final String KEPT = " AND (r.id IS NULL OR r.superseded_by IS NULL)";

	}

	/** How many findings of a rule and severity. */
	public record RuleCount(String rule, String severity, long findings) {
	}

	/**
	 * The findings of issues.csv by rule and severity, those of the returns that meet
	 * {@code returns} only (an SQL condition on the return {@code r}; a finding of a file
	 * without a return meets none) unless it is null; by rule code.
	 */
	public List<RuleCount> issuesByRule(int year, String returns) {
		return this.jdbc.query(
				"SELECT f.rule, f.severity, COUNT(*)" + Issues.FROM + Issues.KEPT
						+ ((returns != null) ? " AND (" + returns + ")" : "")
						+ " GROUP BY f.rule, f.severity ORDER BY f.rule, f.severity",
				(rs, n) -> new RuleCount(rs.getString(1).strip(), rs.getString(2).strip(), rs.getLong(3)), year);
	}

	/**
	 * {@link #ISSUES} in a scope: a finding of a return of one of its provinces, or of no
	 * return in a file of the scope ({@link FileStatuses#submissionInScope}).
	 */
	static String issues(ProvinceScope scope) {
		return findingsInScope(ISSUES, " ORDER BY s.source_file", scope);
	}

	/**
	 * A query of findings {@code f} joined to their return {@code r} and submission
	 * {@code s}, with the scope's condition before {@code order}.
	 */
	static String findingsInScope(String sql, String order, ProvinceScope scope) {
		if (scope.isAll()) {
			return sql;
		}
		String inScope = " AND ((r.id IS NOT NULL" + scope.and("r.province_code") + ") OR (r.id IS NULL"
				+ FileStatuses.submissionInScope(scope, "s.id") + "))";
		return sql.replace(order, inScope + order);
	}

	/**
	 * {@code files.csv}: every file the intake looked at for the year, with what became
	 * of it and why; in a scope, the files of its provinces only
	 * ({@link FileStatuses#ofYear(int, ProvinceScope, java.util.function.Consumer)}).
	 * Returns how many.
	 */
	public long writeFiles(Path output, int year, ProvinceScope scope) {
		long[] count = { 0 };
		try (CsvOutput csv = CsvOutput.open(yearFolder(output, year).resolve("files.csv"),
				List.of("source_file", "sha256", "bytes", "status", "reason"))) {
			this.files.ofYear(year, scope, (line) -> {
				csv.row(List.of(line.sourceFile(), (line.sha256() != null) ? line.sha256() : "",
						(line.bytes() != null) ? line.bytes().toString() : "", line.status().csv(), line.reason()));
				count[0]++;
			});
			csv.commit();
		}
		return count[0];
	}

	private List<String> header(String... keys) {
		List<String> header = new ArrayList<>(List.of(keys));
		header.add("returns");
		header.addAll(this.rollups.columns().names());
		return header;
	}

	private List<String> line(List<String> keys, Rollups.Group group) {
		List<String> line = new ArrayList<>(keys);
		if (group == null) {
			line.add("0");
			this.rollups.columns().names().forEach((name) -> line.add(""));
		}
		else {
			line.add(Long.toString(group.returns()));
			line.addAll(group.values());
		}
		return line;
	}

}
