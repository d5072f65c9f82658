package vn.tonghop.report.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.tonghop.catalogue.IndicatorCatalogue;

/**
 * Writes the analysts' workbook {@code tong-hop-thi-dua-Y.xlsx} (spec section 5): a
 * summary with charts, the roll-ups by province, sector, province and sector, and
 * industry (in a provincial federation's own view: by upper-level union, sector and
 * industry, within its province), the ratings, completeness, the unions that have not
 * reported, the findings, the accepted returns and the run information; Vietnamese
 * headings, rates from sums, the previous year beside this one, print-ready on A4
 * landscape: the summary in the form of an administrative report, wide tables as thematic
 * tables one page wide each, no machine code on a printed page.
 * <p>
 * The summary is a normal sheet (it holds the charts); every other sheet is streamed, so
 * that 100,000 returns or findings keep memory flat. The file is written under a
 * temporary name beside the target and renamed into place when complete.
 */
public final class ConsolidatedWorkbook {

	/** Rows of a streamed sheet kept in memory. */
	private static final int WINDOW = 200;

	static final List<String> SHEETS = List.of(SummarySheet.NAME, "Theo tỉnh", "Theo khu vực", "Tỉnh × khu vực",
			"Theo ngành", "Xếp loại", "Mức độ đầy đủ", "Chưa báo cáo", "Phát hiện", "Báo cáo", "Thông tin");

	/** The sheet of a provincial federation's own view, by upper-level union. */
	static final String BY_PARENT_UNION = "Theo công đoàn cấp trên";

	/**
	 * The sheets of a provincial federation's own view ({@link FederationView}): by
	 * upper-level union in place of the 34-province sheets.
	 */
	static final List<String> FEDERATION_SHEETS = List.of(SummarySheet.NAME, BY_PARENT_UNION, "Theo khu vực",
			"Theo ngành", "Xếp loại", "Mức độ đầy đủ", "Chưa báo cáo", "Phát hiện", "Báo cáo", "Thông tin");

	private final IndicatorCatalogue catalogue;

	private final Issuer issuer;

	/** A workbook whose letterhead and signature block are blanks to fill by hand. */
	public ConsolidatedWorkbook(IndicatorCatalogue catalogue) {
		this(catalogue, Issuer.NONE);
	}

	/**
	 * A workbook issued by {@code issuer} (the settings {@code tonghop.federation.*}).
	 */
	public ConsolidatedWorkbook(IndicatorCatalogue catalogue, Issuer issuer) {
		this.catalogue = catalogue;
		this.issuer = (issuer != null) ? issuer : Issuer.NONE;
	}

	public void write(WorkbookInput input, Path file) throws IOException {
		Path target = file.toAbsolutePath();
		Path folder = target.getParent();
		Files.createDirectories(folder);
		// not Files.createTempFile: its file is readable by its owner only, and so would
		// the
		// workbook be once renamed
		Path temporary = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
		try {
			try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE)) {
				write(input, out);
			}
			move(temporary, target);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private void write(WorkbookInput input, OutputStream out) throws IOException {
		Figures figures = new Figures(this.catalogue, input.columns());
		try (XSSFWorkbook xssf = new XSSFWorkbook()) {
			Styles styles = new Styles(xssf);
			RollupSheets summaryRollups = new RollupSheets(xssf, styles, figures, input);
			new SummarySheet(xssf, styles, figures, input, summaryRollups, this.issuer).write();
			SXSSFWorkbook workbook = SheetWriter.workbook(xssf, WINDOW);
			try {
				RollupSheets rollups = new RollupSheets(workbook, styles, figures, input);
				String year = Integer.toString(input.year());
				FederationView federation = input.federation();
				if (federation != null) {
					rollups.write(BY_PARENT_UNION,
							"Tổng hợp thi đua năm " + year + " theo công đoàn cấp trên trực tiếp",
							List.of(RollupSheets.PARENT_UNION), federation.byParentUnion(),
							federation.previousByParentUnion());
				}
				else {
					rollups.write(SHEETS.get(1), "Tổng hợp thi đua năm " + year + " theo tỉnh, thành phố",
							List.of(RollupSheets.PROVINCE), input.byProvince(), input.previousByProvince());
				}
				rollups.write(SHEETS.get(2), "Tổng hợp thi đua năm " + year + " theo khu vực",
						List.of(RollupSheets.SECTOR), input.bySector(), input.previousBySector());
				if (federation == null) {
					rollups.write(SHEETS.get(3), "Tổng hợp thi đua năm " + year + " theo tỉnh, thành phố và khu vực",
							List.of(RollupSheets.PROVINCE, RollupSheets.SECTOR), input.byProvinceSector(), null);
				}
				rollups.write(SHEETS.get(4), "Tổng hợp thi đua năm " + year + " theo ngành kinh tế (VSIC 2018)",
						List.of(RollupSheets.INDUSTRY), input.byIndustry(), input.previousByIndustry());
				if (federation != null) {
					rollups.writeRatings(RollupSheets.PARENT_UNION, federation.byParentUnion(),
							"theo công đoàn cấp trên trực tiếp");
				}
				else {
					rollups.writeRatings();
				}
				ListSheets lists = new ListSheets(workbook, styles, figures, input);
				lists.writeCompleteness();
				lists.writeMissing();
				lists.writeFindings();
				lists.writeReturns();
				lists.writeInfo();
				workbook.setActiveSheet(0);
				workbook.write(out);
			}
			finally {
				workbook.close();
			}
		}
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
