package vn.tonghop.normalise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import vn.tonghop.catalogue.ReferenceCsv;
import vn.tonghop.catalogue.ReferenceDataException;

/**
 * Resolves the industry a return writes to a VSIC 2018 section of {@code industries.csv}:
 * the letter ({@code C}, {@code Ngành C}), the label compared folded, or both
 * ({@code C - Công nghiệp chế biến, chế tạo}, {@code C. Công nghiệp…}). Immutable.
 */
public final class IndustryResolver {

	static final String RESOURCE = "reference/industries.csv";

	private static final Pattern SECTION = Pattern.compile("[A-U]");

	/** Folded words that may precede the industry: the label of the field itself. */
	private static final List<String> PREFIXES = List.of("nganh nghe ", "nganh ");

	private static IndustryResolver shared;

	private final List<Industry> industries;

	private final Map<String, Industry> byCode;

	private final Map<String, Industry> byFoldedLabel;

	private IndustryResolver(List<Industry> industries) {
		this.industries = List.copyOf(industries);
		Map<String, Industry> codes = new LinkedHashMap<>();
		Map<String, Industry> labels = new HashMap<>();
		for (Industry industry : industries) {
			codes.put(industry.code(), industry);
			labels.put(TextFold.fold(industry.name()), industry);
		}
		this.byCode = Map.copyOf(codes);
		this.byFoldedLabel = Map.copyOf(labels);
	}

	/**
	 * The resolver for the industries shipped with the tool, read on first use.
	 * @throws ReferenceDataException naming the file and line of a bad row
	 */
	public static synchronized IndustryResolver load() {
		if (shared == null) {
			shared = from(ReferenceCsv.read(RESOURCE, "code", "label_vi"));
		}
		return shared;
	}

	static IndustryResolver from(List<ReferenceCsv.Row> rows) {
		List<Industry> industries = new ArrayList<>();
		Map<String, Long> lineOfLabel = new HashMap<>();
		for (ReferenceCsv.Row row : rows) {
			String code = row.required("code").toUpperCase(Locale.ROOT);
			if (!SECTION.matcher(code).matches()) {
				throw row.fail("code '" + code + "' is not a VSIC section letter A to U");
			}
			if (industries.stream().anyMatch((other) -> other.code().equals(code))) {
				throw row.fail("code " + code + " appears twice");
			}
			String label = row.required("label_vi");
			Long earlier = lineOfLabel.putIfAbsent(TextFold.fold(label), row.line());
			if (earlier != null) {
				throw row.fail("label '" + label + "' is already used on line " + earlier);
			}
			industries.add(new Industry(code, label));
		}
		return new IndustryResolver(industries);
	}

	/**
	 * The industry written as its letter (any case), its label, or the letter followed by
	 * a label that may be cut short with an ellipsis; a leading "Ngành" or "Ngành nghề"
	 * is tolerated. Empty when blank, unknown, or when the letter and the label disagree.
	 */
	public Optional<Industry> resolve(String written) {
		String cleaned = TextFold.clean(written);
		String folded = TextFold.fold(cleaned);
		for (String prefix : PREFIXES) {
			if (folded.startsWith(prefix)) {
				folded = folded.substring(prefix.length());
				break;
			}
		}
		if (folded.isEmpty()) {
			return Optional.empty();
		}
		boolean cutShort = cleaned.endsWith("…") || cleaned.endsWith("...");
		Industry industry = byCode(folded).orElse(null);
		if (industry == null) {
			industry = byLabel(folded, cutShort);
		}
		if (industry == null && folded.length() > 2 && folded.charAt(1) == ' ') {
			Industry byLetter = byCode(folded.substring(0, 1)).orElse(null);
			Industry byLabel = byLabel(folded.substring(2), cutShort);
			if (byLetter != null && (byLabel == null || byLabel.equals(byLetter))) {
				industry = byLetter;
			}
		}
		return Optional.ofNullable(industry);
	}

	private Industry byLabel(String folded, boolean cutShort) {
		Industry industry = this.byFoldedLabel.get(folded);
		if (industry == null && cutShort) {
			List<Industry> matches = this.byFoldedLabel.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().startsWith(folded))
				.map(Map.Entry::getValue)
				.toList();
			industry = (matches.size() == 1) ? matches.get(0) : null;
		}
		return industry;
	}

	/** Every industry, A to U, in the order of {@code industries.csv}. */
	public List<Industry> all() {
		return this.industries;
	}

	/** The industry with this section letter, any case. */
	public Optional<Industry> byCode(String code) {
		return Optional.ofNullable(this.byCode.get(TextFold.clean(code).toUpperCase(Locale.ROOT)));
	}

}
