package vn.tonghop.normalise;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.tonghop.catalogue.ReferenceCsv;
import vn.tonghop.catalogue.ReferenceDataException;

/**
 * Resolves a province as a return writes it (a 2025 name, a pre-2025 name, an alias or a
 * two-digit code) to one of the 34 units in force since 1 July 2025. Built once from
 * {@code provinces-2025.csv}, {@code provinces-pre2025.csv} and
 * {@code province-aliases.csv}; immutable.
 * <p>
 * A code is read in the scheme of the return's year, because seven codes (15, 24, 44, 52,
 * 80, 82, 91) changed meaning: up to 2024 in the pre-2025 scheme, from 2025 in the new
 * one. A name is looked up folded (accents, case, punctuation and tone placement do not
 * matter), first as written, then without a prefix such as "Tỉnh", "TP." or "LĐLĐ tỉnh":
 * among the 34 names, then the aliases, then the 63 pre-2025 names.
 */
public final class ProvinceResolver {

	static final String PROVINCES = "reference/provinces-2025.csv";

	static final String OLD_PROVINCES = "reference/provinces-pre2025.csv";

	static final String ALIASES = "reference/province-aliases.csv";

	static final String HISTORICAL = "reference/provinces-historical.csv";

	static final String DETAIL = "reference/provinces-2025-detail.csv";

	private static final int LAST_YEAR_OF_OLD_SCHEME = 2024;

	/**
	 * The first year whose codes are the 34 units' (as every output of tonghop writes
	 * them, whatever the year): a year to {@link #resolve} a code of 2025 in.
	 */
	public static final int FIRST_YEAR_OF_NEW_SCHEME = LAST_YEAR_OF_OLD_SCHEME + 1;

	private static final int CANDIDATES = 3;

	private static final Pattern TWO_DIGITS = Pattern.compile("\\d{2}");

	/**
	 * A code as typed or as a numeric cell's text: {@code 1}, {@code 01}, {@code 24.0}.
	 */
	private static final Pattern WRITTEN_CODE = Pattern.compile("(\\d{1,2})(?:[.,]0+)?");

	/** Folded prefixes that may precede a name, longest first. */
	private static final List<String> PREFIXES = List.of("lien doan lao dong thanh pho", "lien doan lao dong tinh",
			"lien doan lao dong tp", "lien doan lao dong", "ldld thanh pho", "ldld tinh", "ldld tp", "ldld",
			"thanh pho", "thu do", "tinh", "t p", "tp", "cd", "t");

	private static ProvinceResolver shared;

	private final List<Province> provinces;

	private final Map<String, Province> byCode;

	private final Map<String, Target> byOldCode;

	private final List<Map<String, Target>> nameTiers;

	private final Map<String, Target> withoutSpaces;

	private final Map<Province, Integer> fileOrder;

	/**
	 * The 2025 units a historical province's territory is in, by its folded name with and
	 * without spaces.
	 */
	private final Map<String, List<Province>> historical;

	/** The units' full names ("Thành phố Hồ Chí Minh", "Tỉnh Cao Bằng") by code. */
	private final Map<String, String> fullNames;

	private ProvinceResolver(List<Province> provinces, Map<String, Target> byOldCode,
			List<Map<String, Target>> nameTiers, Map<String, Target> withoutSpaces,
			Map<String, List<Province>> historical, Map<String, String> fullNames) {
		this.provinces = List.copyOf(provinces);
		Map<String, Province> codes = new LinkedHashMap<>();
		Map<Province, Integer> order = new HashMap<>();
		for (Province province : provinces) {
			codes.put(province.code(), province);
			order.put(province, order.size());
		}
		this.byCode = Map.copyOf(codes);
		this.fileOrder = Map.copyOf(order);
		this.byOldCode = Map.copyOf(byOldCode);
		this.nameTiers = nameTiers.stream().map(Map::copyOf).toList();
		this.withoutSpaces = Map.copyOf(withoutSpaces);
		this.historical = Map.copyOf(historical);
		this.fullNames = Map.copyOf(fullNames);
	}

	/**
	 * The resolver for the tables shipped with the tool, read from the classpath on first
	 * use.
	 * @throws ReferenceDataException naming the file and line of a bad row, or of a name
	 * that two rows map to different provinces
	 */
	public static synchronized ProvinceResolver load() {
		if (shared == null) {
			shared = from(ReferenceCsv.read(PROVINCES, "code", "name", "name_ascii"),
					ReferenceCsv.read(OLD_PROVINCES, "code", "name", "name_ascii", "successor_code"),
					ReferenceCsv.read(ALIASES, "alias", "code_or_old_code", "scheme", "new_code"),
					ReferenceCsv.read(HISTORICAL, "name", "name_ascii", "until", "became_old_codes"),
					ReferenceCsv.read(DETAIL, "code", "full_name_current_2026"));
		}
		return shared;
	}

	static ProvinceResolver from(List<ReferenceCsv.Row> newRows, List<ReferenceCsv.Row> oldRows,
			List<ReferenceCsv.Row> aliasRows) {
		return from(newRows, oldRows, aliasRows, List.of(), List.of());
	}

	/**
	 * @param historicalRows provinces gone before 2025 (split or merged, as Sông Bé in
	 * 1997), with the pre-2025 units their territory became: never resolved (which unit a
	 * return meant cannot be known), but suggested first
	 * @param detailRows the units' full names
	 */
	static ProvinceResolver from(List<ReferenceCsv.Row> newRows, List<ReferenceCsv.Row> oldRows,
			List<ReferenceCsv.Row> aliasRows, List<ReferenceCsv.Row> historicalRows,
			List<ReferenceCsv.Row> detailRows) {
		NameIndex names = new NameIndex();
		List<Province> provinces = new ArrayList<>();
		Map<String, Province> byCode = new HashMap<>();
		for (ReferenceCsv.Row row : newRows) {
			Province province = new Province(code(row, "code"), row.required("name"));
			if (byCode.putIfAbsent(province.code(), province) != null) {
				throw row.fail("code " + province.code() + " appears twice");
			}
			provinces.add(province);
			Target target = new Target(province, false, null);
			names.add(0, row.required("name"), target, row);
			names.add(0, row.optional("name_ascii"), target, row);
		}
		Map<String, Target> byOldCode = new HashMap<>();
		for (ReferenceCsv.Row row : oldRows) {
			String code = code(row, "code");
			Province successor = province(byCode, row, "successor_code");
			String name = row.required("name");
			boolean preMerger = !code.equals(successor.code())
					|| !TextFold.fold(name).equals(TextFold.fold(successor.name()));
			if (byOldCode.putIfAbsent(code, new Target(successor, preMerger, preMerger ? name : null)) != null) {
				throw row.fail("code " + code + " appears twice");
			}
		}
		for (ReferenceCsv.Row row : aliasRows) {
			Province province = province(byCode, row, "new_code");
			String code = code(row, "code_or_old_code");
			String scheme = row.required("scheme");
			Target target;
			if (scheme.equals("new")) {
				if (!code.equals(province.code())) {
					throw row.fail("a scheme=new alias must have code_or_old_code equal to new_code");
				}
				target = new Target(province, false, null);
			}
			else if (scheme.equals("old")) {
				target = byOldCode.get(code);
				if (target == null) {
					throw row.fail("old code " + code + " is not in " + OLD_PROVINCES);
				}
				if (!target.province().equals(province)) {
					throw row.fail("old code " + code + " has successor " + target.province().code() + " in "
							+ OLD_PROVINCES + ", not " + province.code());
				}
			}
			else {
				throw row.fail("scheme must be 'old' or 'new', not '" + scheme + "'");
			}
			names.add(1, row.required("alias"), target, row);
		}
		for (ReferenceCsv.Row row : oldRows) {
			Target target = byOldCode.get(row.required("code"));
			names.add(2, row.required("name"), target, row);
			names.add(2, row.optional("name_ascii"), target, row);
		}
		List<Map<String, Target>> tiers = names.tiers();
		Map<String, Target> withoutSpaces = names.withoutSpaces();
		Map<String, List<Province>> historical = new HashMap<>();
		for (ReferenceCsv.Row row : historicalRows) {
			List<Province> became = new ArrayList<>();
			for (String code : row.required("became_old_codes").split("\\s+")) {
				Target old = byOldCode.get(code);
				if (old == null) {
					throw row.fail("old code " + code + " is not in " + OLD_PROVINCES);
				}
				if (!became.contains(old.province())) {
					became.add(old.province());
				}
			}
			for (String name : new String[] { row.required("name"), row.optional("name_ascii") }) {
				String folded = TextFold.fold(name);
				if (folded.isEmpty()) {
					continue;
				}
				if (withoutSpaces.containsKey(folded.replace(" ", ""))) {
					throw row.fail("'" + name + "' is the name of a unit in " + PROVINCES + ", " + OLD_PROVINCES
							+ " or " + ALIASES + ", not of a historical province");
				}
				historical.put(folded, became);
				historical.put(folded.replace(" ", ""), became);
			}
		}
		Map<String, String> fullNames = new HashMap<>();
		for (ReferenceCsv.Row row : detailRows) {
			Province province = province(byCode, row, "code");
			fullNames.put(province.code(), row.required("full_name_current_2026"));
		}
		return new ProvinceResolver(provinces, byOldCode, tiers, withoutSpaces, historical, fullNames);
	}

	private static String code(ReferenceCsv.Row row, String column) {
		String code = row.required(column);
		if (!TWO_DIGITS.matcher(code).matches()) {
			throw row.fail(column + " '" + code + "' is not two digits");
		}
		return code;
	}

	private static Province province(Map<String, Province> byCode, ReferenceCsv.Row row, String column) {
		String code = code(row, column);
		Province province = byCode.get(code);
		if (province == null) {
			throw row.fail(column + " " + code + " is not a code in " + PROVINCES);
		}
		return province;
	}

	/**
	 * Resolves a province as written in a return of {@code year}. Never throws: an
	 * unresolved text gives a resolution without a province, with the closest names.
	 */
	public ProvinceResolution resolve(String written, int year) {
		String cleaned = TextFold.clean(written);
		if (cleaned.isEmpty()) {
			return unresolved(cleaned, List.of());
		}
		Matcher code = WRITTEN_CODE.matcher(cleaned);
		if (code.matches()) {
			return resolveCode(cleaned, twoDigits(code.group(1)), year);
		}
		String folded = TextFold.fold(cleaned);
		String stripped = stripPrefixes(folded);
		Target target = lookUp(folded);
		if (target == null && !stripped.isEmpty()) {
			target = lookUp(stripped);
		}
		if (target == null) {
			target = this.withoutSpaces.get(folded.replace(" ", ""));
		}
		if (target == null && !stripped.isEmpty()) {
			target = this.withoutSpaces.get(stripped.replace(" ", ""));
		}
		if (target == null) {
			return unresolved(cleaned, candidates(folded, stripped));
		}
		return resolved(target, cleaned);
	}

	/**
	 * The names to suggest for an unresolved text: for a historical province, the 2025
	 * units its territory is in, and only those; else the closest names.
	 */
	private List<String> candidates(String folded, String stripped) {
		List<Province> became = null;
		for (String name : new String[] { folded, stripped, folded.replace(" ", ""), stripped.replace(" ", "") }) {
			if (became == null && !name.isEmpty()) {
				became = this.historical.get(name);
			}
		}
		if (became != null) {
			// what it became is known: names only spelt alike would mislead
			return became.stream().map(Province::name).toList();
		}
		return closest(stripped.isEmpty() ? folded : stripped);
	}

	/**
	 * Whether {@code written} is the unit's own name (ignoring accents, case, spacing and
	 * a prefix such as "Tỉnh" or "TP."), not a code, an alias or another unit's name.
	 */
	public boolean isOwnName(String written, Province province) {
		String folded = TextFold.fold(TextFold.clean(written));
		String own = TextFold.fold(province.name());
		return folded.equals(own) || stripPrefixes(folded).equals(own);
	}

	/** The unit's full name: "Thành phố Hồ Chí Minh", "Tỉnh Cao Bằng". */
	public String fullName(Province province) {
		return this.fullNames.getOrDefault(province.code(), province.name());
	}

	private ProvinceResolution resolveCode(String cleaned, String code, int year) {
		if (year <= LAST_YEAR_OF_OLD_SCHEME) {
			Target target = this.byOldCode.get(code);
			return (target != null) ? resolved(target, cleaned) : unresolved(cleaned, List.of());
		}
		Province province = this.byCode.get(code);
		if (province != null) {
			return new ProvinceResolution(province, false, cleaned, null, List.of());
		}
		// a code that exists only in the old scheme: suggest what it meant then
		Target old = this.byOldCode.get(code);
		return unresolved(cleaned, (old != null) ? List.of(old.province().name()) : List.of());
	}

	/** The 2025 unit with this code. */
	public Optional<Province> byCode(String code2025) {
		Matcher code = WRITTEN_CODE.matcher(TextFold.clean(code2025));
		return code.matches() ? Optional.ofNullable(this.byCode.get(twoDigits(code.group(1)))) : Optional.empty();
	}

	/** The 34 units, in the order of {@code provinces-2025.csv}. */
	public List<Province> all() {
		return this.provinces;
	}

	private Target lookUp(String folded) {
		for (Map<String, Target> tier : this.nameTiers) {
			Target target = tier.get(folded);
			if (target != null) {
				return target;
			}
		}
		return null;
	}

	private static String stripPrefixes(String folded) {
		String name = folded;
		boolean stripped = true;
		while (stripped) {
			stripped = false;
			for (String prefix : PREFIXES) {
				if (name.startsWith(prefix + " ")) {
					name = name.substring(prefix.length() + 1);
					stripped = true;
					break;
				}
			}
		}
		return name;
	}

	/**
	 * The 2025 names of the provinces whose names, aliases or pre-2025 names are closest
	 * to the text, at most {@value #CANDIDATES}, none further than half the text's length
	 * (at least 2) away, so that nonsense suggests nothing.
	 */
	private List<String> closest(String folded) {
		int furthest = Math.max(2, folded.length() / 2);
		Map<Province, Integer> distances = new HashMap<>();
		for (Map<String, Target> tier : this.nameTiers) {
			tier.forEach((name, target) -> distances.merge(target.province(), editDistance(name, folded), Math::min));
		}
		return distances.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() <= furthest)
			.sorted(Comparator.comparing(Map.Entry<Province, Integer>::getValue)
				.thenComparing((entry) -> this.fileOrder.get(entry.getKey())))
			.limit(CANDIDATES)
			.map((entry) -> entry.getKey().name())
			.toList();
	}

	static int editDistance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private static String twoDigits(String digits) {
		return (digits.length() == 1) ? "0" + digits : digits;
	}

	private static ProvinceResolution resolved(Target target, String writtenAs) {
		return new ProvinceResolution(target.province(), target.preMerger(), writtenAs, target.oldName(), List.of());
	}

	private static ProvinceResolution unresolved(String writtenAs, List<String> candidates) {
		return new ProvinceResolution(null, false, writtenAs, null, candidates);
	}

	/** Where a name leads: the 2025 unit, and whether it named a unit that is gone. */
	private record Target(Province province, boolean preMerger, String oldName) {
	}

	/**
	 * Folded names by tier (0: 2025 names, 1: aliases, 2: pre-2025 names), refusing a
	 * name that two rows send to different places. Rows are added in the order of the
	 * tiers, so a name written without spaces keeps the target of the first tier.
	 */
	private static final class NameIndex {

		private final List<Map<String, Source>> tiers = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());

		private final Map<String, Source> anyTier = new HashMap<>();

		private final Map<String, Source> withoutSpaces = new HashMap<>();

		void add(int tier, String name, Target target, ReferenceCsv.Row row) {
			String folded = TextFold.fold(name);
			if (folded.isEmpty()) {
				return;
			}
			Source source = new Source(target, name, row);
			Source earlier = this.tiers.get(tier).putIfAbsent(folded, source);
			if (earlier != null && !earlier.target().equals(target)) {
				throw conflict(source, earlier);
			}
			check(this.anyTier, folded, source);
			check(this.withoutSpaces, folded.replace(" ", ""), source);
		}

		private static void check(Map<String, Source> index, String key, Source source) {
			Source earlier = index.putIfAbsent(key, source);
			if (earlier != null && !earlier.target().province().equals(source.target().province())) {
				throw conflict(source, earlier);
			}
		}

		List<Map<String, Target>> tiers() {
			return this.tiers.stream().map(NameIndex::targets).toList();
		}

		Map<String, Target> withoutSpaces() {
			return targets(this.withoutSpaces);
		}

		private static Map<String, Target> targets(Map<String, Source> sources) {
			Map<String, Target> targets = new HashMap<>();
			sources.forEach((key, source) -> targets.put(key, source.target()));
			return targets;
		}

		private static ReferenceDataException conflict(Source later, Source earlier) {
			Province elsewhere = earlier.target().province();
			return later.row()
				.fail("'" + later.name() + "' is the same name, once accents, case and spacing are ignored, as '"
						+ earlier.name() + "' on line " + earlier.row().line() + " of " + earlier.row().file()
						+ ", which leads elsewhere (" + elsewhere.code() + " " + elsewhere.name()
						+ (earlier.target().preMerger() ? ", a pre-2025 unit" : "") + ")");
		}

		private record Source(Target target, String name, ReferenceCsv.Row row) {
		}

	}

}
