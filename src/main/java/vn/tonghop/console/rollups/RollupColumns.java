package vn.tonghop.console.rollups;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.tonghop.catalogue.Indicator;
import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.normalise.Rating;
import vn.tonghop.rollup.Rollups;

/**
 * The indicator columns of the roll-ups ({@code by-province.csv}'s, from
 * {@link vn.tonghop.rollup.IndicatorColumns}) as the pages name and choose them: a name
 * from a request is one of them, compared without case, or nothing; each has a label in
 * the page's language.
 */
@Component
class RollupColumns {

	/** The columns every table shows: workers and members, with the women among them. */
	static final List<String> MAIN = List.of("A01", "A01_nu", "A02", "A02_nu");

	/** The column shown beside them when none is chosen. */
	static final String DEFAULT_CHOSEN = "B02";

	/** A column: its name, its index among the roll-up's columns, its label. */
	record Column(String name, int index, String label) {
	}

	private final List<String> names;

	private final IndicatorCatalogue catalogue;

	private final MessageSource messages;

	RollupColumns(Rollups rollups, IndicatorCatalogue catalogue, MessageSource messages) {
		this.names = rollups.columns().names();
		this.catalogue = catalogue;
		this.messages = messages;
	}

	/** The column a request names ({@code a02_NU} is {@code A02_nu}), if there is one. */
	Optional<Column> find(String name, Locale locale) {
		if (name == null) {
			return Optional.empty();
		}
		String wanted = name.strip();
		for (int i = 0; i < this.names.size(); i++) {
			if (this.names.get(i).equalsIgnoreCase(wanted)) {
				return Optional.of(column(i, locale));
			}
		}
		return Optional.empty();
	}

	/** Every column, in catalogue order, for the page's list to choose from. */
	List<Column> all(Locale locale) {
		List<Column> all = new ArrayList<>(this.names.size());
		for (int i = 0; i < this.names.size(); i++) {
			all.add(column(i, locale));
		}
		return all;
	}

	/**
	 * The columns of a table: {@link #MAIN}, then {@code chosen} when it is not one of
	 * them.
	 */
	List<Column> shown(Column chosen, Locale locale) {
		List<Column> shown = new ArrayList<>();
		for (String name : MAIN) {
			find(name, locale).ifPresent(shown::add);
		}
		if (shown.stream().noneMatch((column) -> column.name().equals(chosen.name()))) {
			shown.add(chosen);
		}
		return shown;
	}

	Column chosenByDefault(Locale locale) {
		return find(DEFAULT_CHOSEN, locale).orElseGet(() -> column(0, locale));
	}

	private Column column(int index, Locale locale) {
		String name = this.names.get(index);
		return new Column(name, index, label(name, locale));
	}

	/**
	 * "A02 — Union members", "A02 — … — women", "F03 — … — rated HTXSNV": the code, the
	 * catalogue's label in the page's language, and what part of it the column is.
	 */
	private String label(String name, Locale locale) {
		String code = name.substring(0, Math.min(3, name.length()));
		Indicator indicator = this.catalogue.find(code).orElse(null);
		if (indicator == null) {
			return name;
		}
		boolean english = "en".equals(locale.getLanguage());
		String label = code + " — " + (english ? indicator.labelEn() : indicator.labelVi());
		if (name.length() == code.length()) {
			return label;
		}
		String part = name.substring(code.length() + 1);
		if (part.equalsIgnoreCase("nu")) {
			return this.messages.getMessage("rollups.column.female", new Object[] { label }, locale);
		}
		for (Rating rating : Rating.values()) {
			if (rating.name().equals(part)) {
				String ratingLabel = this.messages.getMessage("rollups.rating." + rating.name(), null, rating.label(),
						locale);
				return this.messages.getMessage("rollups.column.rating", new Object[] { label, ratingLabel }, locale);
			}
		}
		return label + " — " + part;
	}

}
