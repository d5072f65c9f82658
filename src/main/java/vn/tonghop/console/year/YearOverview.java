package vn.tonghop.console.year;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.console.Scope;
import vn.tonghop.job.RunHistory;
import vn.tonghop.job.RunLock;
import vn.tonghop.normalise.Province;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.Sector;
import vn.tonghop.normalise.SectorResolver;
import vn.tonghop.report.CsvReports;
import vn.tonghop.rollup.Completeness;
import vn.tonghop.serve.ServeSettings;
import vn.tonghop.store.FileStatuses;
import vn.tonghop.template.RuleMeanings;
import vn.tonghop.validate.RuleBook;

/**
 * What the year's page shows, for a user's scope, each count from the batch core's class
 * that counts it for the outputs: files and returns as {@code files.csv} and the summary
 * ({@link FileStatuses}), unions as {@code completeness.csv} ({@link Completeness}),
 * findings as {@code issues.csv} ({@link CsvReports#issuesByRule}); the last runs from
 * the job repository ({@link RunHistory}) and the next from the schedule.
 */
@Component
class YearOverview {

	/** How many of the missing unions the page lists; missing.csv has them all. */
	static final int MISSING_SHOWN = 50;

	private final FileStatuses files;

	private final Completeness completeness;

	private final CsvReports reports;

	private final ProvinceResolver provinces;

	private final SectorResolver sectors;

	private final RuleBook rules;

	private final RuleMeanings meanings;

	private final ServeSettings settings;

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	YearOverview(FileStatuses files, Completeness completeness, CsvReports reports, ProvinceResolver provinces,
			SectorResolver sectors, RuleBook rules, IndicatorCatalogue catalogue, ServeSettings settings,
			JdbcTemplate jdbc, DataSource dataSource) {
		this.files = files;
		this.completeness = completeness;
		this.reports = reports;
		this.provinces = provinces;
		this.sectors = sectors;
		this.rules = rules;
		this.meanings = RuleMeanings.vietnamese(catalogue, rules);
		this.settings = settings;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** A file status with its count, as files.csv writes the status. */
	record StatusCount(String status, long files) {
	}

	/** A rule's findings, with what the rule checks. */
	record RuleLine(String rule, String severity, long findings, String meaning) {
	}

	/**
	 * A union of the registry that sent nothing, with its province's and sector's names.
	 */
	record Missing(String unionCode, String unionName, String provinceCode, String provinceName, String sector) {
	}

	/**
	 * A past run: which job, when, and how it ended ({@code state}: a batch status, or
	 * {@code RUNNING}, {@code INTERRUPTED}).
	 */
	record Run(String job, LocalDateTime started, LocalDateTime ended, String state, String failure) {
	}

	/**
	 * The page's content.
	 *
	 * @param provinceLines the completeness lines of the provinces with a union expected
	 * or received
	 * @param deadlineLines the completeness lines of every province in scope, with its
	 * deadline and its unions on time and late
	 * @param missing the first {@link #MISSING_SHOWN} missing unions
	 * @param missingCount how many are missing
	 * @param next the next scheduled run, or null when the schedule has none
	 */
	record Overview(int year, List<StatusCount> fileStatuses, long totalFiles, FileStatuses.ReturnCounts returns,
			Completeness.Report completeness, List<Completeness.Line> provinceLines,
			List<Completeness.Line> deadlineLines, List<Missing> missing, long missingCount, List<RuleLine> findings,
			Run lastIngest, Run lastConsolidation, ZonedDateTime next) {
	}

	Overview of(int year, Scope scope, Locale locale) {
		String returns = InScope.returns(scope);
		FileStatuses.YearCounts counts = this.files.countYear(year, returns);
		List<StatusCount> statuses = new ArrayList<>();
		counts.files().forEach((status, n) -> statuses.add(new StatusCount(status.csv(), n)));
		Completeness.Report report = this.completeness.report(year, scope.toProvinceScope());
		List<Completeness.Line> lines = report.byProvince()
			.stream()
			.filter((line) -> (line.expected() != null && line.expected() > 0) || line.received() > 0)
			.toList();
		// the provinces the tool knows, not the line of unions of none
		List<Completeness.Line> deadlineLines = report.byProvince()
			.stream()
			.filter((line) -> !line.code().isEmpty())
			.toList();
		List<Missing> missing = report.missing().stream().limit(MISSING_SHOWN).map(this::missing).toList();
		boolean vietnamese = !"en".equals(locale.getLanguage());
		Map<String, String> meaning = this.meanings.of(year);
		List<RuleLine> findings = this.reports.issuesByRule(year, returns)
			.stream()
			.map((count) -> new RuleLine(count.rule(), count.severity().toUpperCase(Locale.ROOT), count.findings(),
					vietnamese ? meaning.getOrDefault(count.rule(), "") : this.rules.summary(count.rule())))
			.toList();
		List<RunHistory.Line> runs = new RunHistory(this.jdbc).lines(20);
		boolean running = running();
		return new Overview(year, statuses, counts.totalFiles(), counts.returns(), report, lines, deadlineLines,
				missing, report.missing().size(), findings, last(runs, RunHistory.INGEST_JOB, running),
				last(runs, RunHistory.CONSOLIDATE_JOB, running), next());
	}

	/** Every missing union of the year in scope, for missing.csv. */
	List<Missing> missing(int year, Scope scope) {
		return this.completeness.report(year, scope.toProvinceScope()).missing().stream().map(this::missing).toList();
	}

	/** Whether a registry of the year is loaded. */
	boolean registryLoaded(int year) {
		Long load = this.jdbc.queryForObject("SELECT MAX(id) FROM registry_load WHERE report_year = ?", Long.class,
				year);
		return load != null;
	}

	private Missing missing(Completeness.MissingUnion union) {
		String province = (union.provinceCode() != null)
				? this.provinces.byCode(union.provinceCode()).map(Province::name).orElse(union.provinceCode()) : "";
		String sector = (union.sectorCode() != null)
				? this.sectors.byCode(union.sectorCode()).map(Sector::name).orElse(union.sectorCode()) : "";
		return new Missing(union.unionCode(), (union.unionName() != null) ? union.unionName() : "",
				(union.provinceCode() != null) ? union.provinceCode() : "", province, sector);
	}

	private static Run last(List<RunHistory.Line> runs, String job, boolean running) {
		for (RunHistory.Line line : runs) {
			if (job.equals(line.jobName())) {
				String state = line.unfinished() ? (running ? "RUNNING" : "INTERRUPTED") : line.status();
				return new Run(job, line.startTime(), line.endTime(), state, line.failure());
			}
		}
		return null;
	}

	private boolean running() {
		try {
			return RunLock.held(this.dataSource);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private ZonedDateTime next() {
		return CronExpression.parse(this.settings.cron()).next(ZonedDateTime.now(this.settings.zone()));
	}

}
