package vn.tonghop.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.hostile.Mutations;
import vn.tonghop.hostile.Mutations.Seed;
import vn.tonghop.read.UnreadableFileException;

import static org.assertj.core.api.Assertions.fail;

/**
 * A seeded mutation fuzzer over the readers ({@link ReturnFileProcessor#readReturns}):
 * the sample returns (xlsx, xls, CSV) are damaged at random, byte by byte and, for
 * workbooks, inside their XML parts, and every result goes through reading, locating and
 * judging as an ingest does. A file may come out as cells or as an
 * {@link UnreadableFileException}, and is never written; any other exception, an error,
 * or an input file whose bytes or modification time changed fails the test with the seed,
 * the iteration and a copy of the input under {@code target/fuzz-failures/}. Bounded by
 * time ({@code -Dtonghop.fuzz.seconds}, 30 by default) and by count
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

	@Test
	void damagedFilesAreReadOrUnreadableNeverAnythingElse() throws Exception {
		List<Seed> seeds = Mutations.seeds();
		Random random = new Random(SEED);
		long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
		long iterations = 0;
		long unreadable = 0;
		long read = 0;
		while (iterations < ITERATIONS && System.nanoTime() < deadline) {
			Seed seed = seeds.get(random.nextInt(seeds.size()));
			byte[] mutated = Mutations.mutate(seed, random);
			String extension = seed.extension();
			Path file = this.work.resolve("input" + extension);
			Files.write(file, mutated);
			FileTime written = Files.getLastModifiedTime(file);
			try {
				// the ingest reads a file's bytes once and unzips them in memory; every
				// other input is opened from disk instead, as larger files are
				if (readAsAnIngestDoes(file, (iterations % 2 == 0) ? mutated : null)) {
					read++;
				}
				else {
					unreadable++;
				}
				// a user's file is read-only: POI saved a damaged .xlsx over itself once
				if (!Arrays.equals(Files.readAllBytes(file), mutated)
						|| !Files.getLastModifiedTime(file).equals(written)) {
					throw new AssertionError("the reading wrote the input file");
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

}
