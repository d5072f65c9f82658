package vn.tonghop.cli;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24, item 7: every count has one meaning (README, "What the counts mean"), and the
 * console's summaries, the workbook's sheets, completeness.csv, files.csv, returns.csv
 * and issues.csv give the same number for it. Before, one run on the samples printed
 * "chấp nhận 16" (superseded returns among them) beside "Báo cáo được tổng hợp: 15", the
 * workbook said 25 files read (its submissions) where files.csv listed 26, and with a
 * registry "received" counted unions not in it. Item 13: every CSV begins with a UTF-8
 * byte order mark. Item 8: a run that finds nothing new says so in one line.
 */
class CountsAgreeIntegrationTests {

	static final Path SAMPLES = InputSamplesIntegrationTests.SAMPLES.resolve("2026");

	@TempDir
	Path work;

	Runs.Result run() {
		return Runs.tonghop("run", "--input", SAMPLES.toString(), "--year", "2026", "--output",
				this.work.resolve("output").toString(), "--data-dir", this.work.resolve("data").toString());
	}

	Path year() {
		return this.work.resolve("output/2026");
	}

	@Test
	void everyCountAgreesOnTheSamplesWithoutARegistry() throws Exception {
		Runs.Result result = run();
		assertThat(result.status()).as(result.err()).isZero();

		Counts counts = agree(result.out(), false);

		// input-samples/2026: 26 files, one a copy of another; 25 returns, one
		// superseded by its union's second, nine rejected (one of them without a union
		// code, so no union's); 23 unions, 8 of them with only a rejected return
		assertThat(counts.files).containsExactly(Map.entry("accepted", 15L), Map.entry("rejected", 9L),
				Map.entry("superseded", 1L), Map.entry("duplicate", 1L), Map.entry("unreadable", 0L),
				Map.entry("skipped", 0L));
		assertThat(counts.returns).containsExactly(15L, 9L, 1L);
		assertThat(counts.unions).containsExactly(23L, 15L, 8L);
		assertThat(counts.unidentified).isEqualTo(1);
	}

	@Test
	void everyCountAgreesOnTheSamplesWithARegistry() throws Exception {
		// four unions that sent a return (two accepted, two rejected: R05, R04) and two
		// that sent none
		Path registry = this.work.resolve("danh-sach.csv");
		Files.writeString(registry,
				"union_code,union_name,province,sector\n" + "CD680195,Công đoàn Công ty Cà phê Lâm Đồng,68,KHAC\n"
						+ "CD310244,Công đoàn Công ty Cơ khí Thành Công,31,KHAC\n"
						+ "CD480186,Công đoàn Công ty Xây dựng Sông Hàn,48,KHAC\n"
						+ "CD790741,Công đoàn Công ty Giày Việt Glory,79,KHAC\n"
						+ "CD999901,Công đoàn chưa gửi báo cáo số 1,01,KHAC\n"
						+ "CD999902,Công đoàn chưa gửi báo cáo số 2,04,KHAC\n",
				StandardCharsets.UTF_8);
		Runs.Result loaded = Runs.tonghop("registry", "--input", registry.toString(), "--year", "2026", "--data-dir",
				this.work.resolve("data").toString());
		assertThat(loaded.status()).as(loaded.err()).isZero();
		Runs.Result result = run();
		assertThat(result.status()).as(result.err()).isZero();

		Counts counts = agree(result.out(), true);

		// expected, received, accepted, rejected, missing; and the 19 other unions that
		// sent a return, outside the registry, in none of these
		assertThat(counts.unions).containsExactly(6L, 4L, 2L, 2L, 2L);
		assertThat(counts.unlisted).isEqualTo(19);
		assertThat(counts.returns).containsExactly(15L, 9L, 1L);
	}

	@Test
	void aSecondRunOnTheSameFilesSaysInOneLineThatNothingIsNew() throws Exception {
		assertThat(run().status()).isZero();
		byte[] returns = Files.readAllBytes(year().resolve("returns.csv"));

		Runs.Result again = run();

		assertThat(again.status()).as(again.err()).isZero();
		// before: "Tệp đã đọc: 26 (mới 0, trùng 26, …)" and "Tình trạng tệp: …, trùng 1,
		// …"
		// on adjacent lines
		String ingest = again.out().substring(0, again.out().indexOf("== Tổng hợp"));
		assertThat(ingest).contains("== Nhận báo cáo năm 2026 (xong) ==",
				"Không có tệp mới: 26 tệp đều đã nhận trước đây; số liệu như lần trước.");
		assertThat(ingest).doesNotContain("trùng", "Tệp đã đọc", "Tình trạng tệp");
		assertThat(Files.readAllBytes(year().resolve("returns.csv"))).isEqualTo(returns);
		agree(again.out(), false);
	}

	/** What {@link #agree} read, once it checked that every source says the same. */
	record Counts(Map<String, Long> files, List<Long> returns, List<Long> unions, long unlisted, long unidentified) {
	}

	/**
	 * Reads every count from the console, the CSVs and the workbook, and checks that they
	 * agree; returns them.
	 */
	Counts agree(String out, boolean registry) throws Exception {
		for (String csv : List.of("returns.csv", "by-province.csv", "by-sector.csv", "by-province-sector.csv",
				"by-industry.csv", "completeness.csv", "issues.csv", "files.csv")) {
			byte[] bytes = Files.readAllBytes(year().resolve(csv));
			assertThat(bytes).as(csv + " begins with a byte order mark")
				.startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		}
		// files.csv, by status
		Map<String, Long> files = new LinkedHashMap<>();
		for (String status : List.of("accepted", "rejected", "superseded", "duplicate", "unreadable", "skipped")) {
			files.put(status, 0L);
		}
		Runs.column(Runs.csv(year().resolve("files.csv")), "status").forEach((s) -> files.merge(s, 1L, Long::sum));
		long fileCount = files.values().stream().mapToLong(Long::longValue).sum();
		long returnsCsv = Runs.csv(year().resolve("returns.csv")).size() - 1;
		long issuesCsv = Runs.csv(year().resolve("issues.csv")).size() - 1;
		List<String[]> completeness = Runs.csv(year().resolve("completeness.csv"));
		assertThat(completeness.get(0)).containsExactly("province_code", "province_name", "expected", "received",
				"accepted", "rejected", "missing", "deadline", "on_time", "late");
		String[] total = RegistryIntegrationTests.row(completeness, "TOTAL");
		assertThat(RegistryIntegrationTests.row(completeness, "01")[1]).isEqualTo("Hà Nội");
		// the provinces add up to the total
		for (int column = 2; column < 7; column++) {
			long sum = 0;
			for (String[] line : completeness.subList(1, completeness.size() - 1)) {
				sum += line[column].isEmpty() ? 0 : Long.parseLong(line[column]);
			}
			assertThat(Long.toString(sum)).as(completeness.get(0)[column])
				.isEqualTo(total[column].isEmpty() ? "0" : total[column]);
		}

		// the consolidation's summary
		String consolidation = out.substring(out.indexOf("== Tổng hợp năm 2026"));
		Matcher year = find(consolidation,
				"Báo cáo của năm: (\\d+) \\(chấp nhận (\\d+), bị từ chối (\\d+), bị thay thế (\\d+)\\);"
						+ " phát hiện trong issues.csv: (\\d+)");
		List<Long> returns = List.of(n(year, 2), n(year, 3), n(year, 4));
		assertThat(n(year, 1)).isEqualTo(returns.stream().mapToLong(Long::longValue).sum());
		assertThat(n(year, 2)).as("accepted returns are returns.csv's rows").isEqualTo(returnsCsv);
		assertThat(n(year, 5)).isEqualTo(issuesCsv);
		List<Long> unions;
		long unlisted = 0;
		if (registry) {
			Matcher line = find(consolidation,
					"CĐCS theo danh sách: phải báo cáo (\\d+), đã gửi (\\d+) \\(có báo cáo được chấp nhận (\\d+),"
							+ " chỉ có báo cáo bị từ chối (\\d+)\\), chưa báo cáo (\\d+); ngoài danh sách: (\\d+)");
			unions = List.of(n(line, 1), n(line, 2), n(line, 3), n(line, 4), n(line, 5));
			unlisted = n(line, 6);
			assertThat(unions.get(0)).as("expected = received + missing").isEqualTo(unions.get(1) + unions.get(4));
			assertThat(unions.get(1)).as("received = accepted + rejected").isEqualTo(unions.get(2) + unions.get(3));
			assertThat(List.of(total).subList(2, 7)).containsExactlyElementsOf(strings(unions));
		}
		else {
			Matcher line = find(consolidation, "CĐCS đã gửi báo cáo \\(chưa nạp danh sách\\): (\\d+) \\(có báo cáo"
					+ " được chấp nhận (\\d+), chỉ có báo cáo bị từ chối (\\d+)\\)");
			unions = List.of(n(line, 1), n(line, 2), n(line, 3));
			assertThat(unions.get(0)).as("received = accepted + rejected").isEqualTo(unions.get(1) + unions.get(2));
			assertThat(List.of(total).subList(2, 7)).containsExactly("", strings(unions).get(0), strings(unions).get(1),
					strings(unions).get(2), "");
		}
		Matcher noCode = Pattern.compile("báo cáo không có mã CĐCS: (\\d+)").matcher(consolidation);
		long unidentified = noCode.find() ? Long.parseLong(noCode.group(1)) : 0;

		// the ingest's summary, of a first run: its files are files.csv's
		if (out.contains("Tệp đã đọc")) {
			Matcher read = find(out,
					"Tệp đã đọc: (\\d+) \\(mới (\\d+), trùng (\\d+), không đọc được (\\d+), bỏ qua (\\d+)\\)");
			assertThat(n(read, 1)).isEqualTo(fileCount);
			assertThat(n(read, 3)).isEqualTo(files.get("duplicate"));
			assertThat(n(read, 4)).isEqualTo(files.get("unreadable"));
			assertThat(n(read, 5)).isEqualTo(files.get("skipped"));
			assertThat(n(read, 2)).as("new files are accepted, rejected or superseded")
				.isEqualTo(files.get("accepted") + files.get("rejected") + files.get("superseded"));
			Matcher statuses = find(out, "Tình trạng tệp: đã nhận (\\d+), bị từ chối (\\d+), bị thay thế (\\d+),"
					+ " trùng (\\d+), không đọc được (\\d+), bỏ qua (\\d+)");
			assertThat(List.of(n(statuses, 1), n(statuses, 2), n(statuses, 3), n(statuses, 4), n(statuses, 5),
					n(statuses, 6)))
				.containsExactlyElementsOf(files.values());
			Matcher ingested = find(out, "Báo cáo: chấp nhận (\\d+), bị từ chối (\\d+), bị thay thế (\\d+)\n");
			assertThat(List.of(n(ingested, 1), n(ingested, 2), n(ingested, 3))).containsExactlyElementsOf(returns);
		}

		// the workbook
		try (InputStream in = Files.newInputStream(year().resolve("tong-hop-thi-dua-2026.xlsx"));
				Workbook workbook = WorkbookFactory.create(in)) {
			Sheet info = workbook.getSheet("Thông tin");
			assertThat(number(row(info, "Số tệp đã đọc"))).isEqualTo(fileCount);
			assertThat(text(row(info, "Tình trạng tệp"), 1))
				.isEqualTo("đã nhận " + files.get("accepted") + ", bị từ chối " + files.get("rejected")
						+ ", bị thay thế " + files.get("superseded") + ", trùng " + files.get("duplicate")
						+ ", không đọc được " + files.get("unreadable") + ", bỏ qua " + files.get("skipped"));
			assertThat(List.of(number(row(info, "Số báo cáo được chấp nhận")),
					number(row(info, "Số báo cáo bị từ chối")), number(row(info, "Số báo cáo bị thay thế"))))
				.containsExactlyElementsOf(returns);
			assertThat(number(row(info, "Số dòng trên trang Báo cáo"))).isEqualTo(returnsCsv);
			assertThat(number(row(info, "Số phát hiện (lỗi và cảnh báo)"))).isEqualTo(issuesCsv);

			Sheet summary = workbook.getSheet("Tổng hợp");
			List<Long> onSummary = new ArrayList<>();
			if (registry) {
				onSummary.add(number(row(summary, "Số CĐCS phải báo cáo (theo danh sách)")));
			}
			onSummary.add(number(row(summary, "Số CĐCS đã gửi báo cáo")));
			onSummary.add(number(row(summary, "Số CĐCS có báo cáo được chấp nhận")));
			onSummary.add(number(row(summary, "Số CĐCS chỉ có báo cáo bị từ chối")));
			if (registry) {
				onSummary.add(number(row(summary, "Số CĐCS chưa báo cáo")));
				assertThat(number(row(summary, "Số CĐCS ngoài danh sách đã gửi báo cáo"))).isEqualTo(unlisted);
				assertThat(row(workbook.getSheet("Chưa báo cáo"),
						"CĐCS trong danh sách phải báo cáo chưa gửi báo cáo nào: " + unions.get(4)))
					.isNotNull();
			}
			assertThat(onSummary).containsExactlyElementsOf(unions);
			assertThat(number(row(summary, "Số báo cáo không có mã CĐCS (không tính vào CĐCS nào)")))
				.isEqualTo(unidentified);

			Row all = ConsolidationOutputsIntegrationTests.rowWith(workbook.getSheet("Mức độ đầy đủ"), "Tổng cộng");
			List<Long> onCompleteness = numbers(all);
			assertThat(onCompleteness.subList(0, unions.size())).containsExactlyElementsOf(unions);
		}
		return new Counts(files, returns, unions, unlisted, unidentified);
	}

	private static List<String> strings(List<Long> numbers) {
		return numbers.stream().map(String::valueOf).toList();
	}

	private static Matcher find(String text, String pattern) {
		Matcher matcher = Pattern.compile(pattern).matcher(text);
		assertThat(matcher.find()).as("/" + pattern + "/ in:\n" + text).isTrue();
		return matcher;
	}

	private static long n(Matcher matcher, int group) {
		return Long.parseLong(matcher.group(group));
	}

	/** The row whose text cell is {@code label}. */
	private static Row row(Sheet sheet, String label) {
		return ConsolidationOutputsIntegrationTests.rowWith(sheet, label);
	}

	private static String text(Row row, int column) {
		return row.getCell(column).getStringCellValue();
	}

	/** The row's first number (the count beside its label), or null. */
	/**
	 * The row's first whole number right of its label (the summary numbers its lines).
	 */
	private static Long number(Row row) {
		int label = 0;
		while (label < row.getLastCellNum()
				&& (row.getCell(label) == null || row.getCell(label).getCellType() != CellType.STRING)) {
			label++;
		}
		for (int i = label + 1; i < row.getLastCellNum(); i++) {
			Cell cell = row.getCell(i);
			if (cell != null && cell.getCellType() == CellType.NUMERIC
					&& cell.getNumericCellValue() == Math.rint(cell.getNumericCellValue())
					&& !cell.getCellStyle().getDataFormatString().contains("%")) {
				return (long) cell.getNumericCellValue();
			}
		}
		return null;
	}

	/** The row's whole numbers, left to right (a rate is left out). */
	private static List<Long> numbers(Row row) {
		List<Long> numbers = new ArrayList<>();
		Stream.iterate(0, (i) -> i + 1).limit(Math.max(row.getLastCellNum(), 0)).map(row::getCell).forEach((cell) -> {
			if (cell != null && cell.getCellType() == CellType.NUMERIC
					&& cell.getNumericCellValue() == Math.rint(cell.getNumericCellValue())
					&& !cell.getCellStyle().getDataFormatString().contains("%")) {
				numbers.add((long) cell.getNumericCellValue());
			}
		});
		return numbers;
	}

}
