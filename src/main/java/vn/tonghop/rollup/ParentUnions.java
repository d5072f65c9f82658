package vn.tonghop.rollup;

import java.math.BigInteger;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import vn.tonghop.normalise.Province;
import vn.tonghop.normalise.ProvinceResolution;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.TextFold;

/**
 * The upper-level unions of a province's returns (the form's
 * {@code Công đoàn cấp trên trực tiếp}) as people write them, grouped: "LĐLĐ huyện Trảng
 * Bom", "Liên đoàn Lao động huyện Trảng Bom" and "lien doan lao dong huyen trang bom."
 * are one union. Two spellings are one union when their {@link #key keys} are equal:
 * folded (case, accents, spaces and punctuation do not count), the common abbreviations
 * written out the one way ({@code LĐLĐ}, {@code CĐ}, {@code CĐN}, {@code CĐVC},
 * {@code KCN}, {@code KCX}, {@code TP}), the word "các" left out and the province at the
 * end ("…, tỉnh Đồng Nai", "… tỉnh") dropped. A union left empty, or written as the
 * province's federation itself ("Liên đoàn Lao động tỉnh Đồng Nai", "LĐLĐ tỉnh"), reports
 * straight to the federation: its key is empty.
 * <p>
 * A group is named by its most frequent spelling (by returns; ties: the first in
 * Vietnamese alphabetical order), so a run gives the same names whatever order the
 * returns came in.
 */
public final class ParentUnions {

	/**
	 * Phrases written out one way, longest first within each; applied until nothing
	 * changes, so that "công đoàn ngành" becomes {@code cd nganh}, then {@code cdn}.
	 */
	private static final List<List<String>> PHRASES = List.of(List.of("lien doan lao dong", "ldld"),
			List.of("ld ld", "ldld"), List.of("cong doan nganh", "cdn"), List.of("cong doan vien chuc", "cdvc"),
			List.of("cong doan", "cd"), List.of("cd nganh", "cdn"), List.of("cd vien chuc", "cdvc"),
			List.of("khu cong nghiep", "kcn"), List.of("khu che xuat", "kcx"), List.of("thanh pho", "tp"));

	/** Words that may be left out without changing which union is meant. */
	private static final List<String> LEFT_OUT = List.of("cac");

	/** Words that may precede the province's name at the end of a union's name. */
	private static final List<String> PROVINCE_WORDS = List.of("tinh", "tp");

	/** What the federation itself comes to, once the province is dropped. */
	private static final List<String> FEDERATION = List.of("ldld");

	/** The six centrally-run cities of 2025, whose federation is "LĐLĐ thành phố …". */
	private static final List<String> CITIES = List.of("01", "31", "46", "48", "79", "92");

	private final Province province;

	private final ProvinceResolver provinces;

	/** The province's name as a key ends with it, to be dropped. */
	private final List<String> provinceTail;

	/** Vietnamese alphabetical order: đ after d, ơ after o. */
	private final Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));

	/**
	 * @param province the province whose federation consolidates
	 * @param provinces tells a union written as the province's federation itself
	 */
	public ParentUnions(Province province, ProvinceResolver provinces) {
		this.province = province;
		this.provinces = provinces;
		this.provinceTail = words(TextFold.fold(province.name()));
	}

	/** "LĐLĐ tỉnh Đồng Nai", "LĐLĐ thành phố Hà Nội". */
	public static String federation(Province province) {
		return "LĐLĐ " + (CITIES.contains(province.code()) ? "thành phố " : "tỉnh ") + province.name();
	}

	/** What the row of the unions reporting straight to the federation is called. */
	public String direct() {
		return "(Trực thuộc " + federation(this.province) + ")";
	}

	/**
	 * The key spellings of one union share; empty for a union left empty or written as
	 * the federation itself.
	 */
	public String key(String written) {
		String cleaned = TextFold.clean(written);
		if (cleaned.isEmpty() || isFederation(cleaned)) {
			return "";
		}
		List<String> words = joinLetters(words(TextFold.fold(cleaned)));
		boolean changed = true;
		while (changed) {
			changed = false;
			for (List<String> phrase : PHRASES) {
				List<String> replaced = replace(words, words(phrase.get(0)), phrase.get(1));
				if (!replaced.equals(words)) {
					words = replaced;
					changed = true;
				}
			}
		}
		words = new ArrayList<>(words);
		words.removeAll(LEFT_OUT);
		words = withoutProvince(words);
		// "LĐLĐ tỉnh": the federation itself
		return words.equals(FEDERATION) ? "" : String.join(" ", words);
	}

	/**
	 * The text names the province's federation (or just the province): "Liên đoàn Lao
	 * động tỉnh Đồng Nai", "LĐLĐ Đồng Nai". A name of before the 2025 merger ("LĐLĐ tỉnh
	 * Bình Phước") is kept as written: the returns tell an analyst where they came from.
	 */
	private boolean isFederation(String cleaned) {
		ProvinceResolution resolution = this.provinces.resolve(cleaned, ProvinceResolver.FIRST_YEAR_OF_NEW_SCHEME);
		return this.province.equals(resolution.province()) && !resolution.preMerger();
	}

	/**
	 * "…, tỉnh Đồng Nai", "… Đồng Nai" or "… tỉnh" at the end, when something is left
	 * before it: "Công đoàn Viên chức tỉnh" and "CĐVC tỉnh Đồng Nai" are one union.
	 */
	private List<String> withoutProvince(List<String> words) {
		int tail = this.provinceTail.size();
		List<String> before = words;
		if (tail > 0 && words.size() > tail
				&& words.subList(words.size() - tail, words.size()).equals(this.provinceTail)) {
			before = words.subList(0, words.size() - tail);
		}
		if (before.size() > 1 && PROVINCE_WORDS.contains(before.get(before.size() - 1))) {
			before = before.subList(0, before.size() - 1);
		}
		return before;
	}

	private static List<String> words(String folded) {
		return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
	}

	/**
	 * Runs of single letters are one abbreviation: "L.Đ.L.Đ" folds to {@code l d l d}.
	 */
	private static List<String> joinLetters(List<String> words) {
		List<String> joined = new ArrayList<>(words.size());
		StringBuilder letters = new StringBuilder();
		for (String word : words) {
			if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
				letters.append(word);
				continue;
			}
			if (!letters.isEmpty()) {
				joined.add(letters.toString());
				letters.setLength(0);
			}
			joined.add(word);
		}
		if (!letters.isEmpty()) {
			joined.add(letters.toString());
		}
		return joined;
	}

	private static List<String> replace(List<String> words, List<String> phrase, String with) {
		List<String> out = new ArrayList<>(words.size());
		for (int i = 0; i < words.size();) {
			if (i + phrase.size() <= words.size() && words.subList(i, i + phrase.size()).equals(phrase)) {
				out.add(with);
				i += phrase.size();
			}
			else {
				out.add(words.get(i++));
			}
		}
		return out;
	}

	/**
	 * One upper-level union: its key, its name (the most frequent spelling; empty for the
	 * unions reporting straight to the federation) and its sums.
	 */
	public record ParentUnion(String key, String name, Rollups.Group group) {

		/** The unions report straight to the federation. */
		public boolean direct() {
			return this.key.isEmpty();
		}

	}

	/**
	 * The groups of spellings ({@link Rollups#byParentUnion}: cleaned spelling to its
	 * sums) merged by key: the unions reporting straight to the federation first, then by
	 * name in Vietnamese alphabetical order. Sums add; a column empty in every spelling
	 * stays empty.
	 */
	public List<ParentUnion> group(Map<String, Rollups.Group> bySpelling) {
		Map<String, Map<String, Long>> spellings = new TreeMap<>();
		Map<String, List<Rollups.Group>> groups = new TreeMap<>();
		bySpelling.forEach((spelling, group) -> {
			String key = key(spelling);
			spellings.computeIfAbsent(key, (k) -> new TreeMap<>())
				.merge(TextFold.clean(spelling), group.returns(), Long::sum);
			groups.computeIfAbsent(key, (k) -> new ArrayList<>()).add(group);
		});
		List<ParentUnion> unions = new ArrayList<>();
		groups.forEach((key, parts) -> {
			String name = key.isEmpty() ? "" : this.mostFrequent(spellings.get(key));
			unions.add(new ParentUnion(key, name, sum(List.of(key), parts)));
		});
		unions.sort(Comparator.comparing((ParentUnion union) -> !union.direct())
			.thenComparing(ParentUnion::name, this.collator)
			.thenComparing(ParentUnion::key));
		return unions;
	}

	/**
	 * The spelling of the most returns; of those, the first in Vietnamese alphabetical
	 * order (then by code point, so that the choice never depends on the order the
	 * returns came in).
	 */
	private String mostFrequent(Map<String, Long> spellings) {
		return spellings.entrySet()
			.stream()
			.sorted(Comparator.comparing(Map.Entry<String, Long>::getValue, Comparator.reverseOrder())
				.thenComparing(Map.Entry::getKey, this.collator)
				.thenComparing(Map.Entry::getKey))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse("");
	}

	private static Rollups.Group sum(List<String> keys, List<Rollups.Group> parts) {
		long returns = 0;
		BigInteger[] sums = null;
		for (Rollups.Group part : parts) {
			returns += part.returns();
			if (sums == null) {
				sums = new BigInteger[part.values().size()];
			}
			for (int i = 0; i < sums.length; i++) {
				String value = part.values().get(i);
				if (!value.isEmpty()) {
					sums[i] = (sums[i] != null) ? sums[i].add(new BigInteger(value)) : new BigInteger(value);
				}
			}
		}
		List<String> values = new ArrayList<>();
		if (sums != null) {
			for (BigInteger sum : sums) {
				values.add((sum != null) ? sum.toString() : "");
			}
		}
		return new Rollups.Group(keys, returns, values);
	}

	/** The unions of this year beside last year's, matched by key. */
	public static Map<String, ParentUnion> byKey(List<ParentUnion> unions) {
		Map<String, ParentUnion> byKey = new LinkedHashMap<>();
		unions.forEach((union) -> byKey.put(union.key(), union));
		return byKey;
	}

}
