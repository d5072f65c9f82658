package vn.tonghop.normalise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import vn.tonghop.catalogue.ReferenceCsv;
import vn.tonghop.catalogue.ReferenceDataException;

/**
 * Resolves the sector a return writes (its code, label or one of the aliases of
 * {@code sectors.csv}, compared folded) to a {@link Sector}. Immutable.
 */
public final class SectorResolver {

	static final String RESOURCE = "reference/sectors.csv";

	/** Folded words that may precede the sector: the label of the field itself. */
	private static final List<String> PREFIXES = List.of("khu vuc", "loai hinh", "khoi");

	private static SectorResolver shared;

	private final List<Sector> sectors;

	private final Map<String, Sector> byCode;

	private final Map<String, Sector> byFoldedName;

	private SectorResolver(List<Sector> sectors, Map<String, Sector> byFoldedName) {
		this.sectors = List.copyOf(sectors);
		Map<String, Sector> codes = new LinkedHashMap<>();
		sectors.forEach((sector) -> codes.put(sector.code(), sector));
		this.byCode = Map.copyOf(codes);
		this.byFoldedName = Map.copyOf(byFoldedName);
	}

	/**
	 * The resolver for the sectors shipped with the tool, read on first use.
	 * @throws ReferenceDataException naming the file and line of a bad row, or of a name
	 * that two sectors share
	 */
	public static synchronized SectorResolver load() {
		if (shared == null) {
			shared = from(ReferenceCsv.read(RESOURCE, "code", "label_vi", "aliases"));
		}
		return shared;
	}

	static SectorResolver from(List<ReferenceCsv.Row> rows) {
		List<Sector> sectors = new ArrayList<>();
		Map<String, Sector> byFoldedName = new HashMap<>();
		Map<String, Long> lineOfName = new HashMap<>();
		for (ReferenceCsv.Row row : rows) {
			Sector sector = new Sector(row.required("code").toUpperCase(Locale.ROOT), row.required("label_vi"));
			if (sectors.stream().anyMatch((other) -> other.code().equals(sector.code()))) {
				throw row.fail("code " + sector.code() + " appears twice");
			}
			sectors.add(sector);
			List<String> names = new ArrayList<>(List.of(sector.code(), sector.name()));
			names.addAll(List.of(row.optional("aliases").split("\\|")));
			for (String name : names) {
				String folded = TextFold.fold(name);
				if (folded.isEmpty()) {
					continue;
				}
				Sector earlier = byFoldedName.putIfAbsent(folded, sector);
				if (earlier != null && !earlier.equals(sector)) {
					throw row.fail("'" + name + "' is also a name of sector " + earlier.code() + " (line "
							+ lineOfName.get(folded) + ")");
				}
				lineOfName.putIfAbsent(folded, row.line());
			}
		}
		return new SectorResolver(sectors, byFoldedName);
	}

	/**
	 * The sector written as its code, label or an alias, folded; a leading "Khu vực",
	 * "Loại hình" or "Khối" is tolerated, and so is a code followed by a label, e.g.
	 * {@code "FDI - Doanh nghiệp có vốn…"}, unless the label names another sector.
	 */
	public Optional<Sector> resolve(String written) {
		String folded = TextFold.fold(written);
		if (folded.isEmpty()) {
			return Optional.empty();
		}
		Sector sector = this.byFoldedName.get(folded);
		if (sector == null) {
			sector = this.byFoldedName.get(stripPrefix(folded));
		}
		if (sector == null) {
			sector = codeThenLabel(stripPrefix(folded));
		}
		return Optional.ofNullable(sector);
	}

	private Sector codeThenLabel(String folded) {
		int space = folded.indexOf(' ');
		if (space < 0) {
			return null;
		}
		Sector byCode = this.byCode.get(folded.substring(0, space).toUpperCase(Locale.ROOT));
		if (byCode == null) {
			return null;
		}
		Sector byLabel = this.byFoldedName.get(folded.substring(space + 1));
		return (byLabel == null || byLabel.equals(byCode)) ? byCode : null;
	}

	private static String stripPrefix(String folded) {
		for (String prefix : PREFIXES) {
			if (folded.startsWith(prefix + " ")) {
				return folded.substring(prefix.length() + 1);
			}
		}
		return folded;
	}

	/** Every sector, in the order of {@code sectors.csv}. */
	public List<Sector> all() {
		return this.sectors;
	}

	/** The sector with this code, any case. */
	public Optional<Sector> byCode(String code) {
		return Optional.ofNullable(this.byCode.get(TextFold.clean(code).toUpperCase(Locale.ROOT)));
	}

}
