package vn.tonghop.catalogue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The indicator catalogue, parsed once from {@code reference/indicators.csv}, in
 * catalogue order. Immutable.
 */
public final class IndicatorCatalogue {

	public static final String RESOURCE = "reference/indicators.csv";

	private static final Pattern CODE = Pattern.compile("[A-Z][0-9]{2}");

	private final List<Indicator> indicators;

	private final Map<String, Indicator> byCode;

	public IndicatorCatalogue(List<Indicator> indicators) {
		this.indicators = List.copyOf(indicators);
		Map<String, Indicator> map = new LinkedHashMap<>();
		for (Indicator indicator : indicators) {
			map.put(indicator.code(), indicator);
		}
		this.byCode = Collections.unmodifiableMap(map);
	}

	/** The catalogue shipped with the tool. */
	public static IndicatorCatalogue load() {
		return load(RESOURCE);
	}

	public static IndicatorCatalogue load(String resource) {
		List<Indicator> indicators = new ArrayList<>();
		Map<String, Long> seen = new LinkedHashMap<>();
		for (ReferenceCsv.Row row : ReferenceCsv.read(resource, "code", "section", "label_vi", "label_en", "unit",
				"kind", "female", "required")) {
			String code = row.required("code").toUpperCase(Locale.ROOT);
			if (!CODE.matcher(code).matches()) {
				throw row.fail("code '" + code + "' is not a letter and two digits");
			}
			Long earlier = seen.put(code, row.line());
			if (earlier != null) {
				throw row.fail("code " + code + " is already defined on line " + earlier);
			}
			Indicator.Kind kind = row.enumValue("kind", Indicator.Kind.class);
			Indicator.Female female = row.enumValue("female", Indicator.Female.class);
			if (female != Indicator.Female.NO && !kind.numeric()) {
				throw row.fail("only count and money indicators can have a female value");
			}
			String required = row.required("required");
			if (!required.equals("yes") && !required.equals("no")) {
				throw row.fail("required must be 'yes' or 'no', not '" + required + "'");
			}
			indicators.add(new Indicator(code, row.required("section"), row.required("label_vi"),
					row.optional("label_en"), row.optional("unit"), kind, female, required.equals("yes")));
		}
		if (indicators.isEmpty()) {
			throw new ReferenceDataException(resource, 2, "the catalogue has no indicators");
		}
		return new IndicatorCatalogue(indicators);
	}

	/** Every indicator, in catalogue order. */
	public List<Indicator> all() {
		return this.indicators;
	}

	public Optional<Indicator> find(String code) {
		return (code != null) ? Optional.ofNullable(this.byCode.get(code.strip().toUpperCase(Locale.ROOT)))
				: Optional.empty();
	}

	/** The indicator with this code; the code must be in the catalogue. */
	public Indicator get(String code) {
		return find(code).orElseThrow(() -> new IllegalArgumentException("no indicator " + code + " in the catalogue"));
	}

	public boolean contains(String code) {
		return find(code).isPresent();
	}

}
