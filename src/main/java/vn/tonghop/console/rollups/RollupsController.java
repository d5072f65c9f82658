package vn.tonghop.console.rollups;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.tonghop.console.Scope;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.serve.ServeSettings;

/**
 * The roll-ups of a year by province, sector or industry with the previous year beside
 * ({@code GET /rollups}), and the returns and cells behind each number
 * ({@code GET /rollups/trace}), within the signed-in user's provinces. A column or a
 * grouping the roll-ups do not have is said on the page (400), never a server error.
 */
@Controller
class RollupsController {

	private final RollupTables tables;

	private final RollupTraces traces;

	private final RollupColumns columns;

	private final ProvinceResolver provinces;

	private final ServeSettings settings;

	RollupsController(RollupTables tables, RollupTraces traces, RollupColumns columns, ProvinceResolver provinces,
			ServeSettings settings) {
		this.tables = tables;
		this.traces = traces;
		this.columns = columns;
		this.provinces = provinces;
		this.settings = settings;
	}

	@GetMapping("/rollups")
	String rollups(@RequestParam(required = false) Integer year, @RequestParam(required = false) String by,
			@RequestParam(required = false) String indicator, Locale locale, Model model,
			HttpServletResponse response) {
		Scope scope = Scope.current();
		int shown = (year != null) ? year : this.settings.year();
		RollupTables.Grouping grouping = RollupTables.Grouping.PROVINCE;
		if (by != null && !by.isBlank()) {
			Optional<RollupTables.Grouping> asked = RollupTables.Grouping.of(by);
			if (asked.isPresent()) {
				grouping = asked.get();
			}
			else {
				problem(model, response, "rollups.by.unknown", by);
			}
		}
		RollupColumns.Column chosen = this.columns.chosenByDefault(locale);
		if (indicator != null && !indicator.isBlank()) {
			Optional<RollupColumns.Column> asked = this.columns.find(indicator, locale);
			if (asked.isPresent()) {
				chosen = asked.get();
			}
			else {
				problem(model, response, "rollups.indicator.unknown", indicator);
			}
		}
		List<Integer> years = new ArrayList<>(this.tables.years(scope));
		if (!years.contains(this.settings.year())) {
			years.add(0, this.settings.year());
		}
		if (!years.contains(shown)) {
			years.add(0, shown);
		}
		model.addAttribute("year", shown);
		model.addAttribute("years", years);
		model.addAttribute("by", grouping.parameter());
		model.addAttribute("chosen", chosen);
		model.addAttribute("choices", this.columns.all(locale));
		model.addAttribute("scope", scopeNames(scope));
		if (this.tables.hasReturns(shown, scope)) {
			model.addAttribute("table",
					this.tables.table(shown, grouping, this.columns.shown(chosen, locale), scope, locale));
		}
		return "rollups/rollups";
	}

	@GetMapping("/rollups/trace")
	String trace(@RequestParam(required = false) Integer year, @RequestParam(required = false) String indicator,
			@RequestParam(required = false) String province, @RequestParam(required = false) String sector,
			@RequestParam(required = false) String industry, @RequestParam(defaultValue = "1") int page, Locale locale,
			Model model, HttpServletResponse response) {
		Scope scope = Scope.current();
		int shown = (year != null) ? year : this.settings.year();
		model.addAttribute("year", shown);
		model.addAttribute("scope", scopeNames(scope));
		Optional<RollupColumns.Column> column = this.columns.find(indicator, locale);
		if (column.isEmpty()) {
			problem(model, response, "rollups.indicator.unknown", (indicator != null) ? indicator : "");
			return "rollups/trace";
		}
		model.addAttribute("trace", this.traces.trace(shown, column.get(), blankAsNull(province), blankAsNull(sector),
				industry, page, scope, locale));
		return "rollups/trace";
	}

	/** Says what was wrong with the request, on the page it asked for, with a 400. */
	private static void problem(Model model, HttpServletResponse response, String message, String asked) {
		model.addAttribute("problem", message);
		model.addAttribute("asked", asked);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
	}

	/** The names of the scope's provinces; null for every province. */
	private List<String> scopeNames(Scope scope) {
		if (scope.all()) {
			return null;
		}
		return this.provinces.all()
			.stream()
			.filter((province) -> scope.allows(province.code()))
			.map((province) -> province.name())
			.toList();
	}

	private static String blankAsNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
