package vn.tonghop.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The damage a seeded fuzzer does to a return (the readers' fuzz test, and the test that
 * no input file is ever written): byte by byte, and for workbooks inside their XML parts.
 * The same seed gives the same files in the same order.
 */
public final class Mutations {

	private Mutations() {
	}

	/** A seed file: its name (for the extension) and bytes. */
	public record Seed(String name, byte[] bytes) {

		/** The file's extension, with its dot. */
		public String extension() {
			return this.name.substring(this.name.lastIndexOf('.'));
		}

	}

	/** The samples' workbooks and lists, the fuzzer's seeds. */
	public static List<Seed> seeds() throws IOException {
		List<Seed> seeds = new ArrayList<>();
		try (var files = Files.list(HostileCorpus.SAMPLES)) {
			for (Path file : files.sorted().toList()) {
				String name = file.getFileName().toString();
				if (name.matches(".*\\.(xlsx|xls|csv)")) {
					seeds.add(new Seed(name, Files.readAllBytes(file)));
				}
			}
		}
		return seeds;
	}

	/** One damaged copy of a seed. */
	public static byte[] mutate(Seed seed, Random random) throws IOException {
		boolean zip = seed.bytes().length > 4 && seed.bytes()[0] == 'P' && seed.bytes()[1] == 'K';
		if (zip && random.nextInt(4) > 0) {
			return mutateZip(seed.bytes(), random);
		}
		return mutateBytes(seed.bytes(), random, (zip || seed.name().endsWith(".xls")) ? 1 : 8);
	}

	/** A zip's entries, by name in the zip's order, unzipped. */
	public static Map<String, byte[]> parts(byte[] zip) throws IOException {
		Map<String, byte[]> parts = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				parts.put(entry.getName(), in.readAllBytes());
			}
		}
		return parts;
	}

	/** The parts zipped again, in their order. */
	public static byte[] zip(Map<String, byte[]> parts) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, byte[]> part : parts.entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				zip.write(part.getValue());
				zip.closeEntry();
			}
		}
		return out.toByteArray();
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
		Map<String, byte[]> parts = parts(bytes);
		List<String> names = new ArrayList<>(parts.keySet());
		int target = random.nextInt(names.size());
		for (int i = 0; i < names.size(); i++) {
			if (names.get(i).contains("sheet") && random.nextBoolean()) {
				target = i;
				break;
			}
		}
		parts.put(names.get(target), mutateXml(parts.get(names.get(target)), random));
		if (random.nextInt(10) == 0) {
			// one part missing, name and bytes
			parts.remove(names.get(random.nextInt(names.size())));
		}
		return zip(parts);
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
