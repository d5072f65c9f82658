package vn.tonghop.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.normalise.IndustryResolver;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.SectorResolver;
import vn.tonghop.report.CsvOutput;
import vn.tonghop.report.CsvReports;
import vn.tonghop.rollup.IndicatorColumns;
import vn.tonghop.store.StoredValues;
import vn.tonghop.validate.Finding;
import vn.tonghop.validate.JudgedReturn;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.NormalisedReturn;
import vn.tonghop.validate.ReturnJudge;
import vn.tonghop.validate.RuleBook;

import static org.assertj.core.api.Assertions.assertThat;

/** Lists (table layout), read row by row and judged as forms are. */
class ListLocatorTests {

	static final IndicatorCatalogue catalogue = IndicatorCatalogue.load();

	static final IndicatorColumns columns = new IndicatorColumns(catalogue);

	static final ReturnJudge judge = new ReturnJudge(catalogue, RuleBook.load(catalogue), Messages.vietnamese(),
			ProvinceResolver.load(), SectorResolver.load(), IndustryResolver.load());

	@TempDir
	Path work;

	/** A return's identity as returns.csv writes it, and its stored values by code. */
	record Written(List<String> identity, Map<String, StoredValues.Value> values) {

		/** Its line of returns.csv: the identity, then the columns tonghop writes. */
		List<String> line() {
			List<String> line = new ArrayList<>(this.identity);
			line.addAll(columns.ofOne(this.values));
			return line;
		}

	}

	static StoredValues.Value count(String code, Long total, Long female) {
		return new StoredValues.Value(code, total, female, null, null, null, null);
	}

	static Written written(String unionCode, String name, String province, String sector, String industry, int year,
			String rating, boolean cultured, StoredValues.Value... counts) {
		Map<String, StoredValues.Value> values = new LinkedHashMap<>();
		for (StoredValues.Value value : counts) {
			values.put(value.code(), value);
		}
		values.put("F03", new StoredValues.Value("F03", null, null, rating, null, null, null));
		values.put("F04", new StoredValues.Value("F04", null, null, null, cultured, null, null));
		return new Written(List.of(unionCode, name, province, sector, industry, Integer.toString(year),
				"ldld/" + unionCode.toLowerCase() + ".xlsx"), values);
	}

	/** The returns a file of these lines gives, judged for {@code year}. */
	List<JudgedReturn> readBack(List<String> header, List<List<String>> lines, int year) throws Exception {
		Path file = this.work.resolve("returns.csv");
		try (CsvOutput csv = CsvOutput.open(file, header)) {
			lines.forEach(csv::row);
			csv.commit();
		}
		List<FormCells> forms = new ListLocator(catalogue).locate(new CsvSheetReader().read(file)).orElseThrow();
		return forms.stream().map((form) -> judge.judge(form, year)).toList();
	}

	static List<String> returnsCsvHeader() {
		List<String> header = new ArrayList<>(CsvReports.RETURNS_IDENTITY);
		header.addAll(columns.names());
		return header;
	}

	/**
	 * Issue 22, item 9, "tonghop cannot read its own output": a province's returns.csv
	 * given to {@code run} as a list had every return rejected, its province_code,
	 * sector_code and split rating columns (F03_HTXSNV…) not recognised (R01 twice and
	 * R17 F03 on every row). Read back, each line is the same return, and written again
	 * it is the same line (source_file apart, which is not the return's).
	 */
	@ParameterizedTest
	@ValueSource(ints = { 2026, 2024 })
	void readsReturnsCsvColumnsTonghopWritesAsTheSameReturns(int year) throws Exception {
		// 24 is Bắc Ninh since 2025 (Bắc Giang before): returns.csv writes the 34 units'
		// codes whatever the year
		List<Written> returns = List.of(
				written("CD24000017", "Công đoàn Công ty TNHH May Việt Hàn", "24", "FDI", "C", year, "HTXSNV", true,
						count("A01", 1200L, 860L), count("A02", 1150L, 830L), count("B02", 900L, 640L),
						count("B03", 60L, 41L), count("B06", 35L, null), count("E06", 325_000_000L, null)),
				written("CD01000102", "Công đoàn Trường THPT Chu Văn An", "01", "HCSN", "", year, "KHTNV", false,
						count("A01", 80L, 51L), count("A02", 76L, 49L), count("A03", 2L, null), count("B02", 40L, 25L),
						count("B03", 4L, 3L)));
		List<JudgedReturn> judged = readBack(returnsCsvHeader(), returns.stream().map(Written::line).toList(), year);

		assertThat(judged).hasSize(2);
		for (int i = 0; i < returns.size(); i++) {
			Written expected = returns.get(i);
			NormalisedReturn value = judged.get(i).value();
			assertThat(judged.get(i).findings()).as(expected.identity().get(0)).isEmpty();
			assertThat(List.of(value.unionCode(), value.unionName(), value.provinceCode(), value.sectorCode(),
					(value.industryCode() != null) ? value.industryCode() : "", Integer.toString(value.declaredYear())))
				.isEqualTo(expected.identity().subList(0, 6));
			Map<String, StoredValues.Value> stored = IndicatorColumns
				.byCode(StoredValues.unpack(StoredValues.pack(value.values().values())));
			assertThat(columns.ofOne(stored)).as(expected.identity().get(0))
				.isEqualTo(columns.ofOne(expected.values()));
		}
		assertThat(judged.get(0).value().value("F03").category()).isEqualTo("HTXSNV");
		assertThat(judged.get(0).value().value("B06").total()).isEqualTo(35L);
		assertThat(judged.get(1).value().value("F04").flag()).isFalse();
	}

	@Test
	void passesOverColumnsThatAreNotTheReturns() throws Exception {
		List<String> header = new ArrayList<>(returnsCsvHeader());
		header.addAll(List.of("status", "returns", "Ghi chú"));
		List<String> line = new ArrayList<>(written("CD01000102", "Công đoàn A", "01", "HCSN", "P", 2026, "HTTNV", true,
				count("A01", 80L, 51L), count("A02", 76L, 49L), count("B02", 40L, 25L), count("B03", 4L, 3L))
			.line());
		line.addAll(List.of("accepted", "1", "đã kiểm tra"));
		assertThat(readBack(header, List.of(line), 2026)).singleElement()
			.satisfies((judged) -> assertThat(judged.findings()).isEmpty());
	}

	/** A rating in one column per value, 1 in the union's. */
	@Nested
	class SplitRating {

		List<JudgedReturn> rated(String... marks) throws Exception {
			List<String> header = new ArrayList<>(List.of("union_code", "union_name", "province_code", "sector_code",
					"year", "A01", "A02", "B02", "B03", "F03_HTXSNV", "F03_HTTNV", "F03_HTNV", "F03_KHTNV"));
			List<String> line = new ArrayList<>(
					List.of("CD01", "Công đoàn A", "01", "HCSN", "2026", "80", "76", "40", "4"));
			line.addAll(List.of(marks));
			return readBack(header, List.of(line), 2026);
		}

		@Test
		void readsTheRatingWhoseColumnIsMarked() throws Exception {
			assertThat(rated("", "x", "", "").get(0).value().value("F03").category()).isEqualTo("HTTNV");
		}

		@Test
		void rejectsTwoRatingsInTheFirstMarkedCell() throws Exception {
			JudgedReturn judged = rated("0", "1", "1", "0").get(0);
			assertThat(judged.findings()).singleElement().satisfies((finding) -> {
				assertThat(finding.rule()).isEqualTo("R15");
				assertThat(finding.cell()).isEqualTo("K2");
				assertThat(finding.message()).contains("HTTNV + HTNV");
			});
		}

		@Test
		void rejectsAMarkThatIsNeitherYesNorNo() throws Exception {
			// "Khá" is a rating, but not in the column of HTXSNV
			Finding finding = rated("Khá", "", "", "").get(0).findings().get(0);
			assertThat(finding.rule()).isEqualTo("R15");
			assertThat(finding.cell()).isEqualTo("J2");
			assertThat(finding.message()).contains("F03_HTXSNV = Khá");
		}

		@Test
		void takesNoMarkForAMissingRating() throws Exception {
			JudgedReturn judged = rated("0", "0", "0", "0").get(0);
			assertThat(judged.findings()).singleElement().satisfies((finding) -> {
				assertThat(finding.rule()).isEqualTo("R17");
				assertThat(finding.message()).contains("F03");
			});
		}

	}

}
