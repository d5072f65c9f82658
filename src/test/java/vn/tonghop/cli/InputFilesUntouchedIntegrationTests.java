package vn.tonghop.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.hostile.DamagedParts;
import vn.tonghop.hostile.HostileCorpus;
import vn.tonghop.hostile.Mutations;
import vn.tonghop.intake.Checksums;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's file is read-only to tonghop, always. Every corpus the project has — the
 * samples, the sample inbox, the hostile corpus, the fuzzer's damaged files, and each
 * part of a return cut or replaced by garbage — goes through {@code registry},
 * {@code run} (which writes the feedback copies from the returns),
 * {@code ingest --dry-run} and a previous year's {@code ingest}, and afterwards every
 * file and folder of the inbox has its bytes, size and modification time, and nothing was
 * added.
 * <p>
 * Regression: a return whose {@code xl/styles.xml}, {@code xl/workbook.xml} or theme was
 * damaged came out "unreadable", and the file in the inbox had been saved over by POI
 * (other bytes, another SHA-256, a new modification time) by all three commands.
 */
class InputFilesUntouchedIntegrationTests {

	@TempDir
	static Path work;

	private static Path inbox;

	private static Map<String, String> before;

	/** Each command, and the inbox as it left it. */
	private static final Map<String, Runs.Result> results = new LinkedHashMap<>();

	private static final Map<String, Map<String, String>> after = new LinkedHashMap<>();

	@BeforeAll
	static void runEveryCorpusThroughEachCommand() throws Exception {
		inbox = Files.createDirectories(work.resolve("hộp thư"));
		ConsolidationIntegrationTests.sameTimes(HostileCorpus.SAMPLES, inbox.resolve("mẫu"));
		ConsolidationIntegrationTests.sameTimes(Path.of("input-samples/2026"), inbox.resolve("hộp thư mẫu"));
		HostileCorpus.write(Files.createDirectories(inbox.resolve("thư lạ")));
		for (String good : new String[] { "form-edited.xlsx", "form-formulas-libreoffice.xlsx" }) {
			DamagedParts.write(HostileCorpus.SAMPLES.resolve(good), inbox.resolve("hỏng từng phần"));
		}
		Path fuzzed = Files.createDirectories(inbox.resolve("đột biến"));
		Random random = new Random(20261206L);
		var seeds = Mutations.seeds();
		for (int i = 0; i < 150; i++) {
			Mutations.Seed seed = seeds.get(random.nextInt(seeds.size()));
			Files.write(fuzzed.resolve(String.format("%03d%s", i, seed.extension())), Mutations.mutate(seed, random));
		}
		before = snapshot(inbox);
		String data = work.resolve("data").toString();
		String input = inbox.toString();
		run("registry", "registry", "--input", inbox.resolve("mẫu/registry-2026.xlsx").toString(), "--year", "2026",
				"--data-dir", data);
		run("run", "run", "--input", input, "--year", "2026", "--output", work.resolve("kết quả").toString(),
				"--data-dir", data);
		run("ingest --dry-run", "ingest", "--input", input, "--year", "2026", "--dry-run");
		run("last year's ingest", "ingest", "--input", input, "--year", "2025", "--data-dir", data);
	}

	private static void run(String name, String... args) throws IOException {
		results.put(name, Runs.tonghop(args));
		after.put(name, snapshot(inbox));
	}

	@Test
	void registryRunDryRunAndLastYearsIngestLeaveEveryInputFileAsItWas() {
		assertThat(before.size()).isGreaterThan(250);
		assertThat(results.get("run").out()).contains("Tình trạng tệp:");
		results.forEach(
				(name, result) -> assertThat(result.status()).as(name + ": " + result.out() + result.err()).isZero());
		after.forEach((name, snapshot) -> assertThat(changes(before, snapshot)).as("after " + name).isEmpty());
	}

	/**
	 * Regression: damaged and XML-bomb files printed about a hundred lines of a library's
	 * stack trace each into the run's output. A person sees the file's line in the
	 * summary and in files.csv; the traces are at DEBUG.
	 */
	@Test
	void damagedFilesPrintNoLibraryStackTrace() {
		results.forEach((name, result) -> {
			String printed = result.out() + result.err();
			assertThat(printed.lines().filter((line) -> line.startsWith("\tat ") || line.contains("Exception")))
				.as(name)
				.isEmpty();
		});
		assertThat(results.get("run").out()).contains("không đọc được: hỏng từng phần/");
	}

	/**
	 * Every path under the folder, not following links, with what it is: a file's size,
	 * modification time and SHA-256 (or that it cannot be read), a link's target, a
	 * folder's modification time (a file added or removed changes it).
	 */
	static Map<String, String> snapshot(Path folder) throws IOException {
		Map<String, String> snapshot = new TreeMap<>();
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.toList()) {
				BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
						LinkOption.NOFOLLOW_LINKS);
				String what;
				if (attributes.isSymbolicLink()) {
					what = "link to " + Files.readSymbolicLink(path);
				}
				else if (attributes.isDirectory()) {
					what = "folder " + attributes.lastModifiedTime();
				}
				else {
					what = attributes.size() + " bytes " + attributes.lastModifiedTime() + " " + sha256(path);
				}
				snapshot.put(folder.relativize(path).toString(), what);
			}
		}
		return snapshot;
	}

	/** What differs between two snapshots, a line a path. */
	static List<String> changes(Map<String, String> before, Map<String, String> after) {
		List<String> changes = new ArrayList<>();
		for (String path : before.keySet()) {
			if (!before.get(path).equals(after.get(path))) {
				changes.add(path + ": " + before.get(path) + " -> " + after.get(path));
			}
		}
		for (String path : after.keySet()) {
			if (!before.containsKey(path)) {
				changes.add(path + ": added, " + after.get(path));
			}
		}
		return changes;
	}

	private static String sha256(Path file) {
		try {
			return Checksums.sha256(file);
		}
		catch (IOException ex) {
			return "unreadable";
		}
	}

}
