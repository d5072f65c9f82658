package vn.tonghop.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import vn.tonghop.catalogue.Indicator;
import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.template.FormContent;
import vn.tonghop.template.FormStyle;
import vn.tonghop.template.ReturnFormWriter;

/**
 * Re-makes the folder of sample returns ({@code input-samples/}): the five seed reports
 * as returns, figure for figure, under {@code <year>/seeds/}, and {@value #YEAR}'s
 * synthetic returns under {@code 2026/}, each showing one way real returns are messy or
 * one rule they break; the list of unions expected to report that year; then a
 * {@code README.md} that lists them. Everything is deterministic: the same code writes
 * the same bytes.
 */
public final class InputSamples {

	/** The year the synthetic returns are for: the year being consolidated. */
	public static final int YEAR = 2026;

	/** The upper-level union of a sample, by the province as the sample writes it. */
	private static final Map<String, String> PARENTS = Map.ofEntries(
			Map.entry("TP.HCM", "Liên đoàn Lao động TP. Hồ Chí Minh"),
			Map.entry("Hồ Chí Minh", "Liên đoàn Lao động TP. Hồ Chí Minh"),
			Map.entry("Thành phố Hồ Chí Minh", "Liên đoàn Lao động TP. Hồ Chí Minh"),
			Map.entry("Bình Dương", "Liên đoàn Lao động TP. Hồ Chí Minh"),
			Map.entry("Sông Bé", "Liên đoàn Lao động TP. Hồ Chí Minh"),
			Map.entry("Hà Nội", "Liên đoàn Lao động thành phố Hà Nội"),
			Map.entry("01", "Liên đoàn Lao động thành phố Hà Nội"),
			Map.entry("24", "Công đoàn các Khu công nghiệp tỉnh Bắc Ninh"),
			Map.entry("Bắc Ninh", "Công đoàn các Khu công nghiệp tỉnh Bắc Ninh"),
			Map.entry("Hải Dương", "Liên đoàn Lao động thành phố Hải Phòng"),
			Map.entry("Đà Nẵng", "Liên đoàn Lao động thành phố Đà Nẵng"),
			Map.entry("Cần Thơ", "Liên đoàn Lao động thành phố Cần Thơ"),
			Map.entry("Khánh Hoà", "Liên đoàn Lao động tỉnh Khánh Hòa"),
			Map.entry("Tỉnh Đồng Nai", "Liên đoàn Lao động tỉnh Đồng Nai"));

	/** The chance that a synthetic return leaves an optional indicator blank. */
	private static final double BLANK_CHANCE = 0.1;

	private static final Pattern APPROXIMATE = Pattern.compile("(trên|khoảng|hơn|gần) ");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private InputSamples() {
	}

	/**
	 * Writes every sample under {@code dir}, overwriting files of the same name (other
	 * files are left alone). Writes the list of unions expected to report
	 * ({@code danh-sach-cdcs-2026.xlsx}) too.
	 * @return the paths written: the returns, then {@code README.md}
	 */
	public static List<Path> write(Path dir) throws IOException {
		IndicatorCatalogue catalogue = IndicatorCatalogue.load();
		ReturnFormWriter writer = new ReturnFormWriter(catalogue);
		List<Sample> samples = new ArrayList<>();
		samples.addAll(seeds(catalogue));
		samples.addAll(synthetic());
		List<Path> written = new ArrayList<>();
		for (Sample sample : samples) {
			Path file = dir.resolve(sample.path());
			if (sample.copyOf() != null) {
				Files.createDirectories(file.getParent());
				Files.copy(dir.resolve(sample.copyOf()), file, StandardCopyOption.REPLACE_EXISTING);
			}
			else {
				writer.write(sample.content(), sample.style(), file);
			}
			Files.setLastModifiedTime(file, FileTime.from(sample.sentOn().atTime(9, 0).toInstant(ZoneOffset.UTC)));
			written.add(file);
		}
		Path registry = dir.resolve(SampleRegistry.FILE);
		SampleRegistry.write(SampleRegistry.entries(samples), registry);
		Path readme = dir.resolve("README.md");
		Files.writeString(readme, readme(samples, catalogue), StandardCharsets.UTF_8);
		written.add(readme);
		return written;
	}

	/**
	 * One sample file.
	 *
	 * @param path where it goes, relative to the samples folder, with {@code /}
	 * @param content what the form says (null for a copy)
	 * @param style how it is laid out (null for a copy)
	 * @param copyOf for a byte-identical copy, the path of the original; else null
	 * @param sentOn the day it arrived: its last-modified time
	 * @param expected the findings the tool should report, rule codes first
	 * @param vi what it shows, in Vietnamese
	 * @param en what it shows, in English
	 */
	record Sample(String path, FormContent content, FormStyle style, String copyOf, LocalDate sentOn, String expected,
			String vi, String en) {
	}

	/** The seed reports, from {@code samples/seed-returns.csv}. */
	static List<Sample> seeds(IndicatorCatalogue catalogue) {
		Map<String, FormStyle> styles = Map.of("000", FormStyle.standard(), "001",
				FormStyle.standard().withHeaderLabelVariant(true).withExtraRows(true), "002",
				FormStyle.standard().withMergedCells(true).withFemaleHeading(FormStyle.NU), "003",
				FormStyle.standard().withPaddingRows(1).withPaddingColumns(1), "004",
				FormStyle.standard().withSwapLabelAndCode(true).withHiddenFirstSheet(true));
		Map<String, String[]> about = Map.of("000",
				new String[] { "Báo cáo tổng kết thi đua 2024 của Công đoàn Sở Xây dựng: 17 chỉ tiêu có số liệu",
						"2024 year-end report of a provincial construction department union: 17 figures" },
				"001",
				new String[] {
						"Báo cáo 2023 của CĐCS xã Hương Bình: đoàn viên có số nữ, kinh phí «trên 5.000.000 đồng»",
						"2023 report of a commune union: members with the female count, money as an approximate text" },
				"002",
				new String[] {
						"Báo cáo 2020 của Công đoàn cơ quan Hội LHPN tỉnh: xếp loại cách gọi cũ «CĐCS vững mạnh xuất sắc»",
						"2020 report of a women's union office: the older rating wording" },
				"003",
				new String[] { "Bài viết về phong trào thi đua 2024: chỉ có chỉ tiêu phấn đấu (%), không có số liệu",
						"An article on the 2024 campaign: targets in per cent only, no figures" },
				"004",
				new String[] { "Kế hoạch thi đua 2020 của CĐCS Sở Xây dựng: chỉ có chỉ tiêu phấn đấu, không có số liệu",
						"A 2020 emulation plan: targets only, no figures" });
		List<Sample> samples = new ArrayList<>();
		for (SeedReturns.SeedReturn seed : SeedReturns.load(catalogue)) {
			String[] text = about.getOrDefault(seed.seed(),
					new String[] { "Báo cáo gốc " + seed.seed(), "Seed report" });
			samples.add(new Sample(seed.year() + "/seeds/" + seed.file() + ".xlsx", seed.content(),
					styles.getOrDefault(seed.seed(), FormStyle.standard()), null, LocalDate.of(seed.year() + 1, 1, 10),
					seedFindings(seed.content(), catalogue), text[0], text[1]));
		}
		return samples;
	}

	/**
	 * R17 for each required indicator the report does not give; W04 for an approximate
	 * figure; W01 when B03 is above 15% of B02.
	 */
	private static String seedFindings(FormContent content, IndicatorCatalogue catalogue) {
		List<String> missing = new ArrayList<>();
		for (Indicator indicator : catalogue.all()) {
			if (indicator.required() && content.entry(indicator.code()).total() == null) {
				missing.add(indicator.code());
			}
		}
		List<String> findings = new ArrayList<>();
		if (!missing.isEmpty()) {
			findings.add("R17 (" + String.join(", ", missing) + ")");
		}
		if (content.values()
			.values()
			.stream()
			.anyMatch((entry) -> entry.total() instanceof String text && APPROXIMATE.matcher(text).lookingAt())) {
			findings.add("W04");
		}
		if (content.entry("B02").total() instanceof Number b02 && content.entry("B03").total() instanceof Number b03
				&& b03.doubleValue() > 0.15 * b02.doubleValue()) {
			findings.add("W01");
		}
		return findings.isEmpty() ? "—" : String.join("; ", findings);
	}

	/** The synthetic returns for {@value #YEAR}. */
	static List<Sample> synthetic() {
		List<Sample> samples = new ArrayList<>();
		String dongNai = YEAR + "/ldld-dong-nai/";
		String hcm = YEAR + "/ldld-tp-ho-chi-minh/";
		String haNoi = YEAR + "/ldld-ha-noi/";
		String bacNinh = YEAR + "/cd-cac-kcn-bac-ninh/";
		String khanhHoa = YEAR + "/ldld-khanh-hoa/";
		String email = YEAR + "/Thư điện tử nhận về/";
		String zalo = YEAR + "/zalo-gui-lai/";

		Draft first = new Draft(dongNai + "cd-cong-ty-may-tin-phat-lan-1.xlsx", "CD750101",
				"Công đoàn Công ty TNHH May Tín Phát", "Đồng Nai", "NNN", "NNN", "C")
			.sentOn(8)
			.set("F04", "x")
			.about("—", "Lần gửi thứ nhất; biểu chuẩn; F04 ghi «x»",
					"First submission; the standard form; F04 written as x");
		samples.add(first.sample());
		Draft second = first.copy(dongNai + "cd-cong-ty-may-tin-phat-lan-2.xlsx")
			.sentOn(14)
			.about("W06", "Gửi lại (lần 2) cùng mã CĐCS, số liệu đã sửa; tên tệp xếp sau lần 1",
					"Resubmission of the same union code with corrected figures; its name sorts after the first");
		second.adjust("A01", 12, 8)
			.adjust("A02", 12, 8)
			.adjust("B01", 10, 6)
			.adjust("B02", 5, 3)
			.set("E06", 98_500_000L);
		samples.add(second.sample());
		samples.add(new Draft(dongNai + "Báo cáo thi đua 2026 - CĐ Bệnh viện Đa khoa Long Khánh.xlsx", "CD750214",
				"Công đoàn Bệnh viện Đa khoa khu vực Long Khánh", "Tỉnh Đồng Nai", "HCSN", "Hành chính sự nghiệp",
				"Y tế và hoạt động trợ giúp xã hội")
			.sentOn(9)
			.style(FormStyle.standard().withMergedCells(true).withLabelOnlyCodes(Set.of("B05", "D03", "E03")))
			.about("—",
					"Tên tệp có dấu và dấu cách; ô gộp (tiêu đề, giá trị đầu biểu, nhãn); 3 dòng không ghi mã (B05, D03, E03);"
							+ " ngành ghi bằng tên",
					"File name with Vietnamese letters and spaces; merged cells (title, header values, labels);"
							+ " three rows with a label but no code (B05, D03, E03); industry written as its label")
			.sample());
		samples.add(new Draft(dongNai + "cd-cong-ty-thuc-pham-sao-mai.xlsx", "",
				"Công đoàn Công ty Cổ phần Thực phẩm Sao Mai", "Đồng Nai", "NNN", "Doanh nghiệp tư nhân", "C")
			.sentOn(12)
			.about("R01", "Bỏ trống mã công đoàn cơ sở", "Union code left blank")
			.sample());

		Draft text = new Draft(hcm + "cd-cong-ty-dien-tu-tan-thuan.xlsx", "CD790305",
				"Công đoàn Công ty TNHH Điện tử Tân Thuận Việt Nam", "TP.HCM", "FDI", "FDI", "C")
			.sentOn(7)
			.workforce(new Figures.Profile(1100, 1600, 0.6, 0.75))
			.style(FormStyle.standard().withPaddingRows(3).withPaddingColumns(2))
			.typedAsText("A01", "A02", "B01", "B02", "B03", "B04", "B05")
			.set("E06", thousands(1_450_000_000L) + " đồng")
			.set("E07", "12.500.000 đồng")
			.about("—",
					"3 dòng trống ở trên, 2 cột trống bên trái; số gõ dạng chữ có dấu chấm ngăn nghìn (A01 «%s»);"
							+ " tiền «12.500.000 đồng»; tỉnh viết tắt «TP.HCM»",
					"Three blank rows on top, two blank columns on the left; numbers typed as text with '.' thousands"
							+ " separators (A01 \"%s\"); money as \"12.500.000 đồng\"; province alias TP.HCM");
		text.about(text.expected, String.format(text.vi, text.values.get("A01").total()),
				String.format(text.en, text.values.get("A01").total()));
		samples.add(text.sample());
		samples.add(new Draft(hcm + "cd-htx-nong-nghiep-phu-giao.xlsx", "CD790412",
				"Công đoàn Hợp tác xã Nông nghiệp Phú Giáo", "Bình Dương", "HTX", "Hợp tác xã", "A")
			.sentOn(11)
			.style(FormStyle.standard().withSwapLabelAndCode(true).withShuffledHeader(true))
			.set("E07", "5 triệu")
			.about("W02",
					"Tỉnh cũ «Bình Dương» (nay thuộc TP. Hồ Chí Minh); cột Mã số đứng trước Chỉ tiêu;"
							+ " đầu biểu đảo thứ tự, hai cặp trên một dòng; tiền «5 triệu»",
					"Pre-2025 province Bình Dương; code column before the label column; header fields shuffled,"
							+ " two pairs on a row; money as \"5 triệu\"")
			.sample());
		samples.add(new Draft(hcm + "cd-phuong-thu-dau-mot.xls", "CD790520", "Công đoàn cơ sở phường Thủ Dầu Một",
				"Hồ Chí Minh", "XP", "Xã, phường, đặc khu", "O")
			.sentOn(13)
			.style(FormStyle.standard().withMergedCells(true))
			.set("E04", "trên 30")
			.about("W04", "Tệp .xls (Excel 97-2003); ô gộp; số gần đúng «trên 30»",
					"Legacy .xls workbook; merged cells; an approximate value \"trên 30\"")
			.sample());
		samples.add(new Draft(hcm + "cd-cong-ty-co-phan-det-an-phu.xlsx", "CD790633",
				"Công đoàn Công ty Cổ phần Dệt An Phú", "Sông Bé", "NNN", "Ngoài quốc doanh", "C")
			.sentOn(12)
			.about("R02", "Tỉnh không xác định được («Sông Bé», tỉnh đã giải thể năm 1997)",
					"Province that cannot be resolved (Sông Bé, dissolved in 1997)")
			.sample());
		samples.add(
				new Draft(hcm + "cd-cong-ty-giay-viet-glory.xlsx", "CD790741", "Công đoàn Công ty TNHH Giày Việt Glory",
						"Thành phố Hồ Chí Minh", "FDI", "Có vốn đầu tư nước ngoài", "C")
					.sentOn(6)
					.header("year", Integer.toString(YEAR - 1))
					.about("R04", "Ghi năm báo cáo 2025 trong đợt tổng hợp 2026", "Year 2025 written in a 2026 return")
					.sample());

		samples.add(new Draft(haNoi + "cd-benh-vien-bac-thang-long.xlsm", "CD010118",
				"Công đoàn Bệnh viện Bắc Thăng Long", "Hà Nội", "HCSN", "HCSN", "Q")
			.sentOn(9)
			.style(FormStyle.standard().withHiddenFirstSheet(true).withSheetName("Sheet1"))
			.about("—", "Tệp .xlsm; trang «Hướng dẫn» ẩn đứng đầu; trang biểu tên «Sheet1»",
					"Macro-enabled .xlsm; a hidden instructions sheet first; the form's sheet is named Sheet1")
			.sample());
		samples.add(new Draft(haNoi + "cd-truong-dai-hoc-cong-nghe-dong-a.xlsx", "CD010226",
				"Công đoàn Trường Đại học Công nghệ Đông Á", "01", "HCSN", "Đơn vị sự nghiệp", "P")
			.sentOn(10)
			.style(FormStyle.standard().withExtraRows(true).withSheetName("Báo cáo"))
			.about("—",
					"Tỉnh ghi bằng mã «01»; dòng tiêu đề mục (A. LAO ĐỘNG, ĐOÀN VIÊN…) xen giữa; trang tên «Báo cáo»",
					"Province as its code 01; section heading rows between the indicators; sheet named \"Báo cáo\"")
			.sample());
		samples.add(new Draft(haNoi + "nd-van-tai-hoan-kiem.xlsx", "CD010307", "Nghiệp đoàn Vận tải Hoàn Kiếm",
				"Hà Nội", "KHAC", "Nghiệp đoàn", "H")
			.sentOn(15)
			.set("F03", "Loại A")
			.about("R15", "Xếp loại ngoài danh mục («Loại A»)", "A rating outside the list (\"Loại A\")")
			.sample());

		samples.add(new Draft(bacNinh + "cd-cong-ty-linh-kien-shinwoo-vina.xlsx", "CD240412",
				"Công đoàn Công ty TNHH Linh kiện Shinwoo Vina", "24", "FDI", "DN FDI", "C")
			.sentOn(8)
			.style(FormStyle.standard().withUnknownRow(true))
			.set(ReturnFormWriter.UNKNOWN_CODE, 2)
			.about("W07", "Tỉnh ghi mã «24» (từ 2025 là Bắc Ninh, trước đó là Bắc Giang); thêm dòng mã lạ G01",
					"Province as code 24 (Bắc Ninh since 2025, Bắc Giang before); an extra row with the unknown code G01")
			.sample());
		samples.add(new Draft(bacNinh + "cd-cong-ty-co-khi-kyoei-viet-nam.xlsx", "CD240519",
				"Công đoàn Công ty TNHH Cơ khí Kyoei Việt Nam", "Bắc Ninh", "FDI", "Có vốn đầu tư nước ngoài",
				"Ngành gì đó")
			.sentOn(9)
			.set("F04", "Có")
			.about("W10", "Ngành không xác định được («Ngành gì đó»); F04 ghi «Có»",
					"Industry that cannot be resolved (\"Ngành gì đó\"); F04 written as Có")
			.sample());
		Draft members = new Draft(bacNinh + "cd-cong-ty-bao-bi-tan-tien.xlsx", "CD240623",
				"Công đoàn Công ty TNHH Bao bì Tân Tiến", "Bắc Ninh", "NNN", "Ngoài quốc doanh", "C")
			.sentOn(11)
			.about("R09", "Số đoàn viên (A02) lớn hơn số lao động (A01)", "More members (A02) than workers (A01)");
		members.adjust("A02", members.total("A01") - members.total("A02") + 7, 0);
		samples.add(members.sample());

		Draft cached = new Draft(khanhHoa + "cd-khach-san-bien-xanh-nha-trang.xlsx", "CD560108",
				"Công đoàn Công ty Cổ phần Khách sạn Biển Xanh Nha Trang", "Khánh Hoà", "NNN", "DN ngoài nhà nước", "I")
			.sentOn(8);
		int a01 = cached.total("A01");
		int b02 = cached.total("B02");
		int b02nu = cached.female("B02");
		cached.set("A01", new FormContent.Formula((a01 - a01 / 3) + "+" + (a01 / 3), true), cached.female("A01"))
			.set("B02", new FormContent.Formula("{B02_nu}+" + (b02 - b02nu), true), b02nu)
			.about("—", "A01, B02 là công thức (=…+…) có giá trị lưu sẵn, như Excel lưu; tỉnh viết «Khánh Hoà»",
					"A01 and B02 are formulas with cached values, as Excel saves them; province as \"Khánh Hoà\"");
		samples.add(cached.sample());
		Draft uncached = new Draft(khanhHoa + "cd-cang-ca-hon-ro.xlsx", "CD560215",
				"Công đoàn Công ty TNHH MTV Cảng cá Hòn Rớ", "Khánh Hòa", "DNNN", "DNNN", "H")
			.sentOn(10);
		int e04 = uncached.total("E04");
		uncached.set("E04", new FormContent.Formula((e04 / 2) + "+" + (e04 - e04 / 2), false))
			.about("—", "E04 là công thức chưa có giá trị lưu sẵn (tệp do chương trình khác ghi, chưa tính lại)",
					"E04 is a formula with no cached value (written by a program that never calculated it)");
		samples.add(uncached.sample());
		samples.add(new Draft(khanhHoa + "nd-nghe-ca-cam-ranh.xlsx", "CD560322", "Nghiệp đoàn Nghề cá Cam Ranh",
				"Khánh Hòa", "KHAC", "Khác", "A")
			.sentOn(12)
			.set("F03", "HTNV")
			.set("F04", "Không")
			.about("—", "Khu vực «Khác» (nghiệp đoàn); xếp loại viết tắt «HTNV»; F04 «Không»",
					"Sector \"Khác\" (an occupational union); rating as the abbreviation HTNV; F04 Không")
			.sample());

		String coalName = "CĐCS Công ty Than Bình Minh.xlsx";
		samples.add(new Draft(email + coalName, "CD220131", "Công đoàn Công ty TNHH MTV Than Bình Minh", "Quảng Ninh",
				"DNNN", "DN nhà nước", "B")
			.sentOn(7)
			.style(FormStyle.standard().withHeaderLabelVariant(true))
			.set("F03", "Vững mạnh")
			.about("—",
					"Nhãn đầu biểu kiểu khác («Mã CĐCS:», «Tỉnh, thành phố:», «Loại hình:»…); xếp loại cách gọi cũ «Vững mạnh»",
					"Alternative header labels (\"Mã CĐCS:\", \"Tỉnh, thành phố:\", \"Loại hình:\"…); older rating"
							+ " wording \"Vững mạnh\"")
			.sample());
		samples.add(new Draft(email + "cd-cong-ty-co-khi-thanh-cong.xlsx", "CD310244",
				"Công đoàn Công ty Cổ phần Cơ khí Thành Công", "Hải Dương", "NNN", "Doanh nghiệp ngoài Nhà nước",
				"Công nghiệp chế biến, chế tạo")
			.sentOn(9)
			.style(FormStyle.standard().withFemaleHeading(FormStyle.NU))
			.set("F03", "Khá")
			.set("F04", "Không")
			.about("W02",
					"Tỉnh cũ «Hải Dương» (nay thuộc Hải Phòng); cột nữ tên «Nữ»; xếp loại cách gọi cũ «Khá»; F04 «Không»",
					"Pre-2025 province Hải Dương; female column headed \"Nữ\"; older rating wording \"Khá\"; F04 Không")
			.sample());
		Draft female = new Draft(email + "cd-truong-dai-hoc-y-duoc-can-tho.xlsx", "CD920152",
				"Công đoàn Trường Đại học Y Dược Cần Thơ", "Cần Thơ", "HCSN", "HCSN", "P")
			.sentOn(10)
			.about("R08", "Số nữ lớn hơn tổng số (đoàn viên A02)",
					"Female value greater than the total (members, A02)");
		female.set("A02", female.total("A02"), female.total("A02") + 6);
		samples.add(female.sample());
		Draft fighters = new Draft(email + "cd-xa-dien-chau.xlsx", "CD400163", "Công đoàn cơ sở xã Diễn Châu",
				"Nghệ An", "XP", "XP", "O")
			.sentOn(11)
			.about("R11; W01", "Chiến sĩ thi đua cơ sở (B03) nhiều hơn Lao động tiên tiến (B02)",
					"More Grassroots Emulation Fighters (B03) than Advanced Workers (B02)");
		fighters.set("B03", fighters.total("B02") + 2, fighters.female("B02"));
		samples.add(fighters.sample());
		Draft required = new Draft(email + "htx-che-tan-cuong.xlsx", "CD190171", "Công đoàn Hợp tác xã Chè Tân Cương",
				"Thái Nguyên", "HTX", "HTX", "A")
			.sentOn(12)
			.about("R17", "Thiếu chỉ tiêu bắt buộc B03 (để trống)", "A required indicator (B03) left blank");
		required.blank("B03");
		samples.add(required.sample());
		samples.add(new Draft(email + "cd-cong-ty-xay-dung-song-han.xlsx", "CD480186",
				"Công đoàn Công ty TNHH MTV Xây dựng Sông Hàn", "Đà Nẵng", "DNNN", "Doanh nghiệp Nhà nước", "F")
			.sentOn(13)
			.set("E03", "không rõ")
			.about("R05", "Chữ không phải số trong ô số lượng (E03 «không rõ»)",
					"Text that is not a number in a count (E03)")
			.sample());
		Draft cap = new Draft(email + "cd-cong-ty-ca-phe-lam-dong.xlsx", "CD680195",
				"Công đoàn Công ty Cổ phần Cà phê Lâm Đồng", "Lâm Đồng", "NNN", "NNN", "A")
			.sentOn(14)
			.about("W01", "Chiến sĩ thi đua cơ sở vượt 15% số Lao động tiên tiến (nhưng không vượt B02)",
					"B03 above 15% of B02 (but not above B02)");
		int advanced = cap.total("B02");
		cap.set("B03", Math.min(advanced, (int) Math.ceil(advanced * 0.2) + 1),
				Math.min(cap.female("B02"), (int) Math.ceil(advanced * 0.1)));
		samples.add(cap.sample());

		samples.add(new Sample(zalo + "CĐCS Công ty Than Bình Minh (1).xlsx", null, null, email + coalName,
				LocalDate.of(YEAR + 1, 1, 16), "—",
				"Bản sao y hệt (cùng byte) của tệp Than Bình Minh, gửi lại qua Zalo: chỉ tính một lần nộp",
				"A byte-identical copy of the Than Bình Minh return sent again through another channel: one submission"));
		return samples;
	}

	/**
	 * A synthetic return being put together: realistic figures, then the sample's twist.
	 */
	private static final class Draft {

		private final String path;

		private final Map<String, String> header = new LinkedHashMap<>();

		private final Map<String, FormContent.Entry> values = new LinkedHashMap<>();

		private FormStyle style = FormStyle.standard();

		private LocalDate sentOn = LocalDate.of(YEAR + 1, 1, 10);

		private String expected = "—";

		private String vi = "";

		private String en = "";

		Draft(String path, String unionCode, String unionName, String province, String sectorCode, String sector,
				String industry) {
			this.path = path;
			Random random = new Random(seed());
			this.values.putAll(Figures.generate(random, sectorCode, BLANK_CHANCE));
			this.header.put("union_code", unionCode);
			this.header.put("union_name", unionName);
			this.header.put("province", province);
			this.header.put("sector", sector);
			this.header.put("industry", industry);
			this.header.put("parent_union", PARENTS.getOrDefault(province, "Liên đoàn Lao động tỉnh " + province));
			this.header.put("year", Integer.toString(YEAR));
			this.header.put("preparer", Names.person(random));
			this.header.put("phone", Names.phone(random));
			this.header.put("email", "congdoan." + slug(unionName) + "@gmail.com");
		}

		private Draft(Draft original, String path) {
			this.path = path;
			this.header.putAll(original.header);
			this.values.putAll(original.values);
			this.style = original.style;
			this.sentOn = original.sentOn;
		}

		private long seed() {
			return this.path.hashCode() * 31L + YEAR;
		}

		/** New figures for a workforce of this size and make-up. */
		Draft workforce(Figures.Profile profile) {
			this.values.clear();
			this.values.putAll(Figures.generate(new Random(seed() + 1), profile, BLANK_CHANCE));
			return this;
		}

		/** The totals and female values of these codes typed as text, "1.234". */
		Draft typedAsText(String... codes) {
			for (String code : codes) {
				FormContent.Entry entry = this.values.get(code);
				this.values.put(code, new FormContent.Entry(asText(entry.total()), asText(entry.female())));
			}
			return this;
		}

		private static Object asText(Object value) {
			return (value instanceof Number number) ? thousands(number.longValue()) : value;
		}

		Draft copy(String path) {
			return new Draft(this, path);
		}

		Draft sentOn(int dayOfJanuary) {
			this.sentOn = LocalDate.of(YEAR + 1, 1, dayOfJanuary);
			this.header.put("prepared_on", DAY.format(this.sentOn.minusDays(2)));
			return this;
		}

		Draft header(String key, String value) {
			this.header.put(key, value);
			return this;
		}

		Draft style(FormStyle style) {
			this.style = style;
			return this;
		}

		Draft set(String code, Object total) {
			FormContent.Entry entry = this.values.get(code);
			return set(code, total, (entry != null) ? entry.female() : null);
		}

		Draft set(String code, Object total, Object female) {
			this.values.put(code, new FormContent.Entry(total, female));
			return this;
		}

		Draft blank(String code) {
			this.values.remove(code);
			return this;
		}

		/** Adds to a count and its female value. */
		Draft adjust(String code, int total, int female) {
			FormContent.Entry entry = this.values.get(code);
			Object femaleValue = (entry.female() != null) ? (Object) (((Number) entry.female()).intValue() + female)
					: null;
			return set(code, ((Number) entry.total()).intValue() + total, femaleValue);
		}

		int total(String code) {
			return ((Number) this.values.get(code).total()).intValue();
		}

		int female(String code) {
			return ((Number) this.values.get(code).female()).intValue();
		}

		Draft about(String expected, String vi, String en) {
			this.expected = expected;
			this.vi = vi;
			this.en = en;
			return this;
		}

		Sample sample() {
			Map<String, String> header = new LinkedHashMap<>(this.header);
			header.values().removeIf(String::isEmpty);
			return new Sample(this.path, new FormContent(header, this.values), this.style, null, this.sentOn,
					this.expected, this.vi, this.en);
		}

		private static String slug(String name) {
			String ascii = java.text.Normalizer
				.normalize(name.replace('đ', 'd').replace('Đ', 'D'), java.text.Normalizer.Form.NFD)
				.replaceAll("\\p{M}", "");
			String[] words = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", "").split(" +");
			return String.join("", List.of(words).subList(Math.max(0, words.length - 3), words.length));
		}

	}

	/** A number with Vietnamese thousands separators: 1234567 → "1.234.567". */
	static String thousands(long value) {
		return String.format(Locale.ROOT, "%,d", value).replace(',', '.');
	}

	static String readme(List<Sample> samples, IndicatorCatalogue catalogue) {
		Map<String, List<Sample>> byYear = new TreeMap<>();
		for (Sample sample : samples) {
			byYear.computeIfAbsent(sample.path().substring(0, sample.path().indexOf('/')), (y) -> new ArrayList<>())
				.add(sample);
		}
		StringBuilder md = new StringBuilder();
		md.append("# Báo cáo mẫu đầu vào · Input samples\n\n");
		md.append("Thư mục này do `vn.tonghop.samples.InputSamples` sinh ra; đừng sửa tay, hãy sửa mã rồi sinh lại.\n");
		md.append(
				"Generated by `vn.tonghop.samples.InputSamples`; do not edit by hand: change the code and re-generate.\n\n");
		md.append(
				"- `<năm>/seeds/`: 5 báo cáo thật (văn bản trong `src/main/resources/samples/SEEDS.md`) chuyển thành biểu,"
						+ " đúng từng số liệu báo cáo nêu; chỉ tiêu báo cáo không nêu để trống.\n");
		md.append(
				"  The five real seed reports as returns, figure for figure; what a report does not state is blank.\n");
		md.append("- `" + YEAR + "/`: báo cáo tổng hợp giả lập cho năm " + YEAR
				+ ", mỗi tệp minh họa một kiểu lộn xộn hoặc một lỗi.\n");
		md.append("  Synthetic " + YEAR + " returns, each showing one kind of mess or one rule breach.\n\n");
		md.append(
				"Cột «Kiểm tra» là mã lỗi/cảnh báo công cụ phải báo khi tổng hợp đúng năm của tệp (— là không có).\n");
		md.append(
				"The column \"Findings\" lists the rules the tool should report when consolidating the file's own year"
						+ " (— for none).\n");
		for (Map.Entry<String, List<Sample>> year : byYear.entrySet()) {
			md.append("\n## ").append(year.getKey()).append("\n\n");
			md.append("| Tệp · File | Kiểm tra · Findings | Minh họa | Demonstrates |\n");
			md.append("|---|---|---|---|\n");
			for (Sample sample : year.getValue()) {
				md.append("| `")
					.append(sample.path().substring(year.getKey().length() + 1))
					.append("` | ")
					.append(sample.expected())
					.append(" | ")
					.append(sample.vi())
					.append(" | ")
					.append(sample.en())
					.append(" |\n");
			}
		}
		md.append(SampleRegistry.readme());
		md.append("\nMã lỗi: xem mục 4 của đặc tả. Rule codes: see section 4 of the return-form spec.\n");
		return md.toString();
	}

}
