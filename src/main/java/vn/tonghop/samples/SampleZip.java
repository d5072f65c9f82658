package vn.tonghop.samples;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The parts of a small zip, read into memory in their order, and a zip written of them
 * the way a given program writes its entries: with or without data descriptors after the
 * compressed data, and the "version made by" and file attributes it puts in the central
 * directory. Every entry keeps the time of the part it came from, so the same parts
 * always give the same bytes.
 */
final class SampleZip {

	private static final int LOCAL = 0x04034b50;

	private static final int DESCRIPTOR = 0x08074b50;

	private static final int CENTRAL = 0x02014b50;

	private static final int END = 0x06054b50;

	/** A part: its name, its content and the DOS time and date of its entry. */
	record Part(String name, byte[] content, int time, int date) {

		Part with(byte[] changed) {
			return new Part(this.name, changed, this.time, this.date);
		}

	}

	/**
	 * How a program writes its entries: the central directory's "version made by" and
	 * external attributes, and whether the sizes follow the data (a data descriptor)
	 * instead of standing in the local header.
	 */
	record Style(int madeBy, int externalAttributes, boolean descriptors) {

		/** Java's and LibreOffice's: MS-DOS, sizes after the data. */
		static final Style STREAMED = new Style(20, 0, true);

		/** Python's {@code zipfile}: Unix, mode 600, sizes in the local header. */
		static final Style PYTHON = new Style((3 << 8) | 20, 0600 << 16, false);

	}

	private SampleZip() {
	}

	/** The parts of {@code zip}, in the order they are stored. */
	static List<Part> read(byte[] zip) throws IOException {
		List<Part> parts = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				LocalDateTime time = entry.getTimeLocal();
				parts.add(new Part(entry.getName(), in.readAllBytes(),
						(time.getHour() << 11) | (time.getMinute() << 5) | (time.getSecond() / 2),
						((time.getYear() - 1980) << 9) | (time.getMonthValue() << 5) | time.getDayOfMonth()));
			}
		}
		return parts;
	}

	/** A zip of {@code parts}, in their order, every one deflated. */
	static byte[] write(List<Part> parts, Style style) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
		ByteArrayOutputStream central = new ByteArrayOutputStream(1024);
		Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
		try {
			for (Part part : parts) {
				byte[] name = part.name().getBytes(StandardCharsets.UTF_8);
				int flags = (style.descriptors() ? 8 : 0) | ((name.length != part.name().length()) ? 0x800 : 0);
				byte[] data = deflate(deflater, part.content());
				CRC32 crc = new CRC32();
				crc.update(part.content());
				int checksum = (int) crc.getValue();
				int offset = out.size();
				int32(out, LOCAL);
				int16(out, 20);
				int16(out, flags);
				int16(out, ZipEntry.DEFLATED);
				int16(out, part.time());
				int16(out, part.date());
				int32(out, style.descriptors() ? 0 : checksum);
				int32(out, style.descriptors() ? 0 : data.length);
				int32(out, style.descriptors() ? 0 : part.content().length);
				int16(out, name.length);
				int16(out, 0);
				out.writeBytes(name);
				out.writeBytes(data);
				if (style.descriptors()) {
					int32(out, DESCRIPTOR);
					int32(out, checksum);
					int32(out, data.length);
					int32(out, part.content().length);
				}
				int32(central, CENTRAL);
				int16(central, style.madeBy());
				int16(central, 20);
				int16(central, flags);
				int16(central, ZipEntry.DEFLATED);
				int16(central, part.time());
				int16(central, part.date());
				int32(central, checksum);
				int32(central, data.length);
				int32(central, part.content().length);
				int16(central, name.length);
				int16(central, 0);
				int16(central, 0);
				int16(central, 0);
				int16(central, 0);
				int32(central, style.externalAttributes());
				int32(central, offset);
				central.writeBytes(name);
			}
			int centralOffset = out.size();
			out.writeBytes(central.toByteArray());
			int32(out, END);
			int16(out, 0);
			int16(out, 0);
			int16(out, parts.size());
			int16(out, parts.size());
			int32(out, central.size());
			int32(out, centralOffset);
			int16(out, 0);
			return out.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

	private static byte[] deflate(Deflater deflater, byte[] content) {
		deflater.reset();
		deflater.setInput(content);
		deflater.finish();
		ByteArrayOutputStream compressed = new ByteArrayOutputStream(content.length / 3 + 64);
		byte[] buffer = new byte[8192];
		while (!deflater.finished()) {
			compressed.write(buffer, 0, deflater.deflate(buffer));
		}
		return compressed.toByteArray();
	}

	private static void int16(ByteArrayOutputStream out, int value) {
		out.write(value & 0xFF);
		out.write((value >>> 8) & 0xFF);
	}

	private static void int32(ByteArrayOutputStream out, int value) {
		int16(out, value & 0xFFFF);
		int16(out, (value >>> 16) & 0xFFFF);
	}

}
