package vn.tonghop.report.workbook;

/**
 * A provincial federation's own view: its province's returns by upper-level union. The
 * workbook then shows this roll-up and its ratings in place of the 34-province sheets,
 * and its {@link WorkbookInput#bySector()} and {@link WorkbookInput#byIndustry()} are the
 * province's.
 *
 * @param description which view it is, e.g. "Tổng hợp của LĐLĐ tỉnh Đồng Nai: theo công
 * đoàn cấp trên trực tiếp"
 * @param outside the accepted returns of other provinces, left out of these tables
 * @param note what became of them, a sentence, or {@code null} when there were none
 * @param byParentUnion one group per upper-level union (keys: the key its spellings
 * share, "" for the unions reporting straight to the federation; names: its name), with
 * the province's total
 * @param previousByParentUnion the same for the previous year, matched by key, or
 * {@code null}
 */
public record FederationView(String description, long outside, String note, Table byParentUnion,
		Table previousByParentUnion) {

}
