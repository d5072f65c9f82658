package vn.tonghop.report.workbook;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.rollup.IndicatorColumns;

/**
 * Hand-made workbook inputs: two provinces with returns and one without, three sectors,
 * two industries (one not given), the previous year present or absent, the registry
 * loaded or not.
 */
final class TestInputs {

	static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.load();

	static final List<String> COLUMNS = new IndicatorColumns(CATALOGUE).names();

	static final String HOSTILE_NAME = "=HYPERLINK(\"http://x\",\"bấm\")";

	private TestInputs() {
	}

	/** Hà Nội: A02/A01 = 0.8; Hồ Chí Minh: 0.7; both: 2900/4000 = 0.725, not 0.75. */
	static final Group HA_NOI = group(List.of("01"), List.of("Hà Nội"), 3,
			Map.ofEntries(Map.entry("A01", 1000L), Map.entry("A01_nu", 400L), Map.entry("A02", 800L),
					Map.entry("A02_nu", 360L), Map.entry("B02", 500L), Map.entry("B03", 60L), Map.entry("C01", 20L),
					Map.entry("C03", 5L), Map.entry("F01", 10L), Map.entry("F02", 8L), Map.entry("E06", 7_500_000_000L),
					Map.entry("F03_HTXSNV", 1L), Map.entry("F03_HTTNV", 2L), Map.entry("F03_HTNV", 0L),
					Map.entry("F03_KHTNV", 0L), Map.entry("F04", 2L)));

	static final Group HO_CHI_MINH = group(List.of("79"), List.of("Hồ Chí Minh"), 2,
			Map.ofEntries(Map.entry("A01", 3000L), Map.entry("A01_nu", 1500L), Map.entry("A02", 2100L),
					Map.entry("A02_nu", 1300L), Map.entry("B02", 1200L), Map.entry("B03", 100L), Map.entry("C01", 0L),
					Map.entry("C03", 0L), Map.entry("F03_HTXSNV", 0L), Map.entry("F03_HTTNV", 1L),
					Map.entry("F03_HTNV", 1L), Map.entry("F03_KHTNV", 0L), Map.entry("F04", 1L)));

	static final Group CAO_BANG = group(List.of("04"), List.of("Cao Bằng"), 0, Map.of());

	static final Group TOTAL = group(List.of("TOTAL"), List.of("Tổng cộng"), 5,
			Map.ofEntries(Map.entry("A01", 4000L), Map.entry("A01_nu", 1900L), Map.entry("A02", 2900L),
					Map.entry("A02_nu", 1660L), Map.entry("B02", 1700L), Map.entry("B03", 160L), Map.entry("C01", 20L),
					Map.entry("C03", 5L), Map.entry("F01", 10L), Map.entry("F02", 8L), Map.entry("E06", 7_500_000_000L),
					Map.entry("F03_HTXSNV", 1L), Map.entry("F03_HTTNV", 3L), Map.entry("F03_HTNV", 1L),
					Map.entry("F03_KHTNV", 0L), Map.entry("F04", 3L)));

	static final Table BY_PROVINCE = new Table(List.of(HA_NOI, CAO_BANG, HO_CHI_MINH), TOTAL);

	static final Table PREVIOUS_BY_PROVINCE = new Table(
			List.of(group(List.of("01"), List.of("Hà Nội"), 2,
					Map.of("A01", 900L, "A02", 700L, "B02", 450L, "B03", 50L)),
					group(List.of("04"), List.of("Cao Bằng"), 1, Map.of("A01", 50L, "A02", 40L, "B02", 10L, "B03", 0L)),
					group(List.of("79"), List.of("Hồ Chí Minh"), 2,
							Map.of("A01", 3000L, "A02", 2000L, "B02", 1000L, "B03", 100L))),
			group(List.of("TOTAL"), List.of("Tổng cộng"), 5, Map.of("A01", 3950L, "A02", 2740L, "B02", 1460L, "B03",
					150L, "F03_HTXSNV", 2L, "F03_HTTNV", 2L, "F03_HTNV", 1L, "F03_KHTNV", 0L)));

	static final Table BY_SECTOR = new Table(List.of(
			group(List.of("HCSN"), List.of("Hành chính, sự nghiệp"), 2, Map.of("A01", 700L, "A02", 600L)),
			group(List.of("NNN"), List.of("Doanh nghiệp ngoài nhà nước"), 3, Map.of("A01", 3300L, "A02", 2300L))),
			TOTAL);

	static final Table PREVIOUS_BY_SECTOR = new Table(
			List.of(group(List.of("HCSN"), List.of("Hành chính, sự nghiệp"), 2, Map.of("A01", 650L, "A02", 500L))),
			group(List.of("TOTAL"), List.of("Tổng cộng"), 2, Map.of("A01", 650L, "A02", 500L)));

	/** No total: the writer adds the rows up. */
	static final Table BY_PROVINCE_SECTOR = new Table(List.of(
			group(List.of("01", "HCSN"), List.of("Hà Nội", "Hành chính, sự nghiệp"), 2,
					Map.of("A01", 700L, "A02", 600L)),
			group(List.of("01", "NNN"), List.of("Hà Nội", "Doanh nghiệp ngoài nhà nước"), 1,
					Map.of("A01", 300L, "A02", 200L)),
			group(List.of("79", "NNN"), List.of("Hồ Chí Minh", "Doanh nghiệp ngoài nhà nước"), 2,
					Map.of("A01", 3000L, "A02", 2100L, "B07", 4L))),
			null);

	static final Table BY_INDUSTRY = new Table(
			List.of(group(List.of("C"), List.of("Công nghiệp chế biến, chế tạo"), 3, Map.of("A01", 3300L)),
					group(List.of(""), List.of(""), 2, Map.of("A01", 700L))),
			TOTAL);

	static final Completeness WITH_REGISTRY = new Completeness(
			List.of(new CompletenessRow("01", "Hà Nội", 4L, 4, 3, 1, 1L),
					new CompletenessRow("04", "Cao Bằng", 2L, 0, 0, 0, 2L),
					new CompletenessRow("79", "Hồ Chí Minh", 2L, 2, 2, 0, 0L)),
			List.of(new CompletenessRow("HCSN", "Hành chính, sự nghiệp", 5L, 3, 2, 1, 3L),
					new CompletenessRow("NNN", "Doanh nghiệp ngoài nhà nước", 3L, 3, 3, 0, 0L)),
			new CompletenessRow("TOTAL", "Tổng cộng", 8L, 6, 5, 1, 3L), true);

	static final Completeness WITHOUT_REGISTRY = new Completeness(
			List.of(new CompletenessRow("01", "Hà Nội", null, 4, 3, 1, null),
					new CompletenessRow("79", "Hồ Chí Minh", null, 2, 2, 0, null)),
			List.of(new CompletenessRow("NNN", "Doanh nghiệp ngoài nhà nước", null, 6, 5, 1, null)),
			new CompletenessRow("TOTAL", "Tổng cộng", null, 6, 5, 1, null), false);

	static final List<MissingUnion> MISSING = List.of(
			new MissingUnion("CB-001", "CĐCS Trường THPT Hòa An", "Cao Bằng", "Hành chính, sự nghiệp"),
			new MissingUnion("CB-002", HOSTILE_NAME, "Cao Bằng", "Hành chính, sự nghiệp"),
			new MissingUnion("HN-009", "CĐCS Công ty TNHH May Đông Anh", "Hà Nội", "Doanh nghiệp ngoài nhà nước"));

	static final List<FindingRow> FINDINGS = List.of(
			new FindingRow("2026/hn/dong-anh.xlsx", "BaoCao", "D21", "HN-004", "R11", "error",
					"Số Chiến sĩ thi đua (70) lớn hơn số Lao động tiên tiến (60)"),
			new FindingRow("2026/hcm/=cmd.xlsx", null, null, null, "W07", "warning", "=SUM(A1:A9)"),
			new FindingRow("2026/hn/ba-vi.xls", "Sheet1", "C9", "HN-002", "W04", "warning",
					"Giá trị \"trên 30\" được đọc là 30"));

	static final RunInfo RUN = new RunInfo(LocalDateTime.of(2027, 1, 15, 8, 30), 8, 5, 2, "0.1.0-test", "H2 ./data",
			null);

	/** Previous year present, registry loaded. */
	static WorkbookInput full() {
		return new WorkbookInput(2026, 2025, RUN, COLUMNS, BY_PROVINCE, BY_SECTOR, BY_PROVINCE_SECTOR, BY_INDUSTRY,
				PREVIOUS_BY_PROVINCE, PREVIOUS_BY_SECTOR, null, WITH_REGISTRY, MISSING, FINDINGS, returns(5));
	}

	/** No previous year, no registry. */
	static WorkbookInput bare() {
		return new WorkbookInput(2026, null, RUN, COLUMNS, BY_PROVINCE, BY_SECTOR, BY_PROVINCE_SECTOR, BY_INDUSTRY,
				null, null, null, WITHOUT_REGISTRY, List.of(), FINDINGS, returns(5));
	}

	static WorkbookInput withReturns(Iterable<ReturnRow> returns) {
		return new WorkbookInput(2026, 2025, RUN, COLUMNS, BY_PROVINCE, BY_SECTOR, BY_PROVINCE_SECTOR, BY_INDUSTRY,
				PREVIOUS_BY_PROVINCE, PREVIOUS_BY_SECTOR, null, WITH_REGISTRY, MISSING, FINDINGS, returns);
	}

	static Group group(List<String> keys, List<String> names, long returns, Map<String, Long> values) {
		List<Long> list = new ArrayList<>();
		for (String column : COLUMNS) {
			list.add(values.get(column));
		}
		return new Group(keys, names, returns, list);
	}

	/** The n-th return: union HN-00000n; its A01 is 100 + n, its A02 is missing. */
	static ReturnRow returnRow(int n) {
		List<Long> values = new ArrayList<>();
		for (String column : COLUMNS) {
			Long value = null;
			if (column.equals("A01")) {
				value = 100L + n;
			}
			else if (column.equals("F03_HTTNV")) {
				value = 1L;
			}
			values.add(value);
		}
		String name = (n == 0) ? HOSTILE_NAME : "CĐCS Công ty số " + n;
		return new ReturnRow(String.format("HN-%06d", n), name, "Hà Nội", "Doanh nghiệp ngoài nhà nước", null,
				"2026/hn/" + n + ".xlsx", values, "HTTNV");
	}

	/** {@code count} returns made one at a time, as a database cursor would give them. */
	static Iterable<ReturnRow> returns(int count) {
		return () -> new Iterator<>() {

			private int next;

			@Override
			public boolean hasNext() {
				return this.next < count;
			}

			@Override
			public ReturnRow next() {
				return returnRow(this.next++);
			}

		};
	}

}
