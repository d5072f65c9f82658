package vn.tonghop.rollup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.normalise.Province;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.Sector;
import vn.tonghop.normalise.SectorResolver;
import vn.tonghop.normalise.TextFold;
import vn.tonghop.registry.RegistryStore;
import vn.tonghop.store.HeaderCells;
import vn.tonghop.store.CheckedReturns;
import vn.tonghop.store.StoredValues;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.RuleBook;

/**
 * The findings that depend on other data than the return itself, made when a year is
 * consolidated, because the registry or last year's returns may arrive after the return:
 * W03 (union not in the registry), W08 (name, province or sector disagree with the
 * registry) and W05 (members changed by more than half against the union's previous
 * year). They are recomputed on every consolidation, so a corrected registry takes
 * effect.
 */
public class CrossChecks {

	static final List<String> RULES = List.of("W03", "W05", "W08");

	private final JdbcTemplate jdbc;

	private final RuleBook rules;

	private final Messages messages;

	private final ProvinceResolver provinces;

	private final SectorResolver sectors;

	public CrossChecks(JdbcTemplate jdbc, RuleBook rules, Messages messages, ProvinceResolver provinces,
			SectorResolver sectors) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.messages = messages;
		this.provinces = provinces;
		this.sectors = sectors;
	}

	private record Registered(String name, String provinceCode, String sectorCode) {
	}

	/**
	 * Deletes the W03, W05 and W08 findings of year {@code ?}'s returns. Each finding's
	 * return is looked up by its key: written as
	 * {@code return_id IN (SELECT id ... year)}, H2 made the set of the year's return ids
	 * and kept it with the statement it caches for the connection, 16 MB at 150,000
	 * returns held for the rest of the run.
	 */
	public static final String DELETE_STALE = "DELETE FROM finding f WHERE f.rule IN ('W03', 'W05', 'W08')"
			+ " AND EXISTS (SELECT 1 FROM return_record r WHERE r.id = f.return_id AND r.report_year = ?)";

	/** Replaces the year's W03, W05 and W08 findings; returns how many there are now. */
	public long recompute(int year) {
		this.jdbc.update(DELETE_STALE, year);
		List<Object[]> findings = new ArrayList<>();
		Map<String, Registered> registry = new HashMap<>();
		this.jdbc.query(RegistryStore.CURRENT, (rs) -> {
			registry.put(rs.getString("union_code"), new Registered(rs.getString("union_name"),
					trim(rs.getString("province_code")), rs.getString("sector_code")));
		}, year);
		if (!registry.isEmpty()) {
			this.jdbc.query("SELECT id, submission_id, sheet, union_code, union_name, province_written, province_code,"
					+ " sector_written, sector_code, header_cells FROM return_record"
					+ " WHERE report_year = ? AND superseded_by IS NULL AND union_code <> ''", (rs) -> {
						String code = rs.getString("union_code");
						Map<String, String> cells = HeaderCells.parse(rs.getString("header_cells"));
						Object[] where = { rs.getLong("submission_id"), rs.getLong("id"), rs.getString("sheet"), code };
						Registered registered = registry.get(code);
						if (registered == null) {
							findings.add(finding(where, cells.get("union_code"), "W03", "W03", code, year));
							return;
						}
						String name = rs.getString("union_name");
						if (registered.name() != null && !registered.name().isBlank()
								&& !TextFold.fold(registered.name()).equals(TextFold.fold(name))) {
							findings.add(finding(where, cells.get("union_name"), "W08", "W08.union_name", name,
									registered.name()));
						}
						String province = trim(rs.getString("province_code"));
						if (registered.provinceCode() != null && province != null
								&& !registered.provinceCode().equals(province)) {
							findings.add(finding(where, cells.get("province"), "W08", "W08.province",
									rs.getString("province_written"), provinceName(registered.provinceCode())));
						}
						String sector = rs.getString("sector_code");
						if (registered.sectorCode() != null && sector != null
								&& !registered.sectorCode().equals(sector)) {
							findings.add(finding(where, cells.get("sector"), "W08", "W08.sector",
									rs.getString("sector_written"), sectorName(registered.sectorCode())));
						}
					}, year);
		}
		CheckedReturns checked = new CheckedReturns(this.jdbc);
		this.jdbc.query("SELECT r.id, r.submission_id, r.sheet, r.union_code, " + CheckedReturns.columns("r", "ck_")
				+ ", " + CheckedReturns.columns("p", "pk_")
				+ " FROM return_record r JOIN return_record p ON p.report_year = ?"
				+ " AND p.union_code = r.union_code AND p.accepted AND p.superseded_by IS NULL"
				+ " WHERE r.report_year = ? AND r.superseded_by IS NULL AND r.union_code <> ''", (rs) -> {
					StoredValues.Value current = CheckedReturns.find(checked.values(rs, "ck_"), "A02");
					StoredValues.Value previous = CheckedReturns.find(checked.values(rs, "pk_"), "A02");
					if (current == null || current.total() == null || previous == null || previous.total() == null
							|| previous.total() <= 0) {
						return;
					}
					long now = current.total();
					long before = previous.total();
					BigDecimal change = BigDecimal.valueOf(now - before)
						.divide(BigDecimal.valueOf(before), 4, RoundingMode.HALF_UP);
					if (change.abs().compareTo(new BigDecimal("0.5")) > 0) {
						Object[] where = { rs.getLong("submission_id"), rs.getLong("id"), rs.getString("sheet"),
								rs.getString("union_code") };
						String percent = ((change.signum() > 0) ? "+" : "")
								+ change.movePointRight(2).setScale(0, RoundingMode.HALF_UP).toPlainString() + "%";
						findings.add(finding(where, current.totalCell(), "W05", "W05", now, before, percent, year - 1));
					}
				}, year - 1, year);
		if (!findings.isEmpty()) {
			this.jdbc
				.batchUpdate("INSERT INTO finding (submission_id, return_id, sheet, cell, union_code, rule, severity,"
						+ " message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", findings);
		}
		return findings.size();
	}

	private Object[] finding(Object[] where, String cell, String rule, String key, Object... args) {
		return new Object[] { where[0], where[1], where[2], (cell != null) ? cell : "", where[3], rule,
				this.rules.severity(rule).csv(), this.messages.format(key, args) };
	}

	private String provinceName(String code) {
		return this.provinces.byCode(code).map(Province::name).orElse(code);
	}

	private String sectorName(String code) {
		return this.sectors.byCode(code).map(Sector::name).orElse(code);
	}

	private static String trim(String text) {
		return (text != null) ? text.strip() : null;
	}

}
