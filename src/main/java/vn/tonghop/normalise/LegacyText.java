package vn.tonghop.normalise;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import vn.tonghop.catalogue.ReferenceCsv;
import vn.tonghop.catalogue.ReferenceDataException;

/**
 * Turns text typed with a legacy Vietnamese font back into Unicode: TCVN3 (ABC,
 * {@code .VnTime}, {@code .VnTimeH}, …) and VNI-Windows ({@code VNI-Times}, …). Such a
 * cell holds Western characters whose code points equal the legacy bytes; the table that
 * maps them back is {@code reference/legacy-encodings.csv} (see
 * {@code docs/reference/legacy-encodings.md}).
 * <p>
 * With a font name the encoding is known ({@link #decodeWithFont}); without one
 * ({@link #decodeGuessing}) each candidate decoding is scored against Vietnamese syllable
 * shapes and common words, and the text is converted only when a candidate is clearly
 * better than the text as it is. Text that already holds Unicode Vietnamese is never
 * converted a second time. The soft hyphen U+00AD is the TCVN3 letter {@code ư} and is
 * never dropped.
 */
public final class LegacyText {

	/** The legacy encodings this class reads. */
	public enum Encoding {

		TCVN3, VNI

	}

	/**
	 * The result of a decoding: {@code encoding} is null when the text was left as it
	 * was.
	 */
	public record Decoded(String text, Encoding encoding) {
	}

	static final String RESOURCE = "reference/legacy-encodings.csv";

	static final String[] COLUMNS = { "legacy_char_codepoint_hex", "unicode_char", "encoding", "unicode_codepoint_hex",
			"legacy_as_latin1", "cp1252_view_if_different" };

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final Pattern CAPITALS_FONT = Pattern.compile("^\\.vn.*h$",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern BYTE = Pattern.compile("0[xX]([0-9A-Fa-f]{2})");

	private static final Pattern CODE_POINT = Pattern.compile("[Uu]\\+([0-9A-Fa-f]{4,6})");

	/** How much better a guessed decoding must score than the text as it is. */
	private static final int GUESS_MARGIN = 2;

	private static final String VIETNAMESE_LOWER = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmn"
			+ "oòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvwxyỳýỷỹỵz";

	private static final Set<Integer> VIETNAMESE_LETTERS = vietnameseLetters();

	private static final List<String> ONSETS = List.of("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th",
			"tr", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "");

	private static final Set<String> RHYMES = words("""
			a ac ach ai am an ang anh ao ap at au ay
			ăc ăm ăn ăng ăp ăt
			âc âm ân âng âp ât âu ây
			e ec em en eng eo ep et
			ê êch êm ên ênh êp êt êu
			i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
			y yêm yên yêng yêt yêu
			o oc oi om on ong op ot oa oac oach oai oam oan oang oanh oao oap oat oay
			oăc oăm oăn oăng oăt oe oec oem oen oeo oet oo ooc oong
			ô ôc ôi ôm ôn ông ôp ôt
			ơ ơi ơm ơn ơp ơt
			u uc ui um un ung up ut ua uân uâng uât uây uê uêch uênh uy uych uyn uynh uyp uyt uyu uya
			uyên uyêt uôc uôi uôm uôn uông uôt uơ
			ư ưc ưi ưm ưn ưng ưt ưu ưa ươc ươi ươm ươn ương ươp ươt ươu
			""");

	/** Words that returns are made of: form vocabulary and the provinces' names. */
	private static final Set<String> COMMON_WORDS = words("""
			công đoàn cơ sở lao động liên tỉnh thành phố huyện quận xã phường thị trấn việt nam cộng hòa hoà
			hội chủ nghĩa độc lập tự do hạnh phúc báo cáo tổng hợp kết quả phong trào thi đua năm tháng ngày
			số tên mã đơn vị tính chỉ tiêu ghi chú trong đó nữ người viên cán bộ chức ban chấp hành tịch phó
			thư ký bệnh viện trường học tiểu trung cao đẳng đại ty cổ phần trách nhiệm hữu hạn nhân dân
			ủy uỷ tổ khu vực ngành cấp trên trực tiếp biểu tiên tiến xuất sắc hoàn khen thưởng giấy bằng
			tập thể và của các những có không được cho với đã là một hai ba bốn sáu bảy tám chín mười kinh
			phí đồng văn hóa hoá gia đình đạt loại xếp đánh giá sáng kiến giải pháp nhận đảng hiến máu tình
			nguyện đào tạo bồi dưỡng kỷ kỉ luật quỹ từ thiện ủng hộ chăm lo hỗ trợ mới nạp khoa đa y tế cục
			thuế chi thống kê xi măng nông nghiệp giáo dục nhà nước điện tử may giày da tác sản xuất doanh
			cán sự chiến sĩ giỏi việc đảm lượt
			an giang bà rịa vũng tàu bình dương phước thuận định bạc liêu bắc kạn ninh bến tre bằng cà mau
			cần thơ lai huế hà nội tĩnh hưng yên hải phòng hậu hồ chí minh khánh kiên kon tum châu long
			lào cai lâm lạng sơn nghệ thọ quảng ngãi trị sóc trăng la thanh thái tiền trà vinh tuyên quang
			tây vĩnh bái biên đà nẵng đắk lắk nai tháp mường khương
			""");

	private static LegacyText instance;

	/** TCVN3 (VN3 plus the VN1 extension): legacy char → Unicode. */
	private final Map<Integer, String> tcvn3;

	/** TCVN3 chars that stand for a combining tone mark (VN1 0xB0–0xB4). */
	private final Set<Integer> tcvn3Combining;

	/** VNI letters written as one char. */
	private final Map<Integer, String> vniSingle;

	/** VNI letters written as two chars (base + mark). */
	private final Map<String, String> vniPair;

	/** Every char that takes part in a VNI letter other than an ASCII base letter. */
	private final Set<Integer> vniChars;

	private LegacyText(Map<Integer, String> tcvn3, Set<Integer> tcvn3Combining, Map<Integer, String> vniSingle,
			Map<String, String> vniPair) {
		this.tcvn3 = Map.copyOf(tcvn3);
		this.tcvn3Combining = Set.copyOf(tcvn3Combining);
		this.vniSingle = Map.copyOf(vniSingle);
		this.vniPair = Map.copyOf(vniPair);
		Set<Integer> chars = new HashSet<>(vniSingle.keySet());
		for (String pair : vniPair.keySet()) {
			pair.codePoints().filter((cp) -> cp >= 0x80).forEach(chars::add);
		}
		this.vniChars = Set.copyOf(chars);
	}

	/**
	 * The converter built from {@code reference/legacy-encodings.csv}, read once.
	 * @throws ReferenceDataException naming the file and line of a bad row
	 */
	public static synchronized LegacyText load() {
		if (instance == null) {
			instance = fromRows(ReferenceCsv.read(RESOURCE, COLUMNS));
		}
		return instance;
	}

	/** Builds a converter from the rows of the table (one per legacy letter). */
	static LegacyText fromRows(List<ReferenceCsv.Row> rows) {
		Map<Integer, String> tcvn3 = new HashMap<>();
		Set<Integer> tcvn3Combining = new HashSet<>();
		Map<Integer, String> vniSingle = new HashMap<>();
		Map<String, String> vniPair = new HashMap<>();
		for (ReferenceCsv.Row row : rows) {
			String encoding = row.required("encoding");
			int[] bytes = parseBytes(row);
			int unicode = parseCodePoint(row, "unicode_codepoint_hex", row.required("unicode_codepoint_hex"));
			String letter = new String(Character.toChars(unicode));
			String unicodeChar = row.optional("unicode_char");
			if (!unicodeChar.isEmpty() && !unicodeChar.equals(letter)) {
				throw row.fail("unicode_char '" + unicodeChar + "' is not " + row.required("unicode_codepoint_hex"));
			}
			String legacy = new String(bytes, 0, bytes.length);
			String latin1 = row.optional("legacy_as_latin1");
			if (!latin1.isEmpty() && !latin1.equals(legacy)) {
				throw row.fail("legacy_as_latin1 '" + latin1 + "' does not match the bytes "
						+ row.required("legacy_char_codepoint_hex"));
			}
			switch (encoding) {
				case "TCVN3", "TCVN3-VN1-ext" -> {
					if (bytes.length != 1) {
						throw row.fail("a TCVN3 letter is one byte, found " + bytes.length);
					}
					put(tcvn3, bytes[0], letter, row);
					if (Character.getType(unicode) == Character.NON_SPACING_MARK) {
						tcvn3Combining.add(bytes[0]);
					}
					String view = row.optional("cp1252_view_if_different");
					if (!view.isEmpty()) {
						int viewChar = parseCodePoint(row, "cp1252_view_if_different", view);
						// Only letters: the punctuation views (dashes, curly quotes,
						// bullet …)
						// are far more often what was really typed.
						if (Character.isLetter(viewChar)) {
							put(tcvn3, viewChar, letter, row);
						}
					}
				}
				case "VNI-Windows" -> {
					if (bytes.length == 1) {
						put(vniSingle, bytes[0], letter, row);
					}
					else if (bytes.length == 2) {
						String previous = vniPair.putIfAbsent(legacy, letter);
						if (previous != null && !previous.equals(letter)) {
							throw row.fail("'" + legacy + "' already stands for '" + previous + "'");
						}
					}
					else {
						throw row.fail("a VNI letter is one or two bytes, found " + bytes.length);
					}
				}
				default ->
					throw row.fail("encoding '" + encoding + "' is not one of TCVN3, TCVN3-VN1-ext, VNI-Windows");
			}
		}
		if (tcvn3.isEmpty() || vniSingle.isEmpty() || vniPair.isEmpty()) {
			throw new ReferenceDataException(rows.isEmpty() ? RESOURCE : rows.get(0).file(), 0,
					"the table must hold TCVN3 and VNI-Windows letters");
		}
		return new LegacyText(tcvn3, tcvn3Combining, vniSingle, vniPair);
	}

	private static void put(Map<Integer, String> map, int key, String letter, ReferenceCsv.Row row) {
		String previous = map.putIfAbsent(key, letter);
		if (previous != null && !previous.equals(letter)) {
			throw row.fail(String.format("0x%02X already stands for '%s'", key, previous));
		}
	}

	private static int[] parseBytes(ReferenceCsv.Row row) {
		String value = row.required("legacy_char_codepoint_hex");
		String[] parts = value.split("\\s+");
		int[] bytes = new int[parts.length];
		for (int i = 0; i < parts.length; i++) {
			var matcher = BYTE.matcher(parts[i]);
			if (!matcher.matches()) {
				throw row.fail("legacy_char_codepoint_hex '" + value + "' is not like 0xB8 or 0x61 0xF9");
			}
			bytes[i] = Integer.parseInt(matcher.group(1), 16);
		}
		return bytes;
	}

	private static int parseCodePoint(ReferenceCsv.Row row, String column, String value) {
		var matcher = CODE_POINT.matcher(value);
		if (!matcher.matches()) {
			throw row.fail(column + " '" + value + "' is not like U+1EA1");
		}
		int cp = Integer.parseInt(matcher.group(1), 16);
		if (!Character.isValidCodePoint(cp)) {
			throw row.fail(column + " '" + value + "' is not a Unicode code point");
		}
		return cp;
	}

	/**
	 * The encoding a cell's font name says: ".Vn*" → TCVN3 (".VnTimeH"-style names ending
	 * in H mean capitals), "VNI-*" → VNI; else null.
	 */
	public static Encoding encodingOfFont(String fontName) {
		if (fontName == null) {
			return null;
		}
		String name = fontName.strip().toLowerCase(Locale.ROOT);
		if (name.startsWith(".vn")) {
			return Encoding.TCVN3;
		}
		if (name.startsWith("vni-")) {
			return Encoding.VNI;
		}
		return null;
	}

	/**
	 * Whether the font is one of the ABC capitals fonts ({@code ^\.Vn.*H$}, case
	 * insensitive) that draw lower-case codes as capitals.
	 */
	public static boolean capitalsFont(String fontName) {
		return fontName != null && CAPITALS_FONT.matcher(fontName.strip()).matches();
	}

	/**
	 * Decodes text written in a legacy font; text with no legacy byte stays unchanged
	 * (returns encoding null). Capitals when the font is an H font. NFC result.
	 * <p>
	 * Text that already holds Unicode Vietnamese (a letter beyond Latin-1 that the legacy
	 * table does not know, such as {@code đ} or {@code ộ}) is returned unchanged. So is
	 * text whose only legacy-looking characters are ordinary Vietnamese letters
	 * ({@code à}, {@code ó}, …) when it reads better as it is. In an H font, text without
	 * legacy bytes (codes such as {@code cd91010004}) is returned in capitals, as the
	 * font shows it.
	 */
	public Decoded decodeWithFont(String text, String fontName) {
		Encoding encoding = encodingOfFont(fontName);
		if (encoding == null || text == null || text.isEmpty() || isUnicode(text, encoding)) {
			return new Decoded(text, null);
		}
		boolean capitals = encoding == Encoding.TCVN3 && capitalsFont(fontName);
		String decoded = decode(text, encoding);
		if (decoded.equals(text)) {
			if (capitals) {
				String upper = text.toUpperCase(VIETNAMESE);
				if (!upper.equals(text)) {
					return new Decoded(upper, encoding);
				}
			}
			return new Decoded(text, null);
		}
		if (!hasStrongLegacyChar(text, encoding) && score(nfc(text)) > score(decoded)) {
			return new Decoded(text, null);
		}
		if (capitals) {
			decoded = nfc(decoded.toUpperCase(VIETNAMESE));
		}
		return new Decoded(decoded, encoding);
	}

	/**
	 * No font known (CSV, formulas): decode only when the text scores clearly better as
	 * TCVN3 or VNI than as it is, against Vietnamese words (syllable shapes, common words
	 * like "công đoàn", "lao động", province names); never converts text that is already
	 * proper Unicode Vietnamese; NFC result.
	 */
	public Decoded decodeGuessing(String text) {
		if (text == null || text.isEmpty() || isAscii(text) || isUnicode(text, Encoding.TCVN3)
				|| isUnicode(text, Encoding.VNI)) {
			return new Decoded(text, null);
		}
		int asIs = score(nfc(text));
		String tcvn3 = decode(text, Encoding.TCVN3);
		String vni = decode(text, Encoding.VNI);
		int tcvn3Score = tcvn3.equals(text) ? Integer.MIN_VALUE : score(tcvn3);
		int vniScore = vni.equals(text) ? Integer.MIN_VALUE : score(vni);
		if (tcvn3Score > vniScore && clearlyBetter(tcvn3, tcvn3Score, asIs)) {
			return new Decoded(tcvn3, Encoding.TCVN3);
		}
		if (vniScore > tcvn3Score && clearlyBetter(vni, vniScore, asIs)) {
			return new Decoded(vni, Encoding.VNI);
		}
		return new Decoded(text, null);
	}

	/**
	 * A guessed decoding is taken when it scores well above the text as it is, above
	 * zero, and at least two thirds of its words with Vietnamese letters are syllables
	 * (or short capital abbreviations such as {@code LĐLĐ}).
	 */
	private static boolean clearlyBetter(String decoded, int score, int asIs) {
		if (score <= 0 || score < asIs + GUESS_MARGIN) {
			return false;
		}
		int vietnamese = 0;
		int syllables = 0;
		for (String word : tokens(decoded)) {
			if (word.chars().anyMatch((c) -> c >= 0x80)) {
				vietnamese++;
				if (scoreWord(word) > 0 || isAbbreviation(word)) {
					syllables++;
				}
			}
		}
		return syllables * 3 >= vietnamese * 2;
	}

	/** The text read in {@code encoding}, NFC. */
	String decode(String text, Encoding encoding) {
		return (encoding == Encoding.TCVN3) ? decodeTcvn3(text) : decodeVni(text);
	}

	private String decodeTcvn3(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			String letter = this.tcvn3.get(cp);
			boolean afterLetter = out.length() > 0 && Character.isLetter(out.codePointBefore(out.length()));
			if (letter == null || (this.tcvn3Combining.contains(cp) && !afterLetter)) {
				out.appendCodePoint(cp);
			}
			else {
				out.append(letter);
			}
		}
		return nfc(out.toString());
	}

	private String decodeVni(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int i = 0;
		while (i < text.length()) {
			if (i + 1 < text.length()) {
				String pair = this.vniPair.get(text.substring(i, i + 2));
				if (pair != null) {
					out.append(pair);
					i += 2;
					continue;
				}
			}
			int cp = text.codePointAt(i);
			String single = this.vniSingle.get(cp);
			if (single != null) {
				out.append(single);
			}
			else {
				out.appendCodePoint(cp);
			}
			i += Character.charCount(cp);
		}
		return nfc(out.toString());
	}

	/**
	 * Whether the text already holds Unicode: a letter or combining mark beyond Latin-1
	 * that the legacy encoding does not produce.
	 */
	private boolean isUnicode(String text, Encoding encoding) {
		return text.codePoints()
			.anyMatch((cp) -> cp > 0xFF && (Character.isLetter(cp) || isMark(cp))
					&& !(encoding == Encoding.TCVN3 && this.tcvn3.containsKey(cp)));
	}

	/**
	 * Whether the text holds a legacy char that is not itself a Vietnamese letter
	 * ({@code ®}, {@code µ}, {@code ñ}, {@code ø} …), which Unicode text would hardly
	 * hold.
	 */
	private boolean hasStrongLegacyChar(String text, Encoding encoding) {
		return text.codePoints()
			.anyMatch((cp) -> ((encoding == Encoding.TCVN3) ? this.tcvn3.containsKey(cp) : this.vniChars.contains(cp))
					&& !VIETNAMESE_LETTERS.contains(cp));
	}

	/**
	 * How Vietnamese the text reads: a common word scores 4, another well-formed syllable
	 * 1, a word with Vietnamese letters but no syllable shape -1, and each character that
	 * is neither ASCII nor a Vietnamese letter -2.
	 */
	static int score(String text) {
		int total = 0;
		for (String word : tokens(text)) {
			total += scoreWord(word);
		}
		return total;
	}

	/** The words of a text: runs of chars between spaces and ASCII punctuation. */
	private static List<String> tokens(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		for (int i = 0; i <= text.length(); i++) {
			char c = (i < text.length()) ? text.charAt(i) : ' ';
			if (Character.isWhitespace(c) || Character.isSpaceChar(c) || (c < 0x80 && !Character.isLetterOrDigit(c))) {
				if (!word.isEmpty()) {
					words.add(word.toString());
				}
				word.setLength(0);
			}
			else {
				word.append(c);
			}
		}
		return words;
	}

	private static int scoreWord(String word) {
		if (word.isEmpty() || word.chars().noneMatch(Character::isLetter)) {
			return 0;
		}
		String lower = word.toLowerCase(VIETNAMESE);
		int foreign = 0;
		boolean ascii = true;
		for (int i = 0; i < lower.length();) {
			int cp = lower.codePointAt(i);
			i += Character.charCount(cp);
			if (cp >= 0x80) {
				ascii = false;
			}
			if (!VIETNAMESE_LETTERS.contains(cp) && !(cp < 0x80 && Character.isDigit(cp))) {
				foreign++;
			}
		}
		if (foreign > 0) {
			return -2 * foreign;
		}
		if (COMMON_WORDS.contains(lower)) {
			return 4;
		}
		if (isSyllable(lower)) {
			return 1;
		}
		return ascii ? 0 : -1;
	}

	/**
	 * Whether a lower-case word has the shape of a Vietnamese syllable: onset, rhyme, at
	 * most one tone, on a vowel that may carry it (old or new placement).
	 */
	static boolean isSyllable(String lower) {
		StringBuilder base = new StringBuilder(lower.length());
		char tone = 0;
		int toneAt = -1;
		for (int i = 0; i < lower.length(); i++) {
			String nfd = Normalizer.normalize(lower.substring(i, i + 1), Normalizer.Form.NFD);
			StringBuilder letter = new StringBuilder(2);
			for (int j = 0; j < nfd.length(); j++) {
				char c = nfd.charAt(j);
				if (c == '\u0300' || c == '\u0301' || c == '\u0303' || c == '\u0309' || c == '\u0323') {
					if (tone != 0) {
						return false;
					}
					tone = c;
					toneAt = i;
				}
				else {
					letter.append(c);
				}
			}
			String composed = nfc(letter.toString());
			if (composed.length() != 1) {
				return false;
			}
			base.append(composed);
		}
		String letters = base.toString();
		for (String onset : ONSETS) {
			if (!letters.startsWith(onset)) {
				continue;
			}
			String rhyme = letters.substring(onset.length());
			if (!RHYMES.contains(rhyme) || (onset.equals("qu") && rhyme.startsWith("u"))) {
				continue;
			}
			boolean stopped = rhyme.endsWith("c") || rhyme.endsWith("ch") || rhyme.endsWith("p") || rhyme.endsWith("t");
			if (stopped && tone != '\u0301' && tone != '\u0323') {
				continue;
			}
			if (tone == 0 || toneFits(rhyme, toneAt - onset.length())) {
				return true;
			}
		}
		return false;
	}

	/** Whether the vowel at {@code at} in the rhyme may carry the tone. */
	private static boolean toneFits(String rhyme, int at) {
		int vowelsEnd = 0;
		while (vowelsEnd < rhyme.length() && "aăâeêioôơuưy".indexOf(rhyme.charAt(vowelsEnd)) >= 0) {
			vowelsEnd++;
		}
		String vowels = rhyme.substring(0, vowelsEnd);
		if (at < 0 || at >= vowels.length()) {
			return false;
		}
		int marked = -1;
		for (int i = 0; i < vowels.length(); i++) {
			if ("ăâêôơư".indexOf(vowels.charAt(i)) >= 0) {
				marked = i;
			}
		}
		if (marked >= 0) {
			return at == marked;
		}
		if (vowels.length() == 1) {
			return true;
		}
		if (vowelsEnd < rhyme.length()) {
			return at == vowels.length() - 1;
		}
		if (vowels.length() == 3) {
			return at == 1;
		}
		// open two-vowel rhymes: first vowel; oa, oe, uy also on the second (old style)
		return at == 0 || vowels.equals("oa") || vowels.equals("oe") || vowels.equals("uy");
	}

	private static boolean isAbbreviation(String word) {
		return word.length() <= 6
				&& word.codePoints().allMatch((cp) -> Character.isUpperCase(cp) && VIETNAMESE_LETTERS.contains(cp));
	}

	private static boolean isAscii(String text) {
		return text.chars().allMatch((c) -> c < 0x80);
	}

	private static boolean isMark(int cp) {
		int type = Character.getType(cp);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
				|| type == Character.ENCLOSING_MARK;
	}

	private static String nfc(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFC);
	}

	private static Set<String> words(String text) {
		Set<String> words = new HashSet<>();
		Arrays.stream(text.strip().split("\\s+")).map((w) -> nfc(w.toLowerCase(VIETNAMESE))).forEach(words::add);
		return Set.copyOf(words);
	}

	private static Set<Integer> vietnameseLetters() {
		Set<Integer> letters = new HashSet<>();
		String lower = nfc(VIETNAMESE_LOWER);
		lower.codePoints().forEach(letters::add);
		lower.toUpperCase(VIETNAMESE).codePoints().forEach(letters::add);
		return Set.copyOf(letters);
	}

}
