package vn.tonghop.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.catalogue.ReferenceCsv;
import vn.tonghop.template.FormContent;
import vn.tonghop.template.FormStyle;
import vn.tonghop.template.ReturnFormWriter;

/**
 * Realistic return forms in bulk, for the benchmark: distinct union codes, the 34
 * provinces of 2025 and the seven sectors mixed, the standard form or a light variation
 * of it; clean, or on request a share with findings (errors and warnings of several
 * rules, as a first round of a real inbox has), a share written as legacy {@code .xls}
 * and a share of the {@code .xlsx} saved as other programs save them
 * ({@link OtherWriters}). File {@code i} depends only on the seed and {@code i}, so a run
 * is repeatable and the files are written in parallel.
 */
public final class SyntheticReturns {

	/** At most this many files in one sub-folder. */
	static final int FILES_PER_FOLDER = 1000;

	/** Seeds the choice of the forms other programs save, apart from the rest. */
	private static final long WRITERS_SALT = 0x3C6EF372FE94F82BL;

	private static final Set<String> CITIES = Set.of("01", "31", "46", "48", "79", "92");

	private static final Map<String, String[]> INDUSTRIES = Map.of("HCSN", new String[] { "P", "Q", "M", "O" }, "DNNN",
			new String[] { "D", "E", "H", "B", "K" }, "NNN", new String[] { "C", "F", "G", "I", "C" }, "FDI",
			new String[] { "C", "C", "C", "J" }, "HTX", new String[] { "A", "G" }, "XP", new String[] { "O" }, "KHAC",
			new String[] { "H", "A", "S" });

	private SyntheticReturns() {
	}

	/** A province of 2025: code and name. */
	record Province(String code, String name) {
	}

	/** A sector: code and Vietnamese label. */
	record Sector(String code, String label) {
	}

	/**
	 * Writes {@code count} forms for {@code year} under {@code dir}, in sub-folders
	 * {@code lo-000}, {@code lo-001}, … of at most {@value #FILES_PER_FOLDER} files each.
	 * @return the number of files written
	 */
	public static int write(Path dir, int count, int year, long seed) throws IOException {
		return write(dir, count, year, seed, 0, 0, 0);
	}

	/**
	 * {@link #write(Path, int, int, long)}, with about {@code findingsPercent} of the
	 * forms breaking a rule or drawing a warning ({@link Generator#withFindings}) and
	 * about {@code xlsPercent} of them written as {@code .xls}.
	 */
	public static int write(Path dir, int count, int year, long seed, int findingsPercent, int xlsPercent)
			throws IOException {
		return write(dir, count, year, seed, findingsPercent, xlsPercent, 0);
	}

	/**
	 * {@link #write(Path, int, int, long, int, int)}, with about {@code writersPercent}
	 * of the {@code .xlsx} forms saved as LibreOffice, openpyxl or WPS would save them
	 * (as many of each kind, about): {@link OtherWriters}.
	 */
	public static int write(Path dir, int count, int year, long seed, int findingsPercent, int xlsPercent,
			int writersPercent) throws IOException {
		if (count < 0) {
			throw new IllegalArgumentException("count must not be negative: " + count);
		}
		Generator generator = new Generator(year, seed, findingsPercent, xlsPercent, writersPercent);
		for (int folder = 0; folder * FILES_PER_FOLDER < count; folder++) {
			Files.createDirectories(dir.resolve(folderName(folder)));
		}
		try {
			IntStream.range(0, count).parallel().forEach((index) -> {
				try {
					generator.write(dir, index);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		return count;
	}

	static String folderName(int folder) {
		return String.format("lo-%03d", folder);
	}

	/** The path of file {@code index} under {@code dir}. */
	static Path path(Path dir, int index, String unionCode) {
		return path(dir, index, unionCode, "xlsx");
	}

	static Path path(Path dir, int index, String unionCode, String extension) {
		return dir.resolve(folderName(index / FILES_PER_FOLDER))
			.resolve(String.format("%06d-%s.%s", index + 1, unionCode.toLowerCase(Locale.ROOT), extension));
	}

	/** Reference data read once, then one form per index. */
	static final class Generator {

		private final int year;

		private final long seed;

		private final int findingsPercent;

		private final int xlsPercent;

		private final int writersPercent;

		private final ReturnFormWriter writer;

		private final List<Province> provinces = new ArrayList<>();

		private final List<Sector> sectors = new ArrayList<>();

		private final Map<String, String> industryLabels = new LinkedHashMap<>();

		Generator(int year, long seed) {
			this(year, seed, 0, 0, 0);
		}

		Generator(int year, long seed, int findingsPercent, int xlsPercent, int writersPercent) {
			this.year = year;
			this.seed = seed;
			this.findingsPercent = findingsPercent;
			this.xlsPercent = xlsPercent;
			this.writersPercent = writersPercent;
			this.writer = new ReturnFormWriter(IndicatorCatalogue.load());
			for (ReferenceCsv.Row row : ReferenceCsv.read("reference/provinces-2025.csv", "code", "name")) {
				this.provinces.add(new Province(row.required("code"), row.required("name")));
			}
			for (ReferenceCsv.Row row : ReferenceCsv.read("reference/sectors.csv", "code", "label_vi")) {
				this.sectors.add(new Sector(row.required("code"), row.required("label_vi")));
			}
			for (ReferenceCsv.Row row : ReferenceCsv.read("reference/industries.csv", "code", "label_vi")) {
				this.industryLabels.put(row.required("code"), row.required("label_vi"));
			}
		}

		/**
		 * The union code and content of form {@code index}, its layout, and the program
		 * that saves it when not POI ({@code otherWriter}, else null).
		 */
		record Form(String unionCode, FormContent content, FormStyle style, String extension,
				OtherWriters.Kind otherWriter) {
		}

		Form form(int index) {
			Random random = new Random(mix(this.seed, index));
			Province province = this.provinces.get(random.nextInt(this.provinces.size()));
			Sector sector = this.sectors.get(random.nextInt(this.sectors.size()));
			String unionCode = String.format("CD%s%06d", province.code(), index + 1);
			String[] industries = INDUSTRIES.getOrDefault(sector.code(), new String[] { "S" });
			String industry = Names.pick(random, industries);
			Map<String, String> header = new LinkedHashMap<>();
			header.put("union_code", unionCode);
			header.put("union_name", Names.union(random, sector.code()));
			header.put("province", province.name());
			header.put("sector", random.nextBoolean() ? sector.code() : sector.label());
			header.put("industry", (random.nextInt(10) < 7) ? industry : this.industryLabels.get(industry));
			header.put("parent_union", "Liên đoàn Lao động "
					+ (CITIES.contains(province.code()) ? "thành phố " : "tỉnh ") + province.name());
			header.put("year", Integer.toString(this.year));
			header.put("preparer", Names.person(random));
			header.put("prepared_on", String.format("%02d/01/%d", 5 + random.nextInt(20), this.year + 1));
			header.put("phone", Names.phone(random));
			header.put("email", "congdoan." + unionCode.toLowerCase(Locale.ROOT) + "@gmail.com");
			Map<String, FormContent.Entry> values = Figures.generate(random, sector.code(), 0);
			int roll = random.nextInt(10);
			FormStyle style = switch (roll) {
				case 0 -> FormStyle.standard().withMergedCells(true);
				case 1 -> FormStyle.standard().withFemaleHeading(FormStyle.NU);
				case 2 -> FormStyle.standard().withPaddingRows(1);
				default -> FormStyle.standard();
			};
			// a second generator, so that the clean forms stay those of before
			Random extra = new Random(mix(this.seed ^ 0x5DEECE66DL, index));
			if (extra.nextInt(100) < this.findingsPercent) {
				withFindings(values, extra);
			}
			String extension = (extra.nextInt(100) < this.xlsPercent) ? "xls" : "xlsx";
			// a third one, so that the forms of before stay those of before
			Random writers = new Random(mix(this.seed ^ WRITERS_SALT, index));
			boolean rewritten = writers.nextInt(100) < this.writersPercent;
			OtherWriters.Kind[] kinds = OtherWriters.Kind.values();
			OtherWriters.Kind otherWriter = kinds[writers.nextInt(kinds.length)];
			return new Form(unionCode, new FormContent(header, values), style, extension,
					(rewritten && extension.equals("xlsx")) ? otherWriter : null);
		}

		Path write(Path dir, int index) throws IOException {
			Form form = form(index);
			Path file = path(dir, index, form.unionCode(), form.extension());
			this.writer.write(form.content(), form.style(), file);
			if (form.otherWriter() != null) {
				Files.write(file, OtherWriters.rewrite(form.otherWriter(), Files.readAllBytes(file)));
			}
			return file;
		}

		/**
		 * Changes the figures so that the form draws findings, one of several kinds: a
		 * warning only (W01, more than 15% Chiến sĩ thi đua), an error (R11, more Chiến
		 * sĩ thi đua than Lao động tiên tiến; R09, more members than workers), or an
		 * error and a warning.
		 */
		static void withFindings(Map<String, FormContent.Entry> values, Random random) {
			long workers = total(values, "A01", 100);
			long advanced = total(values, "B02", 40);
			switch (random.nextInt(4)) {
				case 0 -> values.put("B03", new FormContent.Entry(Math.max(2, advanced * 3 / 10), null));
				case 1 -> values.put("B03", new FormContent.Entry(advanced + 1 + random.nextInt(5), null));
				case 2 -> values.put("A02", new FormContent.Entry(workers + 1 + random.nextInt(20), null));
				default -> {
					values.put("A02", new FormContent.Entry(workers + 3, null));
					values.put("B03", new FormContent.Entry(Math.max(2, advanced * 3 / 10), null));
				}
			}
		}

		private static long total(Map<String, FormContent.Entry> values, String code, long otherwise) {
			FormContent.Entry entry = values.get(code);
			return (entry != null && entry.total() instanceof Number number) ? number.longValue() : otherwise;
		}

		/** A well-spread seed for file {@code index} (MurmurHash3's finaliser). */
		private static long mix(long seed, int index) {
			long z = seed * 0x9E3779B97F4A7C15L + index;
			z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
			z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
			return z ^ (z >>> 33);
		}

	}

}
