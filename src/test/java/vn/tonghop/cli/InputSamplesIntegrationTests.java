package vn.tonghop.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's main command, on {@code input-samples/}: every sample file gets exactly
 * the findings its generator says it demonstrates (the "Findings" column of
 * {@code input-samples/README.md}), no more and no fewer.
 */
class InputSamplesIntegrationTests {

	static final Path SAMPLES = Path.of("input-samples");

	private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([^|]+) \\|");

	private static final Pattern RULE = Pattern.compile("[RW][0-9]{2}");

	@TempDir
	Path work;

	static Stream<String> years() throws Exception {
		try (Stream<Path> folders = Files.list(SAMPLES)) {
			return folders.filter(Files::isDirectory).map((p) -> p.getFileName().toString()).sorted().toList().stream();
		}
	}

	/** File (relative to its year folder) → rules, from the generated README. */
	static Map<String, Set<String>> claims(String year) throws Exception {
		Map<String, Set<String>> claims = new TreeMap<>();
		boolean inYear = false;
		for (String line : Files.readAllLines(SAMPLES.resolve("README.md"))) {
			if (line.startsWith("## ")) {
				inYear = line.substring(3).strip().equals(year);
				continue;
			}
			Matcher row = ROW.matcher(line);
			if (inYear && row.find()) {
				Set<String> rules = new TreeSet<>();
				Matcher rule = RULE.matcher(row.group(2));
				while (rule.find()) {
					rules.add(rule.group());
				}
				claims.put(row.group(1), rules);
			}
		}
		return claims;
	}

	@ParameterizedTest(name = "input-samples/{0}")
	@MethodSource("years")
	void everySampleHasTheFindingsItDemonstrates(String year) throws Exception {
		Map<String, Set<String>> claims = claims(year);
		List<String> files = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(SAMPLES.resolve(year))) {
			walk.filter(Files::isRegularFile)
				.forEach((p) -> files.add(SAMPLES.resolve(year).relativize(p).toString().replace('\\', '/')));
		}
		assertThat(claims.keySet()).as("every sample file is described").containsExactlyInAnyOrderElementsOf(files);

		Path output = this.work.resolve("output");
		Runs.Result result = Runs.tonghop("run", "--input", SAMPLES.resolve(year).toString(), "--year", year,
				"--output", output.toString(), "--data-dir", this.work.resolve("data").toString());
		assertThat(result.status()).as(result.err()).isZero();

		Map<String, Set<String>> found = new TreeMap<>();
		claims.keySet().forEach((file) -> found.put(file, new TreeSet<>()));
		List<String[]> issues = Runs.csv(output.resolve(year).resolve("issues.csv"));
		for (String[] row : issues.subList(1, issues.size())) {
			found.computeIfAbsent(row[0], (f) -> new TreeSet<>()).add(row[4]);
		}
		assertThat(found).isEqualTo(claims);
		assertRollupsAddUp(output.resolve(year));
	}

	/**
	 * Every roll-up's rows add up to the same totals as the returns themselves: no return
	 * is lost or counted twice by a grouping.
	 */
	static void assertRollupsAddUp(Path folder) throws Exception {
		List<String[]> returns = Runs.csv(folder.resolve("returns.csv"));
		List<String> header = List.of(returns.get(0));
		Map<String, String> expected = new TreeMap<>();
		for (String column : header.subList(header.indexOf("A01"), header.size())) {
			// a column no return gave stays empty: missing is not zero
			boolean given = returns.stream().skip(1).anyMatch((row) -> !row[header.indexOf(column)].isEmpty());
			expected.put(column, given ? Long.toString(sum(returns, column)) : "");
		}
		expected.put("returns", Long.toString(returns.size() - 1));
		for (String table : List.of("by-province.csv", "by-sector.csv", "by-industry.csv", "by-province-sector.csv")) {
			List<String[]> rows = Runs.csv(folder.resolve(table));
			List<String> columns = List.of(rows.get(0));
			List<String[]> groups = rows.stream().filter((row) -> !row[0].equals("TOTAL")).toList();
			for (Map.Entry<String, String> column : expected.entrySet()) {
				String summed = Long.toString(sum(groups, column.getKey()));
				assertThat(summed).as("%s, sum of %s", table, column.getKey())
					.isEqualTo(column.getValue().isEmpty() ? "0" : column.getValue());
				for (String[] total : rows.stream().filter((row) -> row[0].equals("TOTAL")).toList()) {
					assertThat(total[columns.indexOf(column.getKey())]).as("%s, TOTAL %s", table, column.getKey())
						.isEqualTo(column.getValue());
				}
			}
		}
	}

	private static long sum(List<String[]> rows, String column) {
		int index = List.of(rows.get(0)).indexOf(column);
		return rows.subList(1, rows.size())
			.stream()
			.map((row) -> row[index])
			.filter((value) -> !value.isEmpty())
			.mapToLong(Long::parseLong)
			.sum();
	}

}
