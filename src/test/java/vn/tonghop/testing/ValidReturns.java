package vn.tonghop.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import vn.tonghop.catalogue.Indicator;
import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.template.FormContent;

/**
 * The content of a return every rule accepts, for tests that write one with
 * {@code ReturnFormWriter} and then change what they test: a value for every indicator of
 * the catalogue, counts going down from 1,000 with the women about half, and the
 * cross-field rules true (B03 within 15% of B02, B06 under A01's women, C04 under C03,
 * F02 equal to F01).
 */
public final class ValidReturns {

	private ValidReturns() {
	}

	/** The values with {@code header} (union_code, union_name, province, ...). */
	public static FormContent content(IndicatorCatalogue catalogue, Map<String, String> header) {
		Map<String, FormContent.Entry> values = new LinkedHashMap<>();
		long next = 1000;
		for (Indicator indicator : catalogue.all()) {
			switch (indicator.kind()) {
				case COUNT -> {
					long total = next;
					next -= 20;
					values.put(indicator.code(),
							new FormContent.Entry(total, indicator.hasFemaleColumn() ? total / 2 - 3 : null));
				}
				case MONEY -> values.put(indicator.code(), FormContent.Entry.of(12_500_000L + next));
				case CATEGORY -> values.put(indicator.code(), FormContent.Entry.of("HTTNV"));
				case FLAG -> values.put(indicator.code(), FormContent.Entry.of("Có"));
			}
		}
		values.put("B03", new FormContent.Entry(100L, 40L));
		values.put("B06", FormContent.Entry.of(300L));
		values.put("C03", FormContent.Entry.of(50L));
		values.put("C04", FormContent.Entry.of(40L));
		values.put("F02", FormContent.Entry.of(values.get("F01").total()));
		return new FormContent(new LinkedHashMap<>(header), values);
	}

}
