package vn.tonghop.job;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.hostile.HostileCorpus;
import vn.tonghop.read.UnreadableFileException;

import static org.assertj.core.api.Assertions.fail;

/**
 * A seeded mutation fuzzer over the readers ({@link ReturnFileProcessor#readReturns}):
 * the sample returns (xlsx, xls, CSV) are damaged at random, byte by byte and, for
 * workbooks, inside their XML parts, and every result goes through reading, locating and
 * judging as an ingest does. A file may come out as cells or as an
 * {@link UnreadableFileException}; any other exception, or an error, fails the test with
 * the seed, the iteration and a copy of the input under {@code target/fuzz-failures/}.
 * Bounded by time ({@code -Dtonghop.fuzz.seconds}, 30 by default) and by count
 * ({@code -Dtonghop.fuzz.iterations}); the same seed ({@code -Dtonghop.fuzz.seed}) gives
 * the same inputs in the same order.
 */
class ReaderFuzzTests {

	private static final long SEED = Long.getLong("tonghop.fuzz.seed", 20261202L);

	private static final long SECONDS = Long.getLong("tonghop.fuzz.seconds", 30);

	private static final long ITERATIONS = Long.getLong("tonghop.fuzz.iterations", Long.MAX_VALUE);

	@TempDir
	Path work;

	private final ReturnFileProcessor processor = Processors.forYear(2026);

	/** A seed file: its name (for the extension) and bytes. */
	private record Seed(String name, byte[] bytes) {
	}

	@Test
	void damagedFilesAreReadOrUnreadableNeverAnythingElse() throws Exception {
		List<Seed> seeds = new ArrayList<>();
		try (var files = Files.list(HostileCorpus.SAMPLES)) {
			for (Path file : files.sorted().toList()) {
				String name = file.getFileName().toString();
				if (name.matches(".*\\.(xlsx|xls|csv)")) {
					seeds.add(new Seed(name, Files.readAllBytes(file)));
				}
			}
		}
		Random random = new Random(SEED);
		long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
		long iterations = 0;
		long unreadable = 0;
		long read = 0;
		while (iterations < ITERATIONS && System.nanoTime() < deadline) {
			Seed seed = seeds.get(random.nextInt(seeds.size()));
			byte[] mutated = mutate(seed, random);
			String extension = seed.name().substring(seed.name().lastIndexOf('.'));
			Path file = this.work.resolve("input" + extension);
			Files.write(file, mutated);
			try {
				// the ingest reads a file's bytes once and unzips them in memory; every
				// other input is opened from disk instead, as larger files are
				if (readAsAnIngestDoes(file, (iterations % 2 == 0) ? mutated : null)) {
					read++;
				}
				else {
					unreadable++;
				}
			}
			catch (Throwable ex) {
				Path kept = Path.of("target/fuzz-failures")
					.resolve(String.format(Locale.ROOT, "seed-%d-iteration-%d%s", SEED, iterations, extension));
				Files.createDirectories(kept.getParent());
				Files.copy(file, kept, StandardCopyOption.REPLACE_EXISTING);
				throw new AssertionError("fuzz input " + iterations + " (seed " + SEED + ", from " + seed.name()
						+ ", kept as " + kept + ") failed with " + ex, ex);
			}
			iterations++;
		}
		System.out.printf(Locale.ROOT, "fuzz: %d damaged files (seed %d), %d read, %d unreadable%n", iterations, SEED,
				read, unreadable);
		if (iterations == 0) {
			fail("no fuzz input was tried");
		}
	}

	/**
	 * Reads, locates and judges the file as the ingest does, without the ingest's net for
	 * the unforeseen; false when it is unreadable.
	 */
	private boolean readAsAnIngestDoes(Path file, byte[] content) {
		try {
			this.processor.readReturns(file, content);
			return true;
		}
		catch (UnreadableFileException ex) {
			return false;
		}
	}

	// ---- mutations --------------------------------------------------------------

	private static byte[] mutate(Seed seed, Random random) throws IOException {
		boolean zip = seed.bytes().length > 4 && seed.bytes()[0] == 'P' && seed.bytes()[1] == 'K';
		if (zip && random.nextInt(4) > 0) {
			return mutateZip(seed.bytes(), random);
		}
		return mutateBytes(seed.bytes(), random, (zip || seed.name().endsWith(".xls")) ? 1 : 8);
	}

	/** A few random byte changes: flips, overwrites, deletions, insertions, a cut. */
	private static byte[] mutateBytes(byte[] bytes, Random random, int most) {
		byte[] out = bytes.clone();
		int changes = 1 + random.nextInt(most);
		for (int i = 0; i < changes && out.length > 0; i++) {
			int at = random.nextInt(out.length);
			switch (random.nextInt(5)) {
				case 0 -> out[at] = (byte) (out[at] ^ (1 << random.nextInt(8)));
				case 1 -> out[at] = (byte) random.nextInt(256);
				case 2 -> out = splice(out, at, Math.min(out.length - at, 1 + random.nextInt(64)), new byte[0]);
				case 3 -> out = splice(out, at, 0, interesting(random));
				default -> out = java.util.Arrays.copyOf(out, Math.max(1, at));
			}
		}
		return out;
	}

	/** Values that take parsers to their edges. */
	private static byte[] interesting(Random random) {
		String[] values = { "\"", ";", ",", "\n", "\r\n", "\t", "\u0000", "-1", "99999999999999999999", "1e309", "NaN",
				"#REF!", "=1+1", "<", ">", "&", "&amp;", "]]>", "\uFEFF", "\u00AD", "Nữ", "Mã CĐCS", "A02", "_x0000_",
				"ZZZ1048577" };
		return values[random.nextInt(values.length)].getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
		byte[] out = new byte[bytes.length - remove + insert.length];
		System.arraycopy(bytes, 0, out, 0, at);
		System.arraycopy(insert, 0, out, at, insert.length);
		System.arraycopy(bytes, at + remove, out, at + insert.length, bytes.length - at - remove);
		return out;
	}

	/**
	 * One XML part of the workbook damaged as text (attributes, numbers, tags), the rest
	 * kept, zipped again: reaches the sheet readers rather than the zip reader.
	 */
	private static byte[] mutateZip(byte[] bytes, Random random) throws IOException {
		List<String> names = new ArrayList<>();
		List<byte[]> parts = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				names.add(entry.getName());
				parts.add(in.readAllBytes());
			}
		}
		int target = random.nextInt(parts.size());
		for (int i = 0; i < parts.size(); i++) {
			if (names.get(i).contains("sheet") && random.nextBoolean()) {
				target = i;
				break;
			}
		}
		parts.set(target, mutateXml(parts.get(target), random));
		if (random.nextInt(10) == 0) {
			// one part missing, name and bytes
			int missing = random.nextInt(names.size());
			names.remove(missing);
			parts.remove(missing);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (int i = 0; i < names.size(); i++) {
				zip.putNextEntry(new ZipEntry(names.get(i)));
				zip.write(parts.get(i));
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	private static byte[] mutateXml(byte[] xml, Random random) {
		String text = new String(xml, StandardCharsets.UTF_8);
		int changes = 1 + random.nextInt(4);
		for (int i = 0; i < changes && !text.isEmpty(); i++) {
			int at = random.nextInt(text.length());
			text = switch (random.nextInt(7)) {
				case 0 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(40)));
				case 1 -> {
					int end = Math.min(text.length(), at + 1 + random.nextInt(200));
					yield text.substring(0, end) + text.substring(at, end) + text.substring(end);
				}
				case 2 -> text.replaceFirst("r=\"[A-Z]+[0-9]+\"",
						"r=\"" + new String[] { "XFE1", "A0", "A1048577", "ZZZZ1", "", "1A", "A-1" }[random.nextInt(7)]
								+ "\"");
				case 3 -> text.replaceFirst("t=\"[a-zA-Z]+\"", "t=\""
						+ new String[] { "e", "b", "s", "n", "str", "inlineStr", "d", "x" }[random.nextInt(8)] + "\"");
				case 4 -> text.replaceFirst("<v>[^<]*</v>", "<v>"
						+ new String[] { "", "-1", "999999999", "1e400", "abc", "#N/A", "2147483648", "0x1F" }[random
							.nextInt(8)]
						+ "</v>");
				case 5 -> text.replaceFirst("s=\"[0-9]+\"", "s=\"" + random.nextInt(100000) + "\"");
				default -> text.substring(0, at) + new String(interesting(random), StandardCharsets.UTF_8)
						+ text.substring(at);
			};
		}
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
