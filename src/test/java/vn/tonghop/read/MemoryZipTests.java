package vn.tonghop.read;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryZipTests {

	@TempDir
	Path work;

	@Test
	void readsTheSampleWorkbooksAsTheJdksZipFileDoes() throws IOException {
		for (String name : List.of("form-edited.xlsx", "form-formulas-libreoffice.xlsx", "registry-2026.xlsx")) {
			assertSameAsZipFile(WorkbookReaderTests.sample(name));
		}
	}

	@Test
	void readsAWorkbookPoiWrote() throws IOException {
		Path file = this.work.resolve("poi.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); var out = Files.newOutputStream(file)) {
			var sheet = workbook.createSheet("Báo cáo");
			for (int r = 0; r < 200; r++) {
				sheet.createRow(r).createCell(0).setCellValue("dòng " + r);
			}
			workbook.write(out);
		}
		assertSameAsZipFile(file);
	}

	@Test
	void tellsWhereEachEntrysDataIsAsTheZipHoldsIt() throws Exception {
		byte[] text = "xin chào ".repeat(5000).getBytes(StandardCharsets.UTF_8);
		byte[] zip = zip(List.of(stored("a.xml", text), deflated("b.xml", text)));
		MemoryZip memory = MemoryZip.open(zip);
		ZipEntries.Stored a = memory.stored(memory.entries().get(0));
		assertThat(Arrays.copyOfRange(a.bytes(), a.offset(), a.offset() + a.length())).isEqualTo(text);
		ZipEntries.Stored b = memory.stored(memory.entries().get(1));
		assertThat(b.length()).isEqualTo(memory.entries().get(1).getCompressedSize()).isLessThan(text.length);
		java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
		inflater.setInput(b.bytes(), b.offset(), b.length());
		byte[] inflated = new byte[text.length];
		assertThat(inflater.inflate(inflated)).isEqualTo(text.length);
		assertThat(inflated).isEqualTo(text);
		inflater.end();
		try (ZipEntries onDisk = ZipEntries.of(new ZipFile(WorkbookReaderTests.sample("form-edited.xlsx").toFile()))) {
			assertThat(onDisk.stored(onDisk.entries().get(0))).as("a zip on disk").isNull();
		}
	}

	@Test
	void readsStoredAndDeflatedEntriesAndAnEmptyOne() throws IOException {
		byte[] text = "xin chào ".repeat(5000).getBytes(StandardCharsets.UTF_8);
		byte[] zip = zip(List.of(stored("a.xml", text), deflated("b.xml", text), deflated("empty.xml", new byte[0])));
		MemoryZip memory = MemoryZip.open(zip);
		assertThat(memory).isNotNull();
		assertThat(memory.entries()).extracting(ZipEntry::getName).containsExactly("a.xml", "b.xml", "empty.xml");
		assertThat(memory.entries().get(0).getMethod()).isEqualTo(ZipEntry.STORED);
		assertThat(read(memory, 0)).isEqualTo(text);
		assertThat(read(memory, 1)).isEqualTo(text);
		assertThat(read(memory, 2)).isEmpty();
	}

	@Test
	void twoEntriesReadAtOnceEachGetTheirOwnInflater() throws IOException {
		byte[] a = "a".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
		byte[] b = "0123456789".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
		MemoryZip memory = MemoryZip.open(zip(List.of(deflated("a", a), deflated("b", b))));
		ByteArrayOutputStream outA = new ByteArrayOutputStream();
		ByteArrayOutputStream outB = new ByteArrayOutputStream();
		try (InputStream inA = memory.open(memory.entries().get(0));
				InputStream inB = memory.open(memory.entries().get(1))) {
			byte[] buffer = new byte[777];
			int nA = 0;
			int nB = 0;
			while (nA >= 0 || nB >= 0) {
				if (nA >= 0 && (nA = inA.read(buffer)) > 0) {
					outA.write(buffer, 0, nA);
				}
				if (nB >= 0 && (nB = inB.read(buffer)) > 0) {
					outB.write(buffer, 0, nB);
				}
			}
		}
		assertThat(outA.toByteArray()).isEqualTo(a);
		assertThat(outB.toByteArray()).isEqualTo(b);
		// the inflaters went back to the thread, and serve the next entries
		assertThat(read(memory, 1)).isEqualTo(b);
		assertThat(read(memory, 0)).isEqualTo(a);
	}

	@Test
	void leavesUnusualZipsToTheJdk() throws IOException {
		byte[] text = "<a/>".getBytes(StandardCharsets.US_ASCII);
		byte[] plain = zip(List.of(deflated("a.xml", text)));
		assertThat(MemoryZip.open(plain)).isNotNull();
		// a self-extractor's prefix, bytes after the end record, a cut
		assertThat(MemoryZip.open(concat("MZ-prefix".getBytes(StandardCharsets.US_ASCII), plain))).isNull();
		assertThat(MemoryZip.open(concat(plain, new byte[] { 1, 2, 3 }))).isNull();
		assertThat(MemoryZip.open(Arrays.copyOf(plain, plain.length - 5))).isNull();
		assertThat(MemoryZip.open(new byte[0])).isNull();
		assertThat(MemoryZip.open("not a zip at all".getBytes(StandardCharsets.US_ASCII))).isNull();
		// a name that is not ASCII (Java writes it in UTF-8)
		assertThat(MemoryZip.open(zip(List.of(deflated("bảng.xml", text))))).isNull();
		// an entry marked encrypted, in its directory record
		byte[] encrypted = plain.clone();
		encrypted[directory(encrypted) + 8] |= 1;
		assertThat(MemoryZip.open(encrypted)).isNull();
		// Zip64: the directory's sizes left to the Zip64 extra field
		byte[] zip64 = plain.clone();
		Arrays.fill(zip64, directory(zip64) + 24, directory(zip64) + 28, (byte) 0xFF);
		assertThat(MemoryZip.open(zip64)).isNull();
		// a method other than stored or deflated (bzip2)
		byte[] bzip2 = plain.clone();
		bzip2[directory(bzip2) + 10] = 12;
		assertThat(MemoryZip.open(bzip2)).isNull();
		// a local header with another name than the directory's
		byte[] renamed = plain.clone();
		renamed[30] = 'b';
		assertThat(MemoryZip.open(renamed)).isNull();
	}

	@Test
	void anEntryThatDoesNotInflateToItsSizeFails() throws IOException {
		byte[] text = "tổng hợp ".repeat(2000).getBytes(StandardCharsets.UTF_8);
		byte[] plain = zip(List.of(deflated("a.xml", text)));
		int size = directory(plain) + 24;
		// the directory says one byte more, then one byte less, than the data holds
		byte[] longer = plain.clone();
		longer[size] += 1;
		assertThatThrownBy(() -> read(MemoryZip.open(longer), 0)).isInstanceOf(ZipException.class)
			.hasMessageContaining("invalid entry size");
		byte[] shorter = plain.clone();
		shorter[size] -= 1;
		assertThatThrownBy(() -> read(MemoryZip.open(shorter), 0)).isInstanceOf(ZipException.class)
			.hasMessageContaining("invalid entry size");
		// damaged deflate data
		byte[] damaged = plain.clone();
		Arrays.fill(damaged, 30 + 5, 30 + 5 + 40, (byte) 0xFF);
		assertThatThrownBy(() -> read(MemoryZip.open(damaged), 0)).isInstanceOf(IOException.class);
	}

	@Test
	void aCutDeflateStreamEndsInAnError() throws IOException {
		byte[] text = new byte[50_000];
		new Random(7).nextBytes(text);
		byte[] plain = zip(List.of(deflated("a.bin", text)));
		// the compressed size made smaller: the entry's data ends before its deflate
		// stream
		byte[] cut = plain.clone();
		int compressed = directory(cut) + 20;
		cut[compressed + 1] -= 1;
		assertThatThrownBy(() -> read(MemoryZip.open(cut), 0)).isInstanceOf(EOFException.class);
	}

	@Test
	void damagedZipsGiveNullOrAZipButNeverAnotherFailure() throws IOException {
		byte[] sample = Files.readAllBytes(WorkbookReaderTests.sample("form-edited.xlsx"));
		Random random = new Random(20261204);
		int opened = 0;
		for (int i = 0; i < 3000; i++) {
			byte[] damaged = sample.clone();
			for (int changes = 1 + random.nextInt(4); changes > 0; changes--) {
				// mostly the directory and end record, where the offsets are
				int at = (random.nextBoolean()) ? damaged.length - 1 - random.nextInt(Math.min(1500, damaged.length))
						: random.nextInt(damaged.length);
				damaged[at] = (byte) random.nextInt(256);
			}
			MemoryZip memory = MemoryZip.open(damaged);
			if (memory == null) {
				continue;
			}
			opened++;
			for (int entry = 0; entry < memory.entries().size(); entry++) {
				try {
					read(memory, entry);
				}
				catch (IOException ex) {
					// damaged data: the fast path leaves the file to POI
				}
			}
		}
		assertThat(opened).isPositive();
	}

	// ---- helpers ----------------------------------------------------------------

	private static void assertSameAsZipFile(Path file) throws IOException {
		MemoryZip memory = MemoryZip.open(Files.readAllBytes(file));
		assertThat(memory).as(file.toString()).isNotNull();
		try (ZipFile zip = new ZipFile(file.toFile())) {
			List<? extends ZipEntry> expected = java.util.Collections.list(zip.entries());
			assertThat(memory.entries()).hasSameSizeAs(expected);
			for (int i = 0; i < expected.size(); i++) {
				ZipEntry want = expected.get(i);
				ZipEntry got = memory.entries().get(i);
				assertThat(got.getName()).isEqualTo(want.getName());
				assertThat(got.getSize()).isEqualTo(want.getSize());
				assertThat(got.getCompressedSize()).isEqualTo(want.getCompressedSize());
				assertThat(got.getMethod()).isEqualTo(want.getMethod());
				assertThat(got.getCrc()).isEqualTo(want.getCrc());
				byte[] content = read(memory, i);
				try (InputStream in = zip.getInputStream(want)) {
					assertThat(content).as(want.getName()).isEqualTo(in.readAllBytes());
				}
				CRC32 crc = new CRC32();
				crc.update(content);
				assertThat(crc.getValue()).isEqualTo(want.getCrc());
			}
		}
	}

	private static byte[] read(MemoryZip memory, int entry) throws IOException {
		try (InputStream in = memory.open(memory.entries().get(entry))) {
			return in.readAllBytes();
		}
	}

	private record Item(String name, byte[] content, int method) {
	}

	private static Item stored(String name, byte[] content) {
		return new Item(name, content, ZipEntry.STORED);
	}

	private static Item deflated(String name, byte[] content) {
		return new Item(name, content, ZipEntry.DEFLATED);
	}

	private static byte[] zip(List<Item> items) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (Item item : items) {
				ZipEntry entry = new ZipEntry(item.name());
				entry.setMethod(item.method());
				if (item.method() == ZipEntry.STORED) {
					CRC32 crc = new CRC32();
					crc.update(item.content());
					entry.setSize(item.content().length);
					entry.setCompressedSize(item.content().length);
					entry.setCrc(crc.getValue());
				}
				out.putNextEntry(entry);
				out.write(item.content());
				out.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	/** Where the first central directory record starts. */
	private static int directory(byte[] zip) {
		int end = zip.length - 22;
		return (zip[end + 16] & 0xFF) | (zip[end + 17] & 0xFF) << 8 | (zip[end + 18] & 0xFF) << 16
				| (zip[end + 19] & 0xFF) << 24;
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] out = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

}
