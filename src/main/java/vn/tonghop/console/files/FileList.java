package vn.tonghop.console.files;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.tonghop.console.NotFound;
import vn.tonghop.console.Scope;
import vn.tonghop.console.year.InScope;
import vn.tonghop.normalise.Province;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.store.FileStatuses;
import vn.tonghop.validate.RuleBook;

/**
 * The files of a year as {@code files.csv} lists them ({@link FileStatuses}, the same
 * lines in the same order: by path), those of the user's scope, filtered by status,
 * province, rule and a search of the union's code or name (or the path), a page at a
 * time. The counts by status are those of the files that pass the other filters, so that
 * without filters they are the year page's.
 */
@Component
class FileList {

	/** Files on a page. */
	static final int PAGE = 50;

	private static final Pattern PROVINCE = Pattern.compile("\\d{2}");

	private final FileStatuses files;

	private final ProvinceResolver provinces;

	private final RuleBook rules;

	private final JdbcTemplate jdbc;

	FileList(FileStatuses files, ProvinceResolver provinces, RuleBook rules, JdbcTemplate jdbc) {
		this.files = files;
		this.provinces = provinces;
		this.rules = rules;
		this.jdbc = jdbc;
	}

	/**
	 * What the list is filtered by; each may be null.
	 *
	 * @param status a status as files.csv writes it ({@code accepted}, ...)
	 * @param province a province's 2025 code, one of the scope's
	 * @param rule a rule code: the files with a finding of it
	 * @param q part of a union's code or name, or of the file's path
	 */
	record Filter(String status, String province, String rule, String q) {

		Filter {
			status = blankToNull(status);
			province = blankToNull(province);
			rule = (blankToNull(rule) != null) ? rule.strip().toUpperCase(Locale.ROOT) : null;
			q = blankToNull(q);
		}

		private static String blankToNull(String text) {
			return (text == null || text.isBlank()) ? null : text.strip();
		}

	}

	/**
	 * A file of the list.
	 *
	 * @param id the intake log row of its latest look: its page's id
	 * @param unionCode the union of its first return, or "" when it has none
	 * @param returns how many returns it holds
	 */
	record Item(long id, String sourceFile, String status, String reason, String unionCode, String unionName,
			int returns, String province) {
	}

	/**
	 * A page of the list.
	 *
	 * @param counts files by status (every status, in the order of files.csv's statuses)
	 * passing the filters but the status
	 * @param total files passing every filter
	 * @param page the page shown, from 1
	 */
	record Listing(List<Item> items, Map<String, Long> counts, long total, int page, int pages) {

		public long all() {
			return this.counts.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/** The provinces the list may be filtered by: the scope's. */
	List<Province> provinces(Scope scope) {
		return this.provinces.all().stream().filter((province) -> scope.allows(province.code())).toList();
	}

	/** The rules the list may be filtered by. */
	List<String> rules() {
		return List.copyOf(this.rules.codes());
	}

	Listing list(int year, Scope scope, Filter filter, int page) {
		Set<Long> withRule = (filter.rule() != null) ? withRule(year, filter.rule()) : null;
		Set<Long> found = (filter.q() != null) ? withUnion(year, filter.q()) : null;
		String q = (filter.q() != null) ? filter.q().toLowerCase(Locale.ROOT) : null;
		String status = status(filter.status());
		Map<String, Long> counts = new LinkedHashMap<>();
		for (FileStatuses.Status each : FileStatuses.Status.values()) {
			counts.put(each.csv(), 0L);
		}
		int first = (Math.max(page, 1) - 1) * PAGE;
		List<FileStatuses.Row> shown = new ArrayList<>();
		long[] total = { 0 };
		this.files.ofYear(year, returns(scope, filter.province()), (row) -> {
			Long submission = row.submission();
			if (withRule != null && (submission == null || !withRule.contains(submission))) {
				return;
			}
			if (q != null && (submission == null || !found.contains(submission))
					&& !row.line().sourceFile().toLowerCase(Locale.ROOT).contains(q)) {
				return;
			}
			counts.merge(row.line().status().csv(), 1L, Long::sum);
			if (status != null && !status.equals(row.line().status().csv())) {
				return;
			}
			if (total[0] >= first && shown.size() < PAGE) {
				shown.add(row);
			}
			total[0]++;
		});
		int pages = (int) Math.max(1, (total[0] + PAGE - 1) / PAGE);
		return new Listing(items(shown), Collections.unmodifiableMap(counts), total[0], Math.max(page, 1), pages);
	}

	/** The scope's condition on the returns, narrowed to a province of it when asked. */
	private String returns(Scope scope, String province) {
		String returns = InScope.returns(scope);
		if (province == null) {
			return returns;
		}
		if (!PROVINCE.matcher(province).matches() || this.provinces.byCode(province).isEmpty()
				|| !scope.allows(province)) {
			throw new NotFound("tỉnh " + province);
		}
		// two digits, checked: written as a literal, as Scope writes its own
		String only = "r.province_code = '" + province + "'";
		return (returns != null) ? returns + " AND " + only : only;
	}

	private static String status(String status) {
		if (status == null) {
			return null;
		}
		for (FileStatuses.Status each : FileStatuses.Status.values()) {
			if (each.csv().equals(status)) {
				return status;
			}
		}
		throw new NotFound("tình trạng " + status);
	}

	/** The year's submissions with a finding of {@code rule}. */
	private Set<Long> withRule(int year, String rule) {
		if (!this.rules.codes().contains(rule)) {
			throw new NotFound("quy tắc " + rule);
		}
		return new HashSet<>(this.jdbc.queryForList(
				"SELECT DISTINCT f.submission_id FROM finding f"
						+ " JOIN submission s ON s.id = f.submission_id WHERE s.report_year = ? AND f.rule = ?",
				Long.class, year, rule));
	}

	/** The year's submissions with a return whose union code or name holds {@code q}. */
	private Set<Long> withUnion(int year, String q) {
		String like = "%" + q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
				+ "%";
		return new HashSet<>(this.jdbc.queryForList("SELECT DISTINCT r.submission_id FROM return_record r"
				+ " WHERE r.report_year = ? AND (LOWER(r.union_code) LIKE ? ESCAPE '\\'"
				+ " OR LOWER(r.union_name) LIKE ? ESCAPE '\\')", Long.class, year, like, like));
	}

	/** The page's files with the union of each one's first return. */
	private List<Item> items(List<FileStatuses.Row> rows) {
		List<Long> ids = rows.stream().map(FileStatuses.Row::submission).filter((id) -> id != null).distinct().toList();
		Map<Long, List<String[]>> unions = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.query(
					"SELECT r.submission_id, r.union_code, r.union_name, r.province_code FROM return_record r"
							+ " WHERE r.submission_id IN ("
							+ ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + ") ORDER BY r.id",
					(rs) -> {
						unions.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
							.add(new String[] { rs.getString(2), rs.getString(3), rs.getString(4) });
					});
		}
		List<Item> items = new ArrayList<>(rows.size());
		for (FileStatuses.Row row : rows) {
			List<String[]> of = (row.submission() != null) ? unions.getOrDefault(row.submission(), List.of())
					: List.of();
			String[] first = of.isEmpty() ? new String[] { "", "", null } : of.get(0);
			items.add(new Item(row.logId(), row.line().sourceFile(), row.line().status().csv(), row.line().reason(),
					(first[0] != null) ? first[0].strip() : "", (first[1] != null) ? first[1] : "", of.size(),
					provinceName(first[2])));
		}
		return items;
	}

	private String provinceName(String code) {
		if (code == null || code.isBlank()) {
			return "";
		}
		return this.provinces.byCode(code.strip()).map(Province::name).orElse(code.strip());
	}

}
