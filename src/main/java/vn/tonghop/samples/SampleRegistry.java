package vn.tonghop.samples;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.tonghop.normalise.Industry;
import vn.tonghop.normalise.IndustryResolver;
import vn.tonghop.normalise.ProvinceResolution;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.Sector;
import vn.tonghop.normalise.SectorResolver;

/**
 * The sample list of unions expected to report in {@value InputSamples#YEAR}
 * ({@code input-samples/danh-sach-cdcs-2026.xlsx}, what {@code tonghop registry} loads),
 * made from the year's sample returns as a federation would keep it: each union once,
 * under the 2025 province it belongs to, with three unions that have not reported and one
 * union that reported left out (its return gets W03).
 */
final class SampleRegistry {

	static final String FILE = "danh-sach-cdcs-" + InputSamples.YEAR + ".xlsx";

	/** The union left out of the list, whose return is therefore not expected (W03). */
	static final String NOT_LISTED = "CD240519";

	/** Unions on the list that sent no return: completeness counts them missing. */
	static final List<List<String>> NOT_REPORTED = List.of(
			List.of("CD750330", "Công đoàn Công ty Cổ phần Gỗ Tân Mai", "Đồng Nai", "NNN", "C"),
			List.of("CD010412", "Công đoàn Trường Trung học phổ thông Hồng Hà", "Hà Nội", "HCSN", "P"),
			List.of("CD560430", "Công đoàn Bệnh viện Đa khoa khu vực Cam Lâm", "Khánh Hòa", "HCSN", "Q"));

	/**
	 * Provinces the samples write in a way no resolver can map (a province dissolved in
	 * 1997): the registry names the union's province as the federation knows it.
	 */
	private static final Map<String, String> KNOWN_PROVINCE = Map.of("Sông Bé", "Hồ Chí Minh");

	/** The headings of the list, as {@code tonghop registry} reads them. */
	static final List<String> HEADINGS = List.of("STT", "Mã CĐCS", "Tên công đoàn cơ sở", "Tỉnh, thành phố", "Khu vực",
			"Ngành");

	private SampleRegistry() {
	}

	/** One row of the list: code, name, province, sector and industry as written. */
	record Entry(String code, String name, String province, String sector, String industry) {
	}

	/** The list's rows, from the year's samples, in the order the samples come. */
	static List<Entry> entries(List<InputSamples.Sample> samples) {
		ProvinceResolver provinces = ProvinceResolver.load();
		SectorResolver sectors = SectorResolver.load();
		IndustryResolver industries = IndustryResolver.load();
		Map<String, Entry> byCode = new LinkedHashMap<>();
		for (InputSamples.Sample sample : samples) {
			if (sample.content() == null || !sample.path().startsWith(InputSamples.YEAR + "/")
					|| sample.path().contains("/seeds/")) {
				continue;
			}
			Map<String, String> header = sample.content().header();
			String code = header.getOrDefault("union_code", "");
			if (code.isBlank() || code.equals(NOT_LISTED) || byCode.containsKey(code)) {
				continue;
			}
			String written = header.getOrDefault("province", "");
			String province = KNOWN_PROVINCE.get(written);
			if (province == null) {
				ProvinceResolution resolution = provinces.resolve(written, InputSamples.YEAR);
				province = (resolution.province() != null) ? resolution.province().name() : written;
			}
			String sector = sectors.resolve(header.getOrDefault("sector", ""))
				.map(Sector::name)
				.orElse(header.getOrDefault("sector", ""));
			String industry = industries.resolve(header.getOrDefault("industry", "")).map(Industry::code).orElse("");
			byCode.put(code, new Entry(code, header.getOrDefault("union_name", ""), province, sector, industry));
		}
		List<Entry> entries = new ArrayList<>(byCode.values());
		for (List<String> union : NOT_REPORTED) {
			String sector = sectors.resolve(union.get(3)).map(Sector::name).orElseThrow();
			entries.add(new Entry(union.get(0), union.get(1), union.get(2), sector, union.get(4)));
		}
		return entries;
	}

	/** Writes the list as the federation's office would: a title, then the table. */
	static void write(List<Entry> entries, Path file) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			// the same bytes every time: POI stamps the creation time otherwise
			workbook.getProperties()
				.getCoreProperties()
				.setCreated(java.util.Optional.of(java.util.Date.from(java.time.LocalDate.of(InputSamples.YEAR, 11, 20)
					.atStartOfDay(java.time.ZoneOffset.UTC)
					.toInstant())));
			Sheet sheet = workbook.createSheet("Danh sách");
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle title = workbook.createCellStyle();
			title.setFont(bold);
			Row first = sheet.createRow(0);
			first.createCell(0)
				.setCellValue("DANH SÁCH CÔNG ĐOÀN CƠ SỞ PHẢI BÁO CÁO KẾT QUẢ THI ĐUA NĂM " + InputSamples.YEAR);
			first.getCell(0).setCellStyle(title);
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADINGS.size() - 1));
			sheet.createRow(1)
				.createCell(0)
				.setCellValue("(Kèm theo công văn của Ban Thường vụ; số liệu mẫu, không phải đơn vị thật)");
			Row headings = sheet.createRow(2);
			for (int i = 0; i < HEADINGS.size(); i++) {
				headings.createCell(i).setCellValue(HEADINGS.get(i));
				headings.getCell(i).setCellStyle(title);
			}
			int[] widths = { 6, 12, 48, 18, 26, 8 };
			for (int i = 0; i < widths.length; i++) {
				sheet.setColumnWidth(i, widths[i] * 256);
			}
			int r = 3;
			for (Entry entry : entries) {
				Row row = sheet.createRow(r);
				row.createCell(0).setCellValue(r - 2);
				row.createCell(1).setCellValue(entry.code());
				row.createCell(2).setCellValue(entry.name());
				row.createCell(3).setCellValue(entry.province());
				row.createCell(4).setCellValue(entry.sector());
				row.createCell(5).setCellValue(entry.industry());
				r++;
			}
			sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
			sheet.getPrintSetup().setLandscape(true);
			sheet.setFitToPage(true);
			sheet.getPrintSetup().setFitWidth((short) 1);
			sheet.getPrintSetup().setFitHeight((short) 0);
			Files.createDirectories(file.toAbsolutePath().getParent());
			try (OutputStream out = Files.newOutputStream(file)) {
				workbook.write(out);
			}
		}
	}

	/** The README's section on the list. */
	static String readme() {
		StringBuilder md = new StringBuilder();
		md.append("\n## Danh sách CĐCS phải báo cáo · Registry\n\n");
		md.append("`" + FILE + "`: danh sách công đoàn cơ sở phải báo cáo năm " + InputSamples.YEAR
				+ ", nạp bằng `tonghop registry --input input-samples/" + FILE + " --year " + InputSamples.YEAR
				+ "`. Mỗi CĐCS có báo cáo mẫu năm " + InputSamples.YEAR + " một dòng, trừ " + NOT_LISTED
				+ " (báo cáo của đơn vị này được cảnh báo W03), thêm " + NOT_REPORTED.size()
				+ " CĐCS chưa gửi báo cáo (" + String.join(", ", NOT_REPORTED.stream().map((u) -> u.get(0)).toList())
				+ ").\n");
		md.append("The list of unions expected to report in " + InputSamples.YEAR
				+ ", loaded with the command above: every union of the " + InputSamples.YEAR + " samples once, except "
				+ NOT_LISTED + " (whose return then gets W03), and " + NOT_REPORTED.size()
				+ " unions that have sent nothing.\n\n");
		md.append("Hai dòng tiêu đề, rồi dòng tên cột; tonghop tìm dòng tên cột theo nhãn, không theo vị trí."
				+ " Two title rows, then the headings, found by their labels wherever they are.\n\n");
		md.append("| Cột · Column | Đọc là · Read as | Bắt buộc · Required |\n|---|---|---|\n");
		md.append("| `STT` | số thứ tự, bỏ qua · row number, not read | |\n");
		md.append("| `Mã CĐCS` (hoặc `Mã công đoàn cơ sở`, `Mã đơn vị`) | mã công đoàn cơ sở, khóa để đối chiếu"
				+ " với báo cáo · the union code, matched with the returns' | có · yes |\n");
		md.append("| `Tên công đoàn cơ sở` (`Tên CĐCS`, `Tên đơn vị`) | tên, so với tên trên báo cáo (W08)"
				+ " · the name, compared with the return's (W08) | có · yes |\n");
		md.append("| `Tỉnh, thành phố` (`Tỉnh/thành phố`, `Tỉnh`) | tên, tên khác hoặc mã 2 số của tỉnh; tỉnh cũ"
				+ " được tính vào tỉnh mới · a name, alias or 2-digit code; a pre-2025 province counts as its"
				+ " successor | có · yes |\n");
		md.append("| `Khu vực` (`Loại hình`) | mã hoặc tên khu vực · the sector's code or name | có · yes |\n");
		md.append("| `Ngành` (`Ngành nghề`) | chữ cái ngành VSIC 2018 hoặc tên ngành · VSIC 2018 section letter or"
				+ " name | không · no |\n");
		return md.toString();
	}

}
