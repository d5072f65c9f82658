package vn.tonghop.report.workbook;

import java.util.List;

/**
 * Everything the analysts' workbook {@code tong-hop-thi-dua-Y.xlsx} shows, already rolled
 * up. The writer computes nothing but rates and changes, and those from the sums given
 * here.
 *
 * @param year the year consolidated
 * @param previousYear the year compared with (normally {@code year - 1}), {@code null}
 * when it is not stored; the three {@code previous…} tables are then {@code null} too
 * @param run how the run went, for the "Thông tin" sheet
 * @param columns the indicator column names ({@code IndicatorColumns.names()}), in order;
 * every {@link Group#values()} and {@link ReturnRow#values()} has one value per column,
 * in this order, and so have the previous year's tables
 * @param byProvince one group per province (keys: province code), with a total
 * @param bySector one group per sector (keys: sector code), with a total
 * @param byProvinceSector one group per province and sector with returns (keys: province
 * code, sector code); its total may be {@code null}, the writer then adds the rows up
 * @param byIndustry one group per industry (keys: industry code, empty when not given),
 * with a total
 * @param previousByProvince the same as {@code byProvince} for the previous year, or
 * {@code null}
 * @param previousBySector the same as {@code bySector} for the previous year, or
 * {@code null}
 * @param previousByIndustry the same as {@code byIndustry} for the previous year, or
 * {@code null}
 * @param completeness expected and received returns
 * @param missing the registered unions without an accepted return (empty without a
 * registry)
 * @param findings every finding of the year; may be large, it is read once, in order
 * @param returns every accepted return; may be large, it is read once, in order
 * @param federation a provincial federation's own view, or {@code null} for a national
 * consolidation
 */
public record WorkbookInput(int year, Integer previousYear, RunInfo run, List<String> columns, Table byProvince,
		Table bySector, Table byProvinceSector, Table byIndustry, Table previousByProvince, Table previousBySector,
		Table previousByIndustry, Completeness completeness, List<MissingUnion> missing, Iterable<FindingRow> findings,
		Iterable<ReturnRow> returns, FederationView federation) {

	/** A national consolidation. */
	public WorkbookInput(int year, Integer previousYear, RunInfo run, List<String> columns, Table byProvince,
			Table bySector, Table byProvinceSector, Table byIndustry, Table previousByProvince, Table previousBySector,
			Table previousByIndustry, Completeness completeness, List<MissingUnion> missing,
			Iterable<FindingRow> findings, Iterable<ReturnRow> returns) {
		this(year, previousYear, run, columns, byProvince, bySector, byProvinceSector, byIndustry, previousByProvince,
				previousBySector, previousByIndustry, completeness, missing, findings, returns, null);
	}

	/** The roll-up whose total is the workbook's: by upper-level union or by province. */
	public Table headline() {
		return (this.federation != null) ? this.federation.byParentUnion() : this.byProvince;
	}

	/** The same for the previous year, or {@code null}. */
	public Table previousHeadline() {
		return (this.federation != null) ? this.federation.previousByParentUnion() : this.previousByProvince;
	}

	/** The previous year's figures are there to compare with. */
	public boolean hasPreviousYear() {
		return this.previousYear != null;
	}

}
