package vn.tonghop.rollup;

import vn.tonghop.normalise.Province;

/**
 * A provincial federation's own view of a year: its province's returns rolled up by
 * upper-level union ({@code by-parent-union.csv}), by sector and by industry, where the
 * 34-province tables of a national consolidation mean nothing.
 *
 * @param province the federation's province
 * @param named the setting {@code tonghop.federation.province} named it (otherwise every
 * accepted return of the year lies in it)
 * @param returns the province's accepted returns of the year
 * @param outside the year's accepted returns of other provinces (or of none): they stay
 * in the national CSVs and are left out of the federation's own tables
 */
public record ProvincialView(Province province, boolean named, long returns, long outside) {

	/** "LĐLĐ tỉnh Đồng Nai". */
	public String federation() {
		return ParentUnions.federation(this.province);
	}

	/** Which view it is, for the summary, the information sheet and the log. */
	public String description() {
		return "Tổng hợp của " + federation() + ": theo công đoàn cấp trên trực tiếp";
	}

	/**
	 * What became of the other provinces' returns, or {@code null} when there were none.
	 */
	public String outsideNote() {
		if (this.outside == 0) {
			return null;
		}
		return this.outside + " báo cáo được chấp nhận không thuộc " + this.province.name()
				+ " không tính vào các bảng của " + federation()
				+ " (vẫn có trong returns.csv, by-province.csv và các tệp CSV toàn quốc khác)";
	}

}
