package vn.tonghop.normalise;

import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.tonghop.catalogue.ReferenceCsv;
import vn.tonghop.catalogue.ReferenceDataException;
import vn.tonghop.normalise.LegacyText.Decoded;
import vn.tonghop.normalise.LegacyText.Encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LegacyTextTests {

	private static final String[] PROVINCES = { "An Giang", "Bà Rịa - Vũng Tàu", "Bình Dương", "Bình Phước",
			"Bình Thuận", "Bình Định", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre", "Cao Bằng", "Cà Mau",
			"Cần Thơ", "Gia Lai", "Huế", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hòa Bình", "Hưng Yên", "Hải Dương",
			"Hải Phòng", "Hậu Giang", "Hồ Chí Minh", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Long An",
			"Lào Cai", "Lâm Đồng", "Lạng Sơn", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên",
			"Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Thanh Hóa",
			"Thái Bình", "Thái Nguyên", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Tây Ninh", "Vĩnh Long", "Vĩnh Phúc",
			"Yên Bái", "Điện Biên", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Đồng Nai", "Đồng Tháp" };

	private static final String[] PHRASES = { "Công đoàn cơ sở", "Liên đoàn Lao động tỉnh Nghệ An",
			"Công đoàn Bệnh viện Đa khoa số 4", "Mường Khương", "Tổng số đoàn viên công đoàn",
			"Công ty Cổ phần Xi măng", "Hoàn thành xuất sắc nhiệm vụ", "Giấy khen (tập thể)",
			"Lượt đoàn viên hiến máu tình nguyện", "Ủy ban nhân dân xã Hương Bình", "Chủ tịch", "Người lập biểu" };

	private final LegacyText legacy = LegacyText.load();

	@Nested
	class Table {

		@Test
		void loadsTheTableOnce() {
			assertThat(LegacyText.load()).isSameAs(LegacyText.load());
		}

		@Test
		void badByteIsReportedWithFileAndLine() {
			List<ReferenceCsv.Row> rows = new ArrayList<>(goodRows());
			rows.add(row(42, "0xZZ", "á", "TCVN3", "U+00E1"));
			assertThatExceptionOfType(ReferenceDataException.class).isThrownBy(() -> LegacyText.fromRows(rows))
				.withMessageContaining("reference/legacy-encodings.csv line 42")
				.withMessageContaining("0xZZ");
		}

		@Test
		void unknownEncodingIsReportedWithFileAndLine() {
			List<ReferenceCsv.Row> rows = new ArrayList<>(goodRows());
			rows.add(row(7, "0xB8", "á", "VISCII", "U+00E1"));
			assertThatExceptionOfType(ReferenceDataException.class).isThrownBy(() -> LegacyText.fromRows(rows))
				.withMessageContaining("line 7")
				.withMessageContaining("VISCII");
		}

		@Test
		void charThatDisagreesWithItsCodePointIsReported() {
			List<ReferenceCsv.Row> rows = new ArrayList<>(goodRows());
			rows.add(row(9, "0xB8", "à", "TCVN3", "U+00E1"));
			assertThatExceptionOfType(ReferenceDataException.class).isThrownBy(() -> LegacyText.fromRows(rows))
				.withMessageContaining("line 9");
		}

		@Test
		void sameByteForTwoLettersIsReported() {
			List<ReferenceCsv.Row> rows = new ArrayList<>(goodRows());
			rows.add(row(11, "0xB8", "à", "TCVN3", "U+00E0"));
			assertThatExceptionOfType(ReferenceDataException.class).isThrownBy(() -> LegacyText.fromRows(rows))
				.withMessageContaining("line 11")
				.withMessageContaining("already stands for");
		}

		@Test
		void threeByteVniLetterIsReported() {
			List<ReferenceCsv.Row> rows = new ArrayList<>(goodRows());
			rows.add(row(13, "0x61 0xF9 0xF9", "á", "VNI-Windows", "U+00E1"));
			assertThatExceptionOfType(ReferenceDataException.class).isThrownBy(() -> LegacyText.fromRows(rows))
				.withMessageContaining("line 13");
		}

		@Test
		void goodRowsMakeAWorkingConverter() {
			LegacyText small = LegacyText.fromRows(goodRows());
			assertThat(small.decodeWithFont("c\u00B8", ".VnTime")).isEqualTo(new Decoded("cá", Encoding.TCVN3));
			assertThat(small.decodeWithFont("caù", "VNI-Times")).isEqualTo(new Decoded("cá", Encoding.VNI));
		}

		private static List<ReferenceCsv.Row> goodRows() {
			return List.of(row(2, "0xB8", "á", "TCVN3", "U+00E1"), row(3, "0x61 0xF9", "á", "VNI-Windows", "U+00E1"),
					row(4, "0xF1", "đ", "VNI-Windows", "U+0111"));
		}

		private static ReferenceCsv.Row row(long line, String bytes, String letter, String encoding, String code) {
			Map<String, String> values = new HashMap<>();
			values.put("legacy_char_codepoint_hex", bytes);
			values.put("unicode_char", letter);
			values.put("encoding", encoding);
			values.put("unicode_codepoint_hex", code);
			values.put("legacy_as_latin1", "");
			values.put("cp1252_view_if_different", "");
			return new ReferenceCsv.Row("reference/legacy-encodings.csv", line, values);
		}

	}

	@Nested
	class Fonts {

		@ParameterizedTest
		@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
				.VnTime     | TCVN3
				.VnTimeH    | TCVN3
				.VnArial    | TCVN3
				.vnarialh   | TCVN3
				' .VnTime ' | TCVN3
				VNI-Times   | VNI
				vni-helve   | VNI
				Times New Roman | null
				Arial       | null
				VnTime      | null
				VNITimes    | null
				null        | null
				""")
		void encodingOfFont(String font, Encoding expected) {
			assertThat(LegacyText.encodingOfFont(font)).isEqualTo(expected);
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
				.VnTimeH   | true
				.VnArialH  | true
				.vntimeh   | true
				.VnTime    | false
				.VnArial   | false
				VNI-TimesH | false
				ArialH     | false
				null       | false
				""")
		void capitalsFont(String font, boolean expected) {
			assertThat(LegacyText.capitalsFont(font)).isEqualTo(expected);
		}

	}

	@Nested
	class Tcvn3 {

		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				Liªn ®oµn Lao ®éng tØnh NghÖ An     | Liên đoàn Lao động tỉnh Nghệ An
				C«ng ®oµn BÖnh viÖn §a khoa sè 4     | Công đoàn Bệnh viện Đa khoa số 4
				L§L§ An Giang                        | LĐLĐ An Giang
				NguyÔn ThÞ Hoa                       | Nguyễn Thị Hoa
				""")
		void decodesWithTheFont(String legacyText, String expected) {
			Decoded decoded = legacy.decodeWithFont(legacyText, ".VnTime");
			assertThat(decoded).isEqualTo(new Decoded(expected, Encoding.TCVN3));
			assertThat(Normalizer.isNormalized(decoded.text(), Normalizer.Form.NFC)).isTrue();
		}

		@Test
		void softHyphenIsTheLetterU() {
			assertThat(legacy.decodeWithFont("M\u00ADêng Kh\u00AD¬ng", ".VnTime").text()).isEqualTo("Mường Khương");
			assertThat(legacy.decodeWithFont("ng\u00AD\u00EAi lao \u00AE\u00E9ng", ".VnTime").text())
				.isEqualTo("người lao động");
		}

		@Test
		void softHyphenStrippedBeforeDecodingLosesTheLetter() {
			// What happens when a clean-up drops U+00AD first: the word comes out wrong.
			String stripped = "M\u00ADêng Kh\u00AD¬ng".replace("\u00AD", "");
			assertThat(legacy.decodeWithFont(stripped, ".VnTime").text()).isNotEqualTo("Mường Khương");
			// TextFold.clean keeps it, so cleaning first is safe.
			assertThat(legacy.decodeWithFont(TextFold.clean(" M\u00ADêng  Kh\u00AD¬ng "), ".VnTime").text())
				.isEqualTo("Mường Khương");
		}

		@Test
		void capitalsFontGivesCapitals() {
			assertThat(legacy.decodeWithFont("VI\u00D6T NAM", ".VnTimeH"))
				.isEqualTo(new Decoded("VIỆT NAM", Encoding.TCVN3));
			assertThat(legacy.decodeWithFont("VI\u00D6T NAM", ".VnTime").text()).isEqualTo("VIệT NAM");
		}

		@Test
		void capitalsAreVietnameseWhateverTheDefaultLocale() {
			Locale before = Locale.getDefault();
			Locale.setDefault(Locale.forLanguageTag("tr"));
			try {
				assertThat(legacy.decodeWithFont("thi \u00AEua \u00AEi\u00D6n l\u00F9c", ".VnTimeH").text())
					.isEqualTo("THI ĐUA ĐIỆN LỰC");
				assertThat("thi".toUpperCase()).as("what a locale-blind upper-casing would give").isEqualTo("THİ");
			}
			finally {
				Locale.setDefault(before);
			}
		}

		@Test
		void capitalsFontShowsCodesInCapitals() {
			assertThat(legacy.decodeWithFont("cd91010004", ".VnTimeH"))
				.isEqualTo(new Decoded("CD91010004", Encoding.TCVN3));
			assertThat(legacy.decodeWithFont("CD91010004", ".VnTimeH")).isEqualTo(new Decoded("CD91010004", null));
		}

		@Test
		void vn1UpperCaseLettersAreAccepted() {
			// VN1 0x8C = Ệ, as a C1 control char or as its Windows-1252 view Œ
			assertThat(legacy.decodeWithFont("VI\u008CT", ".VnTime").text()).isEqualTo("VIỆT");
			assertThat(legacy.decodeWithFont("VI\u0152T", ".VnTime").text()).isEqualTo("VIỆT");
			// VN1 0xC4 = Ấ, 0xDA = Ế
			assertThat(legacy.decodeWithFont("\u00C4P", ".VnTime").text()).isEqualTo("ẤP");
		}

		@Test
		void punctuationIsNotTakenForVn1Letters() {
			// 0x96 is VN1 Ọ, but as the Windows-1252 en dash it is far more likely a dash
			assertThat(legacy.decodeWithFont("Liªn ®oµn \u2013 An Giang", ".VnTime").text())
				.isEqualTo("Liên đoàn \u2013 An Giang");
		}

		@Test
		void combiningToneMarkOnlyAfterALetter() {
			// VN1 0xB3 = combining acute: composes after a letter, stays a ³ after a
			// digit
			assertThat(legacy.decodeWithFont("ca\u00B3", ".VnTime").text()).isEqualTo("cá");
			assertThat(legacy.decodeWithFont("10\u00B3 ng\u00AD\u00EAi", ".VnTime").text()).isEqualTo("10³ người");
		}

	}

	@Nested
	class Vni {

		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				Coâng ñoaøn cô sôû           | Công đoàn cơ sở
				Lieân ñoaøn                  | Liên đoàn
				Lieân ñoaøn Lao ñoäng tænh Ngheä An | Liên đoàn Lao động tỉnh Nghệ An
				Ñaø Naüng                    | Đà Nẵng
				Tröôøng Tieåu hoïc           | Trường Tiểu học
				yû kieán, kyõ naêng          | ỷ kiến, kỹ năng
				YÛ, YÕ                       | Ỷ, Ỹ
				ÑOAØN                        | ĐOÀN
				""")
		void decodesWithTheFont(String legacyText, String expected) {
			Decoded decoded = legacy.decodeWithFont(legacyText, "VNI-Times");
			assertThat(decoded).isEqualTo(new Decoded(expected, Encoding.VNI));
		}

		@Test
		void twoCharSequenceIsTriedBeforeTheSingleChar() {
			// ô alone is ơ, but "oâ" is ô and "ôù" is ớ
			assertThat(legacy.decodeWithFont("oâ ô ôù", "VNI-Times").text()).isEqualTo("ô ơ ớ");
			// ëy/ìy (another converter's ỷ/ỹ) are not ỷ/ỹ: ë is the breve-dot mark, ì is
			// ì
			assertThat(legacy.decodeWithFont("ìy", "VNI-Times").text()).isNotIn("ỷ", "ỹ");
		}

		@Test
		void vniFontDoesNotMakeCapitals() {
			assertThat(legacy.decodeWithFont("coâng", "VNI-TimesH").text()).isEqualTo("công");
		}

	}

	@Nested
	class Syllables {

		@ParameterizedTest
		@ValueSource(strings = { "công", "đoàn", "người", "nghiêng", "quốc", "giữ", "khuỷu", "hoà", "hòa", "thuỷ",
				"thủy", "cát", "ngoài", "rượu", "a", "ý" })
		void wellFormed(String word) {
			assertThat(LegacyText.isSyllable(word)).isTrue();
		}

		@ParameterizedTest
		@ValueSource(strings = { "caù", "coâng", "hồa", "càt", "xyz", "cafỉ", "naùve", "ăn̉", "fdi", "hóà" })
		void malformed(String word) {
			assertThat(LegacyText.isSyllable(word)).isFalse();
		}

	}

	@Nested
	class AlreadyUnicode {

		@ParameterizedTest
		@ValueSource(strings = { ".VnTime", ".VnTimeH", "VNI-Times" })
		void unicodeVietnameseIsNotConvertedTwice(String font) {
			for (String text : List.of("Công đoàn", "Hà Nội", "Liên đoàn Lao động tỉnh Nghệ An", "Mường Khương",
					"Công đoàn cơ sở", Normalizer.normalize("Thanh Hóa", Normalizer.Form.NFD))) {
				assertThat(legacy.decodeWithFont(text, font)).as(text).isEqualTo(new Decoded(text, null));
			}
		}

		@Test
		void unicodeWithOnlyLatin1LettersStaysWhenItReadsBetter() {
			for (String text : List.of("Thanh Hóa", "Tây Ninh", "Lào Cai", "Hòa Bình")) {
				assertThat(legacy.decodeWithFont(text, ".VnTime")).as(text).isEqualTo(new Decoded(text, null));
			}
			assertThat(legacy.decodeWithFont("Công", "VNI-Times")).isEqualTo(new Decoded("Công", null));
		}

		@ParameterizedTest
		@ValueSource(strings = { ".VnTime", "VNI-Times", "Arial" })
		void asciiIsUnchanged(String font) {
			assertThat(legacy.decodeWithFont("An Giang 2024", font)).isEqualTo(new Decoded("An Giang 2024", null));
		}

		@Test
		void unknownFontLeavesLegacyTextAsItIs() {
			assertThat(legacy.decodeWithFont("Liªn ®oµn", "Arial")).isEqualTo(new Decoded("Liªn ®oµn", null));
			assertThat(legacy.decodeWithFont("Liªn ®oµn", null)).isEqualTo(new Decoded("Liªn ®oµn", null));
		}

		@Test
		void nullAndEmptyText() {
			assertThat(legacy.decodeWithFont(null, ".VnTime")).isEqualTo(new Decoded(null, null));
			assertThat(legacy.decodeGuessing("")).isEqualTo(new Decoded("", null));
			assertThat(legacy.decodeGuessing(null)).isEqualTo(new Decoded(null, null));
		}

	}

	@Nested
	class Guessing {

		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				Liªn ®oµn Lao ®éng                 | Liên đoàn Lao động        | TCVN3
				C«ng ®oµn BÖnh viÖn §a khoa sè 4   | Công đoàn Bệnh viện Đa khoa số 4 | TCVN3
				TØnh NghÖ An                       | Tỉnh Nghệ An              | TCVN3
				Coâng ñoaøn                        | Công đoàn                 | VNI
				Lieân ñoaøn Lao ñoäng              | Liên đoàn Lao động        | VNI
				Coâng ñoaøn cô sôû                 | Công đoàn cơ sở           | VNI
				""")
		void decodesWhatClearlyReadsBetter(String text, String expected, Encoding encoding) {
			assertThat(legacy.decodeGuessing(text)).isEqualTo(new Decoded(expected, encoding));
		}

		@Test
		void softHyphenIsReadAsTcvn3() {
			assertThat(legacy.decodeGuessing("M\u00ADêng Kh\u00AD¬ng"))
				.isEqualTo(new Decoded("Mường Khương", Encoding.TCVN3));
		}

		@ParameterizedTest
		@ValueSource(strings = { "Công đoàn cơ sở", "Hà Nội", "Report of the year 2024", "café", "Café au lait",
				"crème brûlée", "naïve façade", "Zürich", "Ñandú", "São Paulo", "Mário", "José Martí", "10 €", "25°C",
				"© 2024", "a – b", "Công đoàn Bệnh viện Đa khoa số 4" })
		void leavesTextThatDoesNotClearlyReadBetter(String text) {
			assertThat(legacy.decodeGuessing(text)).isEqualTo(new Decoded(text, null));
		}

		@Test
		void neverConvertsProvinceNamesOrPhrasesAlreadyInUnicode() {
			for (String text : PROVINCES) {
				assertThat(legacy.decodeGuessing(text)).as(text).isEqualTo(new Decoded(text, null));
			}
			for (String text : PHRASES) {
				assertThat(legacy.decodeGuessing(text)).as(text).isEqualTo(new Decoded(text, null));
			}
		}

		@Test
		void ambiguousTextIsLeftAlone() {
			// VNI for "Hồ Chí Minh" reads as proper Unicode ("Hoà Chí Minh"): only the
			// font can tell
			assertThat(legacy.decodeGuessing("Ho\u00E0 Chí Minh")).isEqualTo(new Decoded("Ho\u00E0 Chí Minh", null));
			assertThat(legacy.decodeWithFont("Ho\u00E0 Chí Minh", "VNI-Times").text()).isEqualTo("Hồ Chí Minh");
		}

		@Test
		void garbleThatStaysGarbleIsNotTaken() {
			assertThat(legacy.decodeGuessing("naïve façade")).isEqualTo(new Decoded("naïve façade", null));
		}

		@Test
		void leavesDecomposedUnicodeAlone() {
			String nfd = Normalizer.normalize("Cà Mau", Normalizer.Form.NFD);
			assertThat(legacy.decodeGuessing(nfd)).isEqualTo(new Decoded(nfd, null));
		}

	}

	@Nested
	class RoundTrip {

		@Test
		void everyProvinceAndPhraseComesBackFromTcvn3AndVni() {
			Encoder encoder = new Encoder();
			List<String> texts = new ArrayList<>(List.of(PROVINCES));
			texts.addAll(List.of(PHRASES));
			for (String text : texts) {
				String tcvn3 = encoder.tcvn3(text);
				String vni = encoder.vni(text);
				assertThat(legacy.decodeWithFont(tcvn3, ".VnTime").text()).as(tcvn3).isEqualTo(text);
				assertThat(legacy.decodeWithFont(vni, "VNI-Times").text()).as(vni).isEqualTo(text);
				if (!tcvn3.equals(text)) {
					assertThat(legacy.decodeGuessing(tcvn3)).as(tcvn3).isEqualTo(new Decoded(text, Encoding.TCVN3));
				}
				// "Hoà Chí Minh" is itself good Unicode Vietnamese: see
				// ambiguousTextIsLeftAlone
				if (!vni.equals(text) && !text.equals("Hồ Chí Minh")) {
					assertThat(legacy.decodeGuessing(vni)).as(vni).isEqualTo(new Decoded(text, Encoding.VNI));
				}
			}
		}

		@Test
		void everyLetterOfTheTableComesBack() {
			List<ReferenceCsv.Row> rows = ReferenceCsv.read(LegacyText.RESOURCE, LegacyText.COLUMNS);
			assertThat(rows).hasSize(273);
			for (ReferenceCsv.Row row : rows) {
				String letter = new String(
						Character.toChars(Integer.parseInt(row.required("unicode_codepoint_hex").substring(2), 16)));
				if (Character.getType(letter.codePointAt(0)) == Character.NON_SPACING_MARK) {
					continue;
				}
				boolean tcvn3 = row.required("encoding").startsWith("TCVN3");
				// after a d-stroke, so that the text holds a char no Unicode text would
				StringBuilder legacyText = new StringBuilder(tcvn3 ? "\u00AE" : "\u00F1");
				for (String b : row.required("legacy_char_codepoint_hex").split(" ")) {
					legacyText.append((char) Integer.parseInt(b.substring(2), 16));
				}
				assertThat(legacy.decodeWithFont(legacyText.toString(), tcvn3 ? ".VnTime" : "VNI-Times").text())
					.as("line " + row.line())
					.isEqualTo("đ" + letter);
			}
		}

	}

	@Nested
	class Tcvn3Sample {

		@Test
		void readsTheTcvn3FormAsItLooks() throws Exception {
			Map<String, Decoded> cells = new LinkedHashMap<>();
			Map<String, String> fonts = new LinkedHashMap<>();
			try (InputStream in = getClass().getResourceAsStream("/samples/form-tcvn3-2024.xls");
					HSSFWorkbook workbook = new HSSFWorkbook(in)) {
				Sheet sheet = workbook.getSheetAt(0);
				for (Row row : sheet) {
					for (Cell cell : row) {
						if (cell.getCellType() != CellType.STRING) {
							continue;
						}
						String font = workbook.getFontAt(cell.getCellStyle().getFontIndex()).getFontName();
						String address = cell.getAddress().formatAsString();
						fonts.put(address, font);
						cells.put(address, legacy.decodeWithFont(cell.getStringCellValue(), font));
					}
				}
			}
			assertThat(fonts.values()).containsOnly(".VnTime", ".VnTimeH");
			assertThat(fonts.get("A1")).isEqualTo(".VnTimeH");
			assertThat(cells.get("A1").text()).isEqualTo("BÁO CÁO KẾT QUẢ PHONG TRÀO THI ĐUA NĂM 2024");
			assertThat(cells.get("A3").text()).isEqualTo("Tên công đoàn cơ sở:");
			assertThat(cells.get("C3")).isEqualTo(new Decoded("Công đoàn Bệnh viện Đa khoa số 4", Encoding.TCVN3));
			assertThat(cells.get("C4").text()).isEqualTo("CD91010004");
			assertThat(cells.get("C5")).isEqualTo(new Decoded("An Giang", null));
			assertThat(cells.get("C6").text()).isEqualTo("LĐLĐ An Giang");
			assertThat(cells.get("C10").text()).isEqualTo("Nguyễn Thị Hoa");
			assertThat(cells.get("C14").text()).isEqualTo("Tổng số cán bộ, công chức, viên chức, người lao động");
			assertThat(cells.get("C24").text()).isEqualTo("Danh hiệu \"Giỏi việc nước, đảm việc nhà\"");
			assertThat(cells.get("C31").text()).isEqualTo("IV. KHEN THƯỞNG");
			assertThat(cells.get("E53").text()).isEqualTo("CHỦ TỊCH");
			// the form's labels all come out as TCVN3
			for (String address : List.of("A3", "C3", "C14", "C24", "C25", "C40")) {
				assertThat(cells.get(address).encoding()).isEqualTo(Encoding.TCVN3);
			}
		}

		@Test
		void guessingReadsTheSameCellsWithoutTheFont() throws Exception {
			try (InputStream in = getClass().getResourceAsStream("/samples/form-tcvn3-2024.xls");
					HSSFWorkbook workbook = new HSSFWorkbook(in)) {
				Sheet sheet = workbook.getSheetAt(0);
				int compared = 0;
				for (Row row : sheet) {
					for (Cell cell : row) {
						String font = workbook.getFontAt(cell.getCellStyle().getFontIndex()).getFontName();
						if (cell.getCellType() != CellType.STRING || LegacyText.capitalsFont(font)) {
							continue;
						}
						String raw = cell.getStringCellValue();
						Decoded withFont = legacy.decodeWithFont(raw, font);
						assertThat(legacy.decodeGuessing(raw)).as(cell.getAddress() + " " + raw).isEqualTo(withFont);
						compared++;
					}
				}
				assertThat(compared).isGreaterThan(50);
			}
		}

	}

	/** Unicode → legacy, built from the same table, to make legacy text for the tests. */
	static final class Encoder {

		private final Map<Integer, String> tcvn3 = new HashMap<>();

		private final Map<Integer, String> vni = new HashMap<>();

		Encoder() {
			for (ReferenceCsv.Row row : ReferenceCsv.read(LegacyText.RESOURCE, LegacyText.COLUMNS)) {
				int letter = Integer.parseInt(row.required("unicode_codepoint_hex").substring(2), 16);
				StringBuilder legacyText = new StringBuilder();
				for (String b : row.required("legacy_char_codepoint_hex").split(" ")) {
					legacyText.append((char) Integer.parseInt(b.substring(2), 16));
				}
				switch (row.required("encoding")) {
					case "TCVN3" -> this.tcvn3.put(letter, legacyText.toString());
					case "TCVN3-VN1-ext" -> this.tcvn3.putIfAbsent(letter, legacyText.toString());
					default -> this.vni.put(letter, legacyText.toString());
				}
			}
		}

		String tcvn3(String text) {
			return encode(text, this.tcvn3);
		}

		String vni(String text) {
			return encode(text, this.vni);
		}

		private static String encode(String text, Map<Integer, String> table) {
			StringBuilder out = new StringBuilder();
			Normalizer.normalize(text, Normalizer.Form.NFC)
				.codePoints()
				.forEach((cp) -> out.append((cp < 0x80) ? Character.toString(cp) : table.get(cp)));
			return out.toString();
		}

	}

}
