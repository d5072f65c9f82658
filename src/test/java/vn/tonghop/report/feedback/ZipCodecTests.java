package vn.tonghop.report.feedback;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.template.FormStyle;
import vn.tonghop.template.ReturnFormWriter;
import vn.tonghop.testing.ValidReturns;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a copy's changed parts go into its zip: small ones stored, large ones deflated, and
 * the deflated parts a copy takes from an earlier copy's only for the same bytes; the
 * copies read as if every part had been written for them.
 */
class ZipCodecTests {

	private static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.load();

	@TempDir
	Path dir;

	@Test
	void aCopysSmallPartsAreStoredItsUnchangedOnesCopiedAsTheyWere() throws Exception {
		Path first = form("CD79000123", "Công đoàn Công ty Ánh Dương");
		Path second = form("CD79000456", "Công đoàn Trường Tiểu học Bình Minh");
		FeedbackWorkbook feedback = new FeedbackWorkbook();
		Path firstCopy = this.dir.resolve("copies/first.xlsx");
		Path secondCopy = this.dir.resolve("copies/second.xlsx");
		copy(feedback, first, "CD79000123", ZipCopyTests.findings(first), firstCopy);
		copy(feedback, second, "CD79000456", ZipCopyTests.findings(second), secondCopy);
		Map<String, ZipEntry> source = entries(first);
		Map<String, ZipEntry> copy = entries(firstCopy);
		// the parts the copy changes or adds are all small here: those of its own stored,
		// those that come out the same in other copies deflated (once on a thread)
		for (String changed : List.of("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml")) {
			assertThat(copy.get(changed).getMethod()).as(changed).isEqualTo(ZipEntry.STORED);
			assertThat(copy.get(changed).getSize()).as(changed).isLessThan(ZipCodec.STORED_BELOW);
		}
		for (String repeating : List.of("xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
				"[Content_Types].xml")) {
			assertThat(copy.get(repeating).getMethod()).as(repeating).isEqualTo(ZipEntry.DEFLATED);
			assertThat(copy.get(repeating).getSize()).as(repeating).isLessThan(ZipCodec.STORED_BELOW);
		}
		// a part it does not change keeps the union's compressed bytes
		ZipEntry strings = source.get("xl/sharedStrings.xml");
		assertThat(strings.getMethod()).isEqualTo(ZipEntry.DEFLATED);
		assertThat(copy.get("xl/sharedStrings.xml").getCompressedSize()).isEqualTo(strings.getCompressedSize());
		assertThat(copy.get("xl/sharedStrings.xml").getMethod()).isEqualTo(ZipEntry.DEFLATED);
		// both read back whole (ZipFile checks each entry's CRC)
		Map<String, byte[]> one = contents(firstCopy);
		Map<String, byte[]> two = contents(secondCopy);
		assertThat(two.get("xl/styles.xml")).isEqualTo(one.get("xl/styles.xml"));
		assertThat(new String(two.get("xl/worksheets/sheet2.xml"), StandardCharsets.UTF_8))
			.contains("Trường Tiểu học Bình Minh")
			.doesNotContain("Ánh Dương");
	}

	@Test
	void aPartThatRepeatsIsDeflatedOnceASmallOneOfTheCopysOwnStored() throws Exception {
		onAFreshThread(() -> {
			ZipCodec codec = ZipCodec.current();
			byte[] styles = new byte[ZipCodec.STORED_BELOW + 4000];
			for (int i = 0; i < styles.length; i++) {
				styles[i] = (byte) ("<xf numFmtId=\"0\" fontId=\"" + (i % 7) + "\"/>").charAt(i % 26);
			}
			ZipCodec.Packed once = codec.compress(styles, true);
			assertThat(once.method()).isEqualTo(8);
			assertThat(once.compressed().length).isLessThan(styles.length / 4);
			assertThat(inflate(once.compressed(), styles.length)).isEqualTo(styles);
			assertThat(codec.reused()).isZero();
			assertThat(codec.compress(styles.clone(), true).compressed()).isSameAs(once.compressed());
			assertThat(codec.reused()).isEqualTo(1);
			byte[] small = Arrays.copyOf(styles, ZipCodec.STORED_BELOW - 1);
			ZipCodec.Packed stored = codec.compress(small, false);
			assertThat(stored.method()).isZero();
			assertThat(stored.compressed()).isEqualTo(small);
			assertThat(stored.crc()).isEqualTo(crc(small));
			assertThat(codec.reused()).isEqualTo(1);
			// a small part that repeats: deflated the first time, then taken
			ZipCodec.Packed repeating = codec.compress(small, true);
			assertThat(repeating.method()).isEqualTo(8);
			assertThat(inflate(repeating.compressed(), small.length)).isEqualTo(small);
			assertThat(codec.compress(small.clone(), true).compressed()).isSameAs(repeating.compressed());
			assertThat(codec.reused()).isEqualTo(2);
		});
	}

	@Test
	void aPartReadAgainWithTheSameBytesIsTakenDecodedAndAnyOtherIsReadForItself() throws Exception {
		Path first = form("CD79000123", "Công đoàn Công ty Ánh Dương");
		Path second = form("CD79000456", "Công đoàn Trường Tiểu học Bình Minh");
		// the second's styles with another default font size: the same length, other
		// bytes
		Path restyled = this.dir.resolve("restyled.xlsx");
		String styles = new String(contents(second).get("xl/styles.xml"), StandardCharsets.UTF_8);
		assertThat(styles).contains("<sz val=\"12.0\"/>");
		replaceEntry(second, restyled, "xl/styles.xml",
				styles.replaceFirst("<sz val=\"12.0\"/>", "<sz val=\"16.0\"/>"));
		FeedbackWorkbook feedback = new FeedbackWorkbook();
		Path firstCopy = this.dir.resolve("copies/first.xlsx");
		Path secondCopy = this.dir.resolve("copies/second.xlsx");
		Path restyledCopy = this.dir.resolve("copies/restyled.xlsx");
		long[] again = new long[2];
		onAFreshThread(() -> {
			ZipCodec codec = ZipCodec.current();
			copy(feedback, first, "CD79000123", ZipCopyTests.findings(first), firstCopy);
			long before = codec.decodedAgain();
			copy(feedback, second, "CD79000456", ZipCopyTests.findings(second), secondCopy);
			again[0] = codec.decodedAgain() - before;
			before = codec.decodedAgain();
			copy(feedback, restyled, "CD79000456", ZipCopyTests.findings(restyled), restyledCopy);
			again[1] = codec.decodedAgain() - before;
		});
		// the package's and the workbook's relationships, the workbook, the content types
		// and the styles; then all but the styles
		assertThat(again).containsExactly(5, 4);
		String secondStyles = new String(contents(secondCopy).get("xl/styles.xml"), StandardCharsets.UTF_8);
		String restyledStyles = new String(contents(restyledCopy).get("xl/styles.xml"), StandardCharsets.UTF_8);
		assertThat(secondStyles).contains("<sz val=\"12.0\"/>").doesNotContain("<sz val=\"16.0\"/>");
		assertThat(restyledStyles).contains("<sz val=\"16.0\"/>");
		assertThat(restyledStyles.replaceFirst("<sz val=\"16.0\"/>", "<sz val=\"12.0\"/>")).isEqualTo(secondStyles);
		// and its feedback sheet's rows are as high as its own default font makes them
		assertThat(contents(restyledCopy).get("xl/worksheets/sheet2.xml"))
			.isNotEqualTo(contents(secondCopy).get("xl/worksheets/sheet2.xml"));
	}

	@Test
	void aStylesPartIsTakenFromTheCopyBeforeOnlyWhenTheSameWasAddedToTheSamePart() throws Exception {
		Path first = form("CD79000123", "Công đoàn Công ty Ánh Dương");
		Path second = form("CD79000456", "Công đoàn Trường Tiểu học Bình Minh");
		List<FeedbackItem> findings = ZipCopyTests.findings(second);
		// the same cells with the other severity: their formats are cloned with the other
		// fill
		List<FeedbackItem> flipped = findings.stream()
			.map((item) -> new FeedbackItem(item.sheet(), item.cell(), item.rule(),
					item.isError() ? "warning" : "error", item.message()))
			.toList();
		FeedbackWorkbook feedback = new FeedbackWorkbook();
		Path firstCopy = this.dir.resolve("copies/first.xlsx");
		Path secondCopy = this.dir.resolve("copies/second.xlsx");
		Path flippedCopy = this.dir.resolve("copies/flipped.xlsx");
		Path alone = this.dir.resolve("copies/flipped-alone.xlsx");
		long[] again = new long[2];
		onAFreshThread(() -> {
			ZipCodec codec = ZipCodec.current();
			copy(feedback, first, "CD79000123", ZipCopyTests.findings(first), firstCopy);
			long before = codec.stylesAgain();
			copy(feedback, second, "CD79000456", findings, secondCopy);
			again[0] = codec.stylesAgain() - before;
			before = codec.stylesAgain();
			copy(feedback, second, "CD79000456", flipped, flippedCopy);
			again[1] = codec.stylesAgain() - before;
		});
		// the same form and the same marks: the first copy's styles; other marks: its own
		assertThat(again).containsExactly(1, 0);
		assertThat(contents(secondCopy).get("xl/styles.xml")).isEqualTo(contents(firstCopy).get("xl/styles.xml"));
		byte[] flippedStyles = contents(flippedCopy).get("xl/styles.xml");
		assertThat(flippedStyles).isNotEqualTo(contents(secondCopy).get("xl/styles.xml"));
		// and what a thread that kept nothing writes for it
		onAFreshThread(() -> copy(feedback, second, "CD79000456", flipped, alone));
		assertThat(flippedStyles).isEqualTo(contents(alone).get("xl/styles.xml"));
	}

	private static final Map<String, String> UNIONS = Map.of("CD79000123", "Công đoàn Công ty Ánh Dương", "CD79000456",
			"Công đoàn Trường Tiểu học Bình Minh");

	/** Writes the zip-level copy of a return of {@link #form}, named as its union. */
	private static void copy(FeedbackWorkbook feedback, Path source, String union, List<FeedbackItem> findings,
			Path target) throws Exception {
		assertThat(feedback.writeZip(source, union, UNIONS.get(union), findings, target)).isTrue();
	}

	private static void replaceEntry(Path from, Path to, String name, String content) throws Exception {
		try (ZipFile in = new ZipFile(from.toFile());
				java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(to))) {
			for (ZipEntry entry : java.util.Collections.list(in.entries())) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(entry.getName().equals(name) ? content.getBytes(StandardCharsets.UTF_8)
						: in.getInputStream(entry).readAllBytes());
				out.closeEntry();
			}
		}
	}

	@Test
	void aPartWithTheSameChecksumAndLengthButOtherBytesIsDeflatedForItself() throws Exception {
		byte[] kept = new byte[4096];
		for (int i = 0; i < kept.length; i++) {
			kept[i] = (byte) ("<cellXfs count=\"12\">".charAt(i % 20));
		}
		byte[] other = sameCrc(kept);
		assertThat(other).isNotEqualTo(kept).hasSameSizeAs(kept);
		assertThat(crc(other)).isEqualTo(crc(kept));
		ZipCodec codec = ZipCodec.current();
		ZipCodec.Packed first = codec.deflate(kept, true);
		long reused = codec.reused();
		assertThat(inflate(codec.deflate(kept.clone(), true).compressed(), kept.length)).isEqualTo(kept);
		assertThat(codec.reused()).isEqualTo(reused + 1);
		ZipCodec.Packed forOther = codec.deflate(other, true);
		assertThat(codec.reused()).isEqualTo(reused + 1);
		assertThat(forOther.compressed()).isNotEqualTo(first.compressed());
		assertThat(inflate(forOther.compressed(), other.length)).isEqualTo(other);
		// a part not said to repeat is never taken from those kept
		codec.deflate(kept, false);
		assertThat(codec.reused()).isEqualTo(reused + 1);
	}

	@Test
	void keepsNoMoreThanItsShareOfParts() throws Exception {
		onAFreshThread(() -> {
			ZipCodec codec = ZipCodec.current();
			java.util.Random random = new java.util.Random(27);
			for (int i = 0; i < 200; i++) {
				byte[] part = new byte[1024 + random.nextInt(ZipCodec.MAX_KEPT_PART - 1024)];
				random.nextBytes(part);
				codec.deflate(part, true);
				assertThat(codec.keptBytes()).isBetween(0L, (long) ZipCodec.KEPT_BYTES);
			}
			byte[] small = "<Relationships/>".getBytes(StandardCharsets.UTF_8);
			codec.deflate(small, true);
			long reused = codec.reused();
			codec.deflate(small.clone(), true);
			assertThat(codec.reused()).isEqualTo(reused + 1);
		});
	}

	@Test
	void keepsNoMoreDecodedPartsThanItsShare() throws Exception {
		onAFreshThread(() -> {
			ZipCodec codec = ZipCodec.current();
			java.util.Random random = new java.util.Random(23);
			for (int i = 0; i < 100; i++) {
				int size = 1024 + random.nextInt(ZipCodec.MAX_KEPT_PART - 1024);
				byte[] compressed = new byte[size];
				random.nextBytes(compressed);
				ZipParts.Entry entry = new ZipParts.Entry("xl/styles.xml", 8, i, size, size * 4, 0, 0, 0);
				codec.keepDecoded("part " + (i % 7), entry, compressed, "x".repeat(size));
				assertThat(codec.decodedBytes()).isBetween(0L, (long) ZipCodec.KEPT_BYTES);
				assertThat(codec.decoded("part " + (i % 7), entry, compressed)).hasSize(size);
			}
		});
	}

	@Test
	void readsPlainAttributesAsTheRegularExpressionDoes() {
		for (String tag : List.of(" r=\"A1\" s=\"3\" t=\"s\"", " r='B2' s = \"0\"/",
				"\n\tr:id=\"rId1\"  name=\"Báo cáo &amp; x\"", " spans=\"1:7\" ht=\"15.75\" customHeight=\"1\"", "",
				" a=\"1\" junk b=\"2\"", " a=\"unterminated", "<sz val=\"11\"/", " a='x\"y' b=\"y'x\"",
				" xml:space=\"preserve\"", " =\"x\" a=\"1\"")) {
			assertThat(ZipXml.attributes(tag)).as(tag).containsExactlyEntriesOf(ZipXml.attributesByPattern(tag));
		}
	}

	/**
	 * Runs {@code test} on a new thread, whose codec has kept nothing yet, and waits for
	 * it.
	 */
	private static void onAFreshThread(Body test) throws Exception {
		Throwable[] failed = new Throwable[1];
		Thread thread = new Thread(() -> {
			try {
				test.run();
			}
			catch (Throwable ex) {
				failed[0] = ex;
			}
		});
		thread.start();
		thread.join();
		assertThat(failed[0]).isNull();
	}

	private interface Body {

		void run() throws Exception;

	}

	private Path form(String code, String name) throws Exception {
		Map<String, String> header = new LinkedHashMap<>();
		header.put("union_code", code);
		header.put("union_name", name);
		header.put("province", "79");
		Path file = this.dir.resolve(code + ".xlsx");
		new ReturnFormWriter(CATALOGUE).write(ValidReturns.content(CATALOGUE, header), FormStyle.standard(), file);
		return file;
	}

	private static Map<String, ZipEntry> entries(Path zip) throws Exception {
		Map<String, ZipEntry> entries = new HashMap<>();
		try (ZipFile file = new ZipFile(zip.toFile())) {
			for (ZipEntry entry : java.util.Collections.list(file.entries())) {
				entries.put(entry.getName(), entry);
			}
		}
		return entries;
	}

	private static Map<String, byte[]> contents(Path zip) throws Exception {
		Map<String, byte[]> contents = new HashMap<>();
		try (ZipFile file = new ZipFile(zip.toFile())) {
			for (ZipEntry entry : java.util.Collections.list(file.entries())) {
				// ZipFile checks each entry's CRC as it is read to its end
				contents.put(entry.getName(), file.getInputStream(entry).readAllBytes());
			}
		}
		return contents;
	}

	private static long crc(byte[] bytes) {
		CRC32 crc = new CRC32();
		crc.update(bytes);
		return crc.getValue();
	}

	private static byte[] inflate(byte[] compressed, int size) throws Exception {
		Inflater inflater = new Inflater(true);
		inflater.setInput(compressed);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[1024];
		while (!inflater.finished() && out.size() <= size) {
			int n = inflater.inflate(buffer);
			if (n == 0 && inflater.needsInput()) {
				break;
			}
			out.write(buffer, 0, n);
		}
		inflater.end();
		return out.toByteArray();
	}

	/**
	 * Other bytes of the same length and CRC-32: the first byte changed, and the last
	 * four chosen to bring the CRC back (over the bytes of one length, the CRC is affine
	 * in GF(2): solved for those 32 bits by elimination).
	 */
	static byte[] sameCrc(byte[] bytes) {
		int n = bytes.length;
		long zero = crc(new byte[n]);
		byte[] flip = new byte[n];
		flip[0] = 1;
		long target = crc(flip) ^ zero;
		// the effect of each of the last 32 bits, with which bits make it up
		long[] effect = new long[32];
		long[] made = new long[32];
		for (int bit = 0; bit < 32; bit++) {
			byte[] e = new byte[n];
			e[n - 4 + bit / 8] = (byte) (1 << (bit % 8));
			effect[bit] = crc(e) ^ zero;
			made[bit] = 1L << bit;
		}
		long solution = 0;
		long rest = target;
		for (int pivot = 31, row = 0; pivot >= 0; pivot--) {
			int found = -1;
			for (int i = row; i < 32; i++) {
				if ((effect[i] >>> pivot & 1) != 0) {
					found = i;
					break;
				}
			}
			if (found < 0) {
				continue;
			}
			long e = effect[found];
			long m = made[found];
			effect[found] = effect[row];
			made[found] = made[row];
			effect[row] = e;
			made[row] = m;
			for (int i = 0; i < 32; i++) {
				if (i != row && (effect[i] >>> pivot & 1) != 0) {
					effect[i] ^= e;
					made[i] ^= m;
				}
			}
			if ((rest >>> pivot & 1) != 0) {
				rest ^= e;
				solution ^= m;
			}
			row++;
		}
		assertThat(rest).isZero();
		byte[] other = Arrays.copyOf(bytes, n);
		other[0] ^= 1;
		for (int bit = 0; bit < 32; bit++) {
			if ((solution >>> bit & 1) != 0) {
				other[n - 4 + bit / 8] ^= (byte) (1 << (bit % 8));
			}
		}
		return other;
	}

}
