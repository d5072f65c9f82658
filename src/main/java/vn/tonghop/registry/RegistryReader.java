package vn.tonghop.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.tonghop.normalise.Industry;
import vn.tonghop.normalise.IndustryResolver;
import vn.tonghop.normalise.ProvinceResolution;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.Sector;
import vn.tonghop.normalise.SectorResolver;
import vn.tonghop.normalise.UnionCode;
import vn.tonghop.read.CsvSheetReader;
import vn.tonghop.read.HeaderField;
import vn.tonghop.read.SheetCells;
import vn.tonghop.read.TableLocator;
import vn.tonghop.read.UnreadableFileException;
import vn.tonghop.read.WorkbookReader;

/**
 * Reads the federation's list of expected unions: a table (title rows allowed above the
 * header) in {@code .xlsx}, {@code .xls} or {@code .csv}. Rows it cannot resolve are kept
 * and reported, each problem naming its row and cell.
 */
public final class RegistryReader {

	/** The entries of a registry file and what is wrong with some of them. */
	public record Result(List<RegistryEntry> entries, List<String> problems) {
	}

	private final ProvinceResolver provinces;

	private final SectorResolver sectors;

	private final IndustryResolver industries;

	public RegistryReader(ProvinceResolver provinces, SectorResolver sectors, IndustryResolver industries) {
		this.provinces = provinces;
		this.sectors = sectors;
		this.industries = industries;
	}

	public Result read(Path file, int year) throws UnreadableFileException {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		SheetCells sheet = (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv"))
				? new CsvSheetReader().read(file) : new WorkbookReader().readReturnSheet(file);
		List<RegistryEntry> entries = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (TableLocator.Record record : new TableLocator().records(sheet)) {
			int row = record.row() + 1;
			String code = UnionCode.normalise(record.text(HeaderField.UNION_CODE));
			Integer earlier = seen.putIfAbsent(code, row);
			if (earlier != null) {
				problems.add("Dòng " + row + ": mã " + code + " đã có ở dòng " + earlier + "; bỏ qua dòng này.");
				continue;
			}
			String provinceWritten = record.text(HeaderField.PROVINCE);
			String provinceCode = null;
			if (!provinceWritten.isEmpty()) {
				ProvinceResolution resolution = this.provinces.resolve(provinceWritten, year);
				provinceCode = (resolution.province() != null) ? resolution.province().code() : null;
			}
			if (provinceCode == null) {
				problems.add(where(record, HeaderField.PROVINCE, row) + ": không xác định được tỉnh/thành phố \""
						+ provinceWritten + "\" của " + code + ".");
			}
			String sectorWritten = record.text(HeaderField.SECTOR);
			String sectorCode = this.sectors.resolve(sectorWritten).map(Sector::code).orElse(null);
			if (sectorCode == null) {
				problems.add(where(record, HeaderField.SECTOR, row) + ": không xác định được khu vực \"" + sectorWritten
						+ "\" của " + code + ".");
			}
			String industryCode = this.industries.resolve(record.text(HeaderField.INDUSTRY))
				.map(Industry::code)
				.orElse(null);
			entries.add(new RegistryEntry(row, code, record.text(HeaderField.UNION_NAME), provinceWritten, provinceCode,
					sectorWritten, sectorCode, industryCode));
		}
		return new Result(entries, problems);
	}

	private static String where(TableLocator.Record record, HeaderField field, int row) {
		var cell = record.fields().get(field);
		return (cell != null) ? "Dòng " + row + " (ô " + cell.ref().a1() + ")" : "Dòng " + row;
	}

}
