package vn.tonghop.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Returns damaged the way a failed save or a broken download leaves them: each part of a
 * good workbook, one at a time, cut in half or replaced by bytes that are not XML, the
 * rest of the zip as it was. Made by code from the samples.
 */
public final class DamagedParts {

	private static final byte[] GARBAGE = "\u0000không phải XML\uFFFD<<<&&&".repeat(20)
		.getBytes(StandardCharsets.UTF_8);

	private DamagedParts() {
	}

	/**
	 * Writes into {@code folder}, for each part of the workbook {@code good}, a copy with
	 * that part cut and one with it replaced; returns the files written.
	 */
	public static List<Path> write(Path good, Path folder) throws IOException {
		Files.createDirectories(folder);
		Map<String, byte[]> parts = Mutations.parts(Files.readAllBytes(good));
		String stem = good.getFileName().toString().replaceFirst("\\.[^.]+$", "");
		String extension = good.getFileName().toString().substring(stem.length());
		List<Path> written = new ArrayList<>();
		for (String part : parts.keySet()) {
			String name = stem + " - " + part.replaceAll("[/\\\\\\[\\]]", "_");
			byte[] whole = parts.get(part);
			written.add(write(folder.resolve(name + " - cắt dở" + extension), parts, part,
					Arrays.copyOf(whole, whole.length / 2)));
			written.add(write(folder.resolve(name + " - rác" + extension), parts, part, GARBAGE));
		}
		return written;
	}

	private static Path write(Path file, Map<String, byte[]> parts, String part, byte[] damaged) throws IOException {
		Map<String, byte[]> copy = new LinkedHashMap<>(parts);
		copy.put(part, damaged);
		Files.write(file, Mutations.zip(copy));
		return file;
	}

}
