package vn.tonghop.samples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import vn.tonghop.catalogue.Indicator;
import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.catalogue.ReferenceCsv;
import vn.tonghop.template.FormContent;

/**
 * The seed reports turned into returns: {@code samples/seed-returns.csv}, one row per
 * seed report, the figures each report states (the sentences they come from are quoted in
 * {@code samples/SEEDS.md}). A blank cell is a figure the report does not give.
 */
final class SeedReturns {

	static final String RESOURCE = "samples/seed-returns.csv";

	static final List<String> IDENTITY = List.of("seed", "file", "union_code", "union_name", "province", "sector",
			"industry", "parent_union", "year");

	private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,15}");

	private SeedReturns() {
	}

	/**
	 * One seed report as a return.
	 *
	 * @param seed the seed's number ({@code 000})
	 * @param file the sample file's name, without extension
	 * @param year the report's year
	 * @param content header and figures; a figure is a {@link Long} when the report gives
	 * a plain number, else the text as the report words it ({@code trên 50 triệu đồng})
	 */
	record SeedReturn(String seed, String file, int year, FormContent content) {

		/** The total the report gives for a code, or null. */
		Object total(String code) {
			return this.content.entry(code).total();
		}

		/** The female value the report gives for a code, or null. */
		Object female(String code) {
			return this.content.entry(code).female();
		}

	}

	static List<SeedReturn> load(IndicatorCatalogue catalogue) {
		return load(catalogue, RESOURCE);
	}

	static List<SeedReturn> load(IndicatorCatalogue catalogue, String resource) {
		List<String> columns = new ArrayList<>(IDENTITY);
		for (Indicator indicator : catalogue.all()) {
			columns.add(indicator.code());
			if (indicator.hasFemaleColumn()) {
				columns.add(indicator.code() + "_nu");
			}
		}
		List<SeedReturn> seeds = new ArrayList<>();
		for (ReferenceCsv.Row row : ReferenceCsv.read(resource, columns.toArray(new String[0]))) {
			String year = row.required("year");
			if (!year.matches("[0-9]{4}")) {
				throw row.fail("year '" + year + "' is not a year");
			}
			Map<String, String> header = new LinkedHashMap<>();
			for (String key : IDENTITY) {
				if (FormContent.HEADER_KEYS.contains(key) && !row.optional(key).isEmpty()) {
					header.put(key, row.optional(key));
				}
			}
			Map<String, FormContent.Entry> values = new LinkedHashMap<>();
			for (Indicator indicator : catalogue.all()) {
				Object total = value(row, indicator.code());
				Object female = indicator.hasFemaleColumn() ? value(row, indicator.code() + "_nu") : null;
				if (total != null || female != null) {
					values.put(indicator.code(), new FormContent.Entry(total, female));
				}
			}
			seeds.add(new SeedReturn(row.required("seed"), row.required("file"), Integer.parseInt(year),
					new FormContent(header, values)));
		}
		return seeds;
	}

	private static Object value(ReferenceCsv.Row row, String column) {
		String text = row.optional(column);
		if (text.isEmpty()) {
			return null;
		}
		return WHOLE_NUMBER.matcher(text).matches() ? (Object) Long.valueOf(text) : text;
	}

}
