package vn.tonghop.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.tonghop.catalogue.Indicator;
import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.normalise.FlagReader;
import vn.tonghop.normalise.FlagReading;
import vn.tonghop.normalise.Industry;
import vn.tonghop.normalise.IndustryResolver;
import vn.tonghop.normalise.NumberReader;
import vn.tonghop.normalise.NumberReading;
import vn.tonghop.normalise.Province;
import vn.tonghop.normalise.ProvinceResolution;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.Rating;
import vn.tonghop.normalise.Sector;
import vn.tonghop.normalise.SectorResolver;
import vn.tonghop.normalise.TextFold;
import vn.tonghop.normalise.UnionCode;
import vn.tonghop.read.CellRef;
import vn.tonghop.read.FormCells;
import vn.tonghop.read.HeaderField;
import vn.tonghop.read.IndicatorRow;
import vn.tonghop.read.RawCell;

/**
 * Normalises a located form (spec section 3) and judges it against every rule (section
 * 4). All findings are collected, not only the first. Plain class: no Spring, no I/O.
 */
public final class ReturnJudge {

	private static final Pattern YEAR = Pattern.compile("(?<![0-9])(19[0-9]{2}|2[0-9]{3})(?![0-9])");

	private final IndicatorCatalogue catalogue;

	private final RuleBook rules;

	private final Messages messages;

	private final ProvinceResolver provinces;

	private final SectorResolver sectors;

	private final IndustryResolver industries;

	public ReturnJudge(IndicatorCatalogue catalogue, RuleBook rules, Messages messages, ProvinceResolver provinces,
			SectorResolver sectors, IndustryResolver industries) {
		this.catalogue = catalogue;
		this.rules = rules;
		this.messages = messages;
		this.provinces = provinces;
		this.sectors = sectors;
		this.industries = industries;
	}

	/**
	 * @param form what the locator found
	 * @param year the year being consolidated
	 */
	public JudgedReturn judge(FormCells form, int year) {
		Findings findings = new Findings(this.rules, this.messages, form.sheet());
		String unionCode = UnionCode.normalise(text(form, HeaderField.UNION_CODE));
		String unionName = TextFold.clean(text(form, HeaderField.UNION_NAME));
		requireHeaderFields(form, findings);

		Integer declaredYear = readYear(form, year, findings);
		int schemeYear = (declaredYear != null) ? declaredYear : year;

		String provinceWritten = written(form, HeaderField.PROVINCE);
		String provinceCode = resolveProvince(form, schemeYear, findings);
		String sectorWritten = written(form, HeaderField.SECTOR);
		String sectorCode = resolveSector(form, findings);
		String industryWritten = written(form, HeaderField.INDUSTRY);
		String industryCode = resolveIndustry(form, findings);

		reportLegacyText(form, findings);
		Map<String, IndicatorValue> values = readValues(form, findings);
		checkRequiredIndicators(form, values, findings);
		checkFemaleNotAboveTotal(values, findings);
		checkComparisons(values, findings);

		Map<String, String> contact = new LinkedHashMap<>();
		for (HeaderField field : List.of(HeaderField.PREPARER, HeaderField.PREPARED_ON, HeaderField.PHONE,
				HeaderField.EMAIL)) {
			String value = TextFold.clean(text(form, field));
			if (!value.isEmpty()) {
				contact.put(field.key(), value);
			}
		}
		Map<String, CellRef> headerCells = new LinkedHashMap<>();
		// a code column's cell is its field's: the code decided it (EnumMap: code columns
		// come last)
		form.header()
			.forEach((field, cell) -> headerCells.put((field.coded() != null) ? field.coded().key() : field.key(),
					cell.ref()));
		NormalisedReturn value = new NormalisedReturn(form.sheet(), unionCode, unionName, provinceWritten, provinceCode,
				sectorWritten, sectorCode, industryWritten, industryCode,
				TextFold.clean(text(form, HeaderField.PARENT_UNION)), declaredYear,
				TextFold.clean(text(form, HeaderField.TEMPLATE_VERSION)), contact, headerCells, values);
		return new JudgedReturn(value, findings.list(unionCode));
	}

	private static String text(FormCells form, HeaderField field) {
		RawCell cell = form.header().get(field);
		return (cell != null && cell.kind() != RawCell.Kind.ERROR) ? cell.text() : "";
	}

	private static CellRef cellOf(FormCells form, HeaderField field) {
		RawCell cell = form.header().get(field);
		return (cell != null) ? cell.ref() : form.headerLabels().get(field);
	}

	/**
	 * A field as written: its own value, else (a list's code column only) its code, so
	 * that the return keeps what it said.
	 */
	private static String written(FormCells form, HeaderField field) {
		String written = TextFold.clean(text(form, field));
		HeaderField code = field.codeColumn();
		return (written.isEmpty() && code != null) ? TextFold.clean(text(form, code)) : written;
	}

	private void requireHeaderFields(FormCells form, Findings findings) {
		for (HeaderField field : HeaderField.values()) {
			if (field.required() && written(form, field).isEmpty()) {
				findings.add("R01", form.headerLabels().get(field), "R01", field.labels().get(0));
			}
		}
	}

	private Integer readYear(FormCells form, int year, Findings findings) {
		RawCell cell = form.header().get(HeaderField.YEAR);
		if (cell == null) {
			return null;
		}
		Integer declared = null;
		if (cell.isNumber() && cell.number() == Math.rint(cell.number())) {
			declared = (int) cell.number();
		}
		else if (cell.kind() == RawCell.Kind.TEXT) {
			Matcher matcher = YEAR.matcher(cell.text());
			if (matcher.find()) {
				String first = matcher.group(1);
				declared = matcher.find() ? null : Integer.valueOf(first);
			}
		}
		if (declared == null || declared != year) {
			findings.add("R04", cell.ref(), "R04", TextFold.clean(cell.shown()), year);
		}
		return declared;
	}

	/**
	 * The province: as written, a code read in the scheme of the return's year; from a
	 * list's {@code province_code} column, a code of the 34 units of 2025 whatever the
	 * year, as tonghop's outputs write it. With both columns the code decides, and a name
	 * that resolves to another unit leaves the province unresolved (R02, naming both).
	 */
	private String resolveProvince(FormCells form, int schemeYear, Findings findings) {
		String name = TextFold.clean(text(form, HeaderField.PROVINCE));
		String code = TextFold.clean(text(form, HeaderField.PROVINCE_CODE));
		if (code.isEmpty()) {
			return resolveProvince(form, HeaderField.PROVINCE, name, schemeYear, findings);
		}
		String province = resolveProvince(form, HeaderField.PROVINCE_CODE, code,
				ProvinceResolver.FIRST_YEAR_OF_NEW_SCHEME, findings);
		Province named = name.isEmpty() ? null : this.provinces.resolve(name, schemeYear).province();
		if (province != null && named != null && !named.code().equals(province)) {
			findings.add("R02", cellOf(form, HeaderField.PROVINCE), "R02.conflict", code,
					this.provinces.byCode(province).map(Province::name).orElse(province), name, named.name());
			return null;
		}
		return province;
	}

	private String resolveProvince(FormCells form, HeaderField field, String written, int schemeYear,
			Findings findings) {
		if (written.isEmpty()) {
			return null;
		}
		ProvinceResolution resolution = this.provinces.resolve(written, schemeYear);
		CellRef cell = cellOf(form, field);
		if (resolution.province() == null) {
			String hint = resolution.candidates().isEmpty() ? ""
					: this.messages.format("R02.candidates", String.join(", ", resolution.candidates()));
			findings.add("R02", cell, "R02", written, hint);
			return null;
		}
		if (resolution.preMerger()) {
			findings.add("W02", cell, "W02", written, resolution.oldName(), resolution.province().name());
		}
		return resolution.province().code();
	}

	/**
	 * The sector, from its code column when a list has one (then a name that resolves to
	 * another sector leaves it unresolved, R03 naming both).
	 */
	private String resolveSector(FormCells form, Findings findings) {
		Agreed<Sector> sector = agreed(form, HeaderField.SECTOR, this.sectors::resolve);
		if (sector.conflict() != null) {
			findings.add("R03", cellOf(form, HeaderField.SECTOR), "R03.conflict", sector.written(),
					sector.value().name(), sector.conflict().written(), sector.conflict().value().name());
			return null;
		}
		if (sector.written().isEmpty()) {
			return null;
		}
		if (sector.value() == null) {
			List<String> choices = this.sectors.all().stream().map((s) -> s.code() + " (" + s.name() + ")").toList();
			findings.add("R03", cellOf(form, sector.field()), "R03", sector.written(), String.join(", ", choices));
			return null;
		}
		return sector.value().code();
	}

	/**
	 * The industry, optional, as the sector; one that cannot be resolved, or a code and a
	 * name that disagree, is left empty with a warning (W10).
	 */
	private String resolveIndustry(FormCells form, Findings findings) {
		Agreed<Industry> industry = agreed(form, HeaderField.INDUSTRY, this.industries::resolve);
		if (industry.conflict() != null) {
			findings.add("W10", cellOf(form, HeaderField.INDUSTRY), "W10.conflict", industry.written(),
					industry.value().name(), industry.conflict().written(), industry.conflict().value().name());
			return null;
		}
		if (industry.written().isEmpty()) {
			return null;
		}
		if (industry.value() == null) {
			findings.add("W10", cellOf(form, industry.field()), "W10", industry.written());
			return null;
		}
		return industry.value().code();
	}

	/**
	 * What a field resolves to: from its code column when that has a value (a list's
	 * {@code sector_code}), else from the field; with the field's own value too, and it
	 * resolving to something else, that as the conflict.
	 */
	private static <T> Agreed<T> agreed(FormCells form, HeaderField field, Function<String, Optional<T>> resolve) {
		HeaderField codeColumn = field.codeColumn();
		String name = TextFold.clean(text(form, field));
		String code = (codeColumn != null) ? TextFold.clean(text(form, codeColumn)) : "";
		if (code.isEmpty()) {
			return new Agreed<>(field, name, name.isEmpty() ? null : resolve.apply(name).orElse(null), null);
		}
		T value = resolve.apply(code).orElse(null);
		T named = name.isEmpty() ? null : resolve.apply(name).orElse(null);
		Agreed<T> conflict = (value != null && named != null && !named.equals(value))
				? new Agreed<>(field, name, named, null) : null;
		return new Agreed<>(codeColumn, code, value, conflict);
	}

	/**
	 * A field's value as written in the column that decides it, what it resolved to
	 * (null: nothing), and the other column's when the two disagree.
	 */
	private record Agreed<T>(HeaderField field, String written, T value, Agreed<T> conflict) {
	}

	/** W09: one finding naming how many cells were converted from a legacy encoding. */
	private static void reportLegacyText(FormCells form, Findings findings) {
		if (!form.legacy().isEmpty()) {
			RawCell first = form.legacy().get(0);
			findings.add("W09", first.ref(), "W09", first.legacy(), form.legacy().size(), first.ref().a1(),
					first.original(), first.text());
		}
	}

	private Map<String, IndicatorValue> readValues(FormCells form, Findings findings) {
		Map<String, IndicatorValue> byCode = new HashMap<>();
		Map<String, CellRef> firstRow = new HashMap<>();
		for (IndicatorRow row : form.rows()) {
			CellRef anchor = row.anchor();
			switch (row.match()) {
				case UNKNOWN_CODE -> {
					findings.add("W07", anchor, "W07.code", row.writtenCode());
					continue;
				}
				case UNKNOWN_LABEL -> {
					findings.add("W07", anchor, "W07.label", row.label());
					continue;
				}
				default -> {
				}
			}
			CellRef earlier = firstRow.putIfAbsent(row.code(), anchor);
			if (earlier != null) {
				findings.add("W07", anchor, "W07.duplicate", row.code(), earlier.a1());
				continue;
			}
			Indicator indicator = this.catalogue.get(row.code());
			IndicatorValue value = switch (indicator.kind()) {
				case COUNT, MONEY -> readNumbers(indicator, row, findings);
				case CATEGORY -> readRating(indicator, row, findings);
				case FLAG -> readFlag(indicator, row, findings, form.listRow());
			};
			byCode.put(row.code(), value);
		}
		Map<String, IndicatorValue> ordered = new LinkedHashMap<>();
		for (Indicator indicator : this.catalogue.all()) {
			IndicatorValue value = byCode.get(indicator.code());
			if (value != null && !value.isMissing()) {
				ordered.put(indicator.code(), value);
			}
		}
		return ordered;
	}

	private IndicatorValue readNumbers(Indicator indicator, IndicatorRow row, Findings findings) {
		RawCell totalCell = row.total();
		RawCell femaleCell = indicator.hasFemaleColumn() ? row.female() : null;
		if (indicator.female() == Indicator.Female.ONLY && totalCell == null) {
			totalCell = row.female();
		}
		Long total = number(indicator, totalCell, findings);
		Long female = number(indicator, femaleCell, findings);
		return new IndicatorValue(indicator.code(), total, female, null, null,
				(totalCell != null) ? totalCell.ref() : null, (femaleCell != null) ? femaleCell.ref() : null);
	}

	private Long number(Indicator indicator, RawCell cell, Findings findings) {
		if (cell == null) {
			return null;
		}
		String label = indicator.labelVi();
		NumberReading reading = switch (cell.kind()) {
			case NUMBER -> NumberReader.fromNumeric(cell.number());
			case TEXT -> (indicator.kind() == Indicator.Kind.MONEY) ? NumberReader.readMoney(cell.text())
					: NumberReader.readCount(cell.text());
			case ERROR -> {
				findings.add("R05", cell.ref(), "R05.error", indicator.code(), label, cell.text());
				yield null;
			}
			case UNCALCULATED -> {
				findings.add("R05", cell.ref(), "R05.uncalculated", indicator.code(), label, cell.text());
				yield null;
			}
			case BOOLEAN -> NumberReading.notANumber(cell.text());
		};
		if (reading == null || reading.isMissing()) {
			return null;
		}
		if (!reading.isNumber()) {
			findings.add("R05", cell.ref(), "R05", indicator.code(), label, TextFold.clean(cell.shown()));
			return null;
		}
		BigDecimal value = reading.value();
		if (reading.approximate()) {
			findings.add("W04", cell.ref(), "W04", indicator.code(), label, TextFold.clean(cell.shown()),
					value.toPlainString());
		}
		if (value.signum() < 0) {
			findings.add("R06", cell.ref(), "R06", indicator.code(), label, TextFold.clean(cell.shown()));
			return null;
		}
		if (value.stripTrailingZeros().scale() > 0) {
			findings.add("R07", cell.ref(), "R07", indicator.code(), label, TextFold.clean(cell.shown()));
			return null;
		}
		try {
			return value.longValueExact();
		}
		catch (ArithmeticException ex) {
			findings.add("R05", cell.ref(), "R05", indicator.code(), label, TextFold.clean(cell.shown()));
			return null;
		}
	}

	private IndicatorValue readRating(Indicator indicator, IndicatorRow row, Findings findings) {
		RawCell cell = row.total();
		if (cell == null) {
			return new IndicatorValue(indicator.code(), null, null, null, null, null, null);
		}
		Rating rating = Rating.read(cell.text()).orElse(null);
		if (rating == null) {
			findings.add("R15", cell.ref(), "R15.F03", TextFold.clean(cell.shown()));
		}
		return new IndicatorValue(indicator.code(), null, null, (rating != null) ? rating.name() : null, null,
				cell.ref(), null);
	}

	/**
	 * In a list, a blank yes/no cell is "no" (lists mark yes with x and leave no blank).
	 */
	private IndicatorValue readFlag(Indicator indicator, IndicatorRow row, Findings findings, boolean listRow) {
		RawCell cell = row.total();
		if (cell == null) {
			return new IndicatorValue(indicator.code(), null, null, null, listRow ? Boolean.FALSE : null,
					listRow ? row.totalAt() : null, null);
		}
		FlagReading reading = FlagReader.read(cell.text());
		Boolean flag = null;
		if (reading.status() == FlagReading.Status.VALUE) {
			flag = reading.value();
		}
		else if (reading.status() == FlagReading.Status.INVALID) {
			findings.add("R15", cell.ref(), "R15.F04", TextFold.clean(cell.shown()), indicator.labelVi());
		}
		return new IndicatorValue(indicator.code(), null, null, null, flag, cell.ref(), null);
	}

	private void checkRequiredIndicators(FormCells form, Map<String, IndicatorValue> values, Findings findings) {
		Set<String> reported = new HashSet<>();
		Map<String, CellRef> rowCells = new HashMap<>();
		for (IndicatorRow row : form.rows()) {
			if (row.code() != null) {
				rowCells.putIfAbsent(row.code(), row.totalAt());
				boolean attempted = row.total() != null || row.female() != null;
				if (attempted) {
					reported.add(row.code());
				}
			}
		}
		for (Indicator indicator : this.catalogue.all()) {
			if (indicator.required() && !values.containsKey(indicator.code()) && !reported.contains(indicator.code())) {
				CellRef cell = rowCells.getOrDefault(indicator.code(), form.tableHeader());
				findings.add("R17", cell, "R17", indicator.code(), indicator.labelVi());
			}
		}
	}

	private void checkFemaleNotAboveTotal(Map<String, IndicatorValue> values, Findings findings) {
		for (IndicatorValue value : values.values()) {
			if (value.total() != null && value.female() != null && value.female() > value.total()) {
				Indicator indicator = this.catalogue.get(value.code());
				findings.add("R08", value.femaleCell(), "R08", value.code(), indicator.labelVi(), value.female(),
						value.total());
			}
		}
	}

	private void checkComparisons(Map<String, IndicatorValue> values, Findings findings) {
		for (Rule rule : this.rules.comparisons()) {
			BigDecimal left = operand(values, rule.left());
			BigDecimal right = operand(values, rule.right());
			boolean anyMissing = left == null || right == null;
			boolean allMissing = left == null && right == null;
			if ((rule.missing() == Rule.MissingPolicy.SKIP_IF_ANY_MISSING && anyMissing)
					|| (rule.missing() == Rule.MissingPolicy.SKIP_IF_ALL_MISSING && allMissing)) {
				continue;
			}
			BigDecimal l = (left != null) ? left : BigDecimal.ZERO;
			BigDecimal r = (right != null) ? right : BigDecimal.ZERO;
			BigDecimal limit = r.multiply(rule.factor());
			if (rule.operator().holds(l, limit)) {
				continue;
			}
			CellRef cell = cellOf(values, rule.left());
			boolean scaled = rule.factor().compareTo(BigDecimal.ONE) != 0;
			String key = scaled ? "compare.factor" : "compare";
			findings.add(rule.code(), cell, key, describe(rule.left()), l.toPlainString(), describe(rule.right()),
					r.toPlainString(), percent(rule.factor()));
		}
	}

	private static BigDecimal operand(Map<String, IndicatorValue> values, Rule.Operand operand) {
		IndicatorValue value = values.get(operand.code());
		if (value == null) {
			return null;
		}
		Long number = operand.female() ? value.female() : value.total();
		return (number != null) ? BigDecimal.valueOf(number) : null;
	}

	private static CellRef cellOf(Map<String, IndicatorValue> values, Rule.Operand operand) {
		IndicatorValue value = values.get(operand.code());
		if (value == null) {
			return null;
		}
		return operand.female() ? value.femaleCell() : value.totalCell();
	}

	private String describe(Rule.Operand operand) {
		Indicator indicator = this.catalogue.get(operand.code());
		String text = operand.code() + " – " + indicator.labelVi();
		return operand.female() ? text + " (nữ)" : text;
	}

	private static String percent(BigDecimal factor) {
		return factor.movePointRight(2).stripTrailingZeros().toPlainString().replace('.', ',') + "%";
	}

}
