package vn.tonghop.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.normalise.Industry;
import vn.tonghop.normalise.IndustryResolver;
import vn.tonghop.normalise.Province;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.Sector;
import vn.tonghop.normalise.SectorResolver;
import vn.tonghop.report.workbook.CompletenessRow;
import vn.tonghop.report.workbook.ConsolidatedWorkbook;
import vn.tonghop.report.workbook.FederationView;
import vn.tonghop.report.workbook.FindingRow;
import vn.tonghop.report.workbook.Group;
import vn.tonghop.report.workbook.Issuer;
import vn.tonghop.report.workbook.MissingUnion;
import vn.tonghop.report.workbook.ReturnRow;
import vn.tonghop.report.workbook.RunInfo;
import vn.tonghop.report.workbook.Table;
import vn.tonghop.report.workbook.WorkbookInput;
import vn.tonghop.rollup.Completeness;
import vn.tonghop.rollup.ParentUnions;
import vn.tonghop.rollup.ProvincialView;
import vn.tonghop.rollup.ProvincialViews;
import vn.tonghop.rollup.Rollups;
import vn.tonghop.store.FileStatuses;
import vn.tonghop.store.LastIngest;
import vn.tonghop.store.Pages;
import vn.tonghop.store.ProvinceScope;

/**
 * Fills the analysts' workbook {@code tong-hop-thi-dua-Y.xlsx} from the database: the
 * same roll-ups as the CSVs, the previous year when it is stored, completeness, and the
 * findings and returns read page by page so that memory stays flat however many there
 * are. A consolidation scoped to some provinces ({@link ProvinceScope}) fills it with
 * their rows only and says so on its summary and "Thông tin".
 */
public class WorkbookReports {

	private static final int PAGE = 1000;

	private final Rollups rollups;

	private final Completeness completeness;

	private final JdbcTemplate jdbc;

	private final ProvinceResolver provinces;

	private final SectorResolver sectors;

	private final IndustryResolver industries;

	private final ConsolidatedWorkbook workbook;

	private final String toolVersion;

	private final ProvincialViews views;

	public WorkbookReports(Rollups rollups, Completeness completeness, JdbcTemplate jdbc, ProvinceResolver provinces,
			SectorResolver sectors, IndustryResolver industries, IndicatorCatalogue catalogue, String toolVersion,
			ProvincialViews views) {
		this(rollups, completeness, jdbc, provinces, sectors, industries, catalogue, toolVersion, views, Issuer.NONE);
	}

	/**
	 * @param views whether the year is consolidated as a provincial federation's own view
	 * @param issuer the federation that issues the workbook (its letterhead and signature
	 * block, from {@code tonghop.federation.*})
	 */
	public WorkbookReports(Rollups rollups, Completeness completeness, JdbcTemplate jdbc, ProvinceResolver provinces,
			SectorResolver sectors, IndustryResolver industries, IndicatorCatalogue catalogue, String toolVersion,
			ProvincialViews views, Issuer issuer) {
		this.views = views;
		this.rollups = rollups;
		this.completeness = completeness;
		this.jdbc = jdbc;
		this.provinces = provinces;
		this.sectors = sectors;
		this.industries = industries;
		this.workbook = new ConsolidatedWorkbook(catalogue, issuer);
		this.toolVersion = toolVersion;
	}

	public static String fileName(int year) {
		return "tong-hop-thi-dua-" + year + ".xlsx";
	}

	/**
	 * Writes {@code OUTPUT/Y/tong-hop-thi-dua-Y.xlsx}; returns the number of returns in
	 * it.
	 */
	public long write(Path output, int year) {
		return write(output, year, ProvinceScope.all());
	}

	/**
	 * The same with the returns, files and findings of {@code scope} only, the previous
	 * year's of the same provinces beside them.
	 */
	public long write(Path output, int year, ProvinceScope scope) {
		boolean previous = returnsOf(year - 1, scope) > 0;
		// a provincial federation's own view: its sectors, industries and completeness,
		// within its province
		Optional<ProvincialView> view = this.views.of(year, scope);
		String province = view.map((v) -> v.province().code()).orElse(null);
		Completeness.Report report = this.completeness.report(year,
				(province != null) ? ProvinceScope.of(List.of(province)) : scope);
		WorkbookInput input = new WorkbookInput(year, previous ? year - 1 : null, runInfo(year, scope),
				this.rollups.columns().names(), byProvince(year, scope), bySector(year, scope, province),
				byProvinceSector(year, scope), byIndustry(year, scope, province),
				previous ? byProvince(year - 1, scope) : null, previous ? bySector(year - 1, scope, province) : null,
				previous ? byIndustry(year - 1, scope, province) : null, completeness(report), missing(report),
				findings(year, scope), returns(year, scope), federation(year, scope, view, previous).orElse(null));
		try {
			this.workbook.write(input, CsvReports.yearFolder(output, year).resolve(fileName(year)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + fileName(year) + ": " + ex.getMessage(), ex);
		}
		return returnsOf(year, scope);
	}

	private long returnsOf(int year, ProvinceScope scope) {
		Long count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM return_record r WHERE r.report_year = ? AND r.accepted AND r.superseded_by IS NULL"
						+ scope.and("r.province_code"),
				Long.class, year);
		return (count != null) ? count : 0;
	}

	/**
	 * The run and the year's counts: files as files.csv lists them, returns as
	 * returns.csv and the run's summary count them ({@link FileStatuses#countYear}).
	 */
	private RunInfo runInfo(int year, ProvinceScope scope) {
		FileStatuses.YearCounts counts = new FileStatuses(this.jdbc).countYear(year, scope);
		String database = this.jdbc.execute((java.sql.Connection connection) -> {
			var meta = connection.getMetaData();
			return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " — " + meta.getURL();
		});
		String warning = LastIngest.unfinished(this.jdbc, year).map((ingest) -> ingest.warning(year)).orElse(null);
		return new RunInfo(LocalDateTime.now(), counts.totalFiles(), counts.returns().accepted(),
				counts.returns().rejected(), this.toolVersion, database, warning, counts.returns().superseded(),
				FileStatuses.describe(counts.files()), scope.names(this.provinces));
	}

	private Table byProvince(int year, ProvinceScope scope) {
		Map<List<String>, Rollups.Group> groups = this.rollups.groups(year, scope, Rollups.By.PROVINCE);
		List<Group> rows = new ArrayList<>();
		for (Province province : this.provinces.all()) {
			if (!scope.contains(province.code())) {
				continue;
			}
			rows.add(group(List.of(province.code()), List.of(province.name()), groups.get(List.of(province.code()))));
		}
		return new Table(rows, total(year, scope, null));
	}

	/**
	 * The groups of {@code by}: of every return of the scope, or of one province's when
	 * {@code province} is not null.
	 */
	private Map<List<String>, Rollups.Group> groups(int year, ProvinceScope scope, Rollups.By by, String province) {
		return (province != null) ? this.rollups.groupsIn(year, scope, by, province)
				: this.rollups.groups(year, scope, by);
	}

	private Table bySector(int year, ProvinceScope scope, String province) {
		Map<List<String>, Rollups.Group> groups = groups(year, scope, Rollups.By.SECTOR, province);
		List<Group> rows = new ArrayList<>();
		for (Sector sector : this.sectors.all()) {
			rows.add(group(List.of(sector.code()), List.of(sector.name()), groups.get(List.of(sector.code()))));
		}
		return new Table(rows, total(year, scope, province));
	}

	/**
	 * A provincial federation's own view of {@code year} ({@code view}): its province's
	 * returns by upper-level union, beside the previous year's matched by key when
	 * {@code previous}; empty in a national consolidation.
	 */
	private Optional<FederationView> federation(int year, ProvinceScope scope, Optional<ProvincialView> view,
			boolean previous) {
		return view.map((v) -> new FederationView(v.description(), v.outside(), v.outsideNote(),
				byParentUnion(year, scope, v), previous ? byParentUnion(year - 1, scope, v) : null));
	}

	private Table byParentUnion(int year, ProvinceScope scope, ProvincialView view) {
		ParentUnions parentUnions = new ParentUnions(view.province(), this.provinces);
		List<Group> rows = new ArrayList<>();
		for (ParentUnions.ParentUnion union : parentUnions
			.group(this.rollups.byParentUnion(year, scope, view.province().code()))) {
			rows.add(group(List.of(union.key()), List.of(union.direct() ? parentUnions.direct() : union.name()),
					union.group()));
		}
		return new Table(rows, total(year, scope, view.province().code()));
	}

	private Table byProvinceSector(int year, ProvinceScope scope) {
		Map<List<String>, Rollups.Group> groups = this.rollups.groups(year, scope, Rollups.By.PROVINCE_SECTOR);
		List<Group> rows = new ArrayList<>();
		for (Province province : this.provinces.all()) {
			for (Sector sector : this.sectors.all()) {
				Rollups.Group found = groups.get(List.of(province.code(), sector.code()));
				if (found != null) {
					rows.add(group(List.of(province.code(), sector.code()), List.of(province.name(), sector.name()),
							found));
				}
			}
		}
		return new Table(rows, null);
	}

	private Table byIndustry(int year, ProvinceScope scope, String province) {
		Map<List<String>, Rollups.Group> groups = groups(year, scope, Rollups.By.INDUSTRY, province);
		List<Group> rows = new ArrayList<>();
		for (Industry industry : this.industries.all()) {
			rows.add(group(List.of(industry.code()), List.of(industry.name()), groups.get(List.of(industry.code()))));
		}
		Rollups.Group notGiven = groups.get(List.of(""));
		if (notGiven != null) {
			rows.add(group(List.of(""), List.of("Không ghi ngành"), notGiven));
		}
		return new Table(rows, total(year, scope, province));
	}

	private Group total(int year, ProvinceScope scope, String province) {
		return group(List.of(CsvReports.TOTAL), List.of("Tổng cộng"),
				groups(year, scope, Rollups.By.TOTAL, province).values().iterator().next());
	}

	private Group group(List<String> keys, List<String> names, Rollups.Group found) {
		int size = this.rollups.columns().names().size();
		List<Long> values = new ArrayList<>(size);
		if (found == null) {
			for (int i = 0; i < size; i++) {
				values.add(null);
			}
			return new Group(keys, names, 0, values);
		}
		for (String value : found.values()) {
			values.add(value.isEmpty() ? null : Long.valueOf(value));
		}
		return new Group(keys, names, found.returns(), values);
	}

	private static vn.tonghop.report.workbook.Completeness completeness(Completeness.Report report) {
		Function<Completeness.Line, CompletenessRow> row = (line) -> new CompletenessRow(line.code(), line.name(),
				line.expected(), line.received(), line.accepted(), line.rejected(), line.missing(), line.deadline(),
				line.onTime(), line.late());
		return new vn.tonghop.report.workbook.Completeness(report.byProvince().stream().map(row).toList(),
				report.bySector().stream().map(row).toList(), row.apply(report.total()), report.registryLoaded(),
				report.total().unlisted(), report.unidentified());
	}

	private List<MissingUnion> missing(Completeness.Report report) {
		return report.missing()
			.stream()
			.map((union) -> new MissingUnion(union.unionCode(), union.unionName(), provinceName(union.provinceCode()),
					sectorName(union.sectorCode())))
			.toList();
	}

	private String provinceName(String code) {
		return (code != null) ? this.provinces.byCode(code).map(Province::name).orElse(code) : "";
	}

	private String sectorName(String code) {
		return (code != null) ? this.sectors.byCode(code).map(Sector::name).orElse(code) : "";
	}

	private String industryName(String code) {
		return (code != null && !code.isEmpty()) ? this.industries.byCode(code).map(Industry::name).orElse(code) : "";
	}

	/**
	 * The findings of issues.csv, read as the sheet is written, a page of {@value #PAGE}
	 * at a time in the order of their ids: one query for them all had H2 hold every
	 * finding of the year at once (300,000 findings at 150,000 returns).
	 */
	Iterable<FindingRow> findings(int year) {
		return findings(year, ProvinceScope.all());
	}

	/** The same of {@code scope}, as issues.csv has them ({@link CsvReports#issues}). */
	Iterable<FindingRow> findings(int year, ProvinceScope scope) {
		String findingsPage = CsvReports.findingsInScope(FINDINGS_PAGE, " ORDER BY f.id", scope);
		return () -> {
			long[] after = { Long.MIN_VALUE };
			boolean[] last = { false };
			return Pages.iterator(() -> {
				if (last[0]) {
					return null;
				}
				List<FindingRow> page = new ArrayList<>(PAGE);
				this.jdbc.query(findingsPage, (rs) -> {
					after[0] = rs.getLong(8);
					page.add(new FindingRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5).strip(), rs.getString(6), rs.getString(7)));
				}, after[0], year);
				last[0] = page.size() < PAGE;
				return page;
			});
		};
	}

	/** A page of {@link #findings}: the year's findings after an id, by id. */
	public static final String FINDINGS_PAGE = "SELECT s.source_file, f.sheet, f.cell, f.union_code, f.rule, f.severity,"
			+ " f.message, f.id FROM finding f JOIN submission s ON s.id = f.submission_id"
			+ " LEFT JOIN return_record r ON r.id = f.return_id"
			+ " WHERE f.id > ? AND s.report_year = ? AND (r.id IS NULL OR r.superseded_by IS NULL)"
			+ " ORDER BY f.id FETCH FIRST " + PAGE + " ROWS ONLY";

	/**
	 * The returns of returns.csv, by id, read as the sheet is written; the query closes
	 * when the last is read.
	 */
	private Iterable<ReturnRow> returns(int year, ProvinceScope scope) {
		List<String> names = this.rollups.columns().names();
		return () -> this.rollups.returnsById(year, scope).map((row) -> returnRow(row, names)).iterator();
	}

	private ReturnRow returnRow(Rollups.ReturnRow row, List<String> names) {
		List<String> id = row.identity();
		List<Long> values = new ArrayList<>(row.values().size());
		String rating = null;
		for (int i = 0; i < row.values().size(); i++) {
			String value = row.values().get(i);
			values.add(value.isEmpty() ? null : Long.valueOf(value));
			if (names.get(i).startsWith("F03_") && "1".equals(value)) {
				rating = names.get(i).substring(4);
			}
		}
		return new ReturnRow(id.get(0), id.get(1), provinceName(emptyToNull(id.get(2))),
				sectorName(emptyToNull(id.get(3))), industryName(id.get(4)), id.get(6), values, rating);
	}

	private static String emptyToNull(String text) {
		return (text == null || text.isEmpty()) ? null : text;
	}

}
