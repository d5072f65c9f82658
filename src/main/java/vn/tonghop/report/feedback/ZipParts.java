package vn.tonghop.report.feedback;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;

/**
 * The entries of a zip file held in memory, and a copy of it with some entries replaced
 * or added. The entries that do not change are copied compressed as they are, byte for
 * byte, so a copy costs little more than the parts it changes. Only plain zips are
 * handled: no Zip64, no encryption, stored or deflated entries; anything else is
 * {@link ZipCopy.Unsupported} and the copy is left to POI.
 */
final class ZipParts {

	private static final int LOCAL = 0x04034b50;

	private static final int CENTRAL = 0x02014b50;

	private static final int END = 0x06054b50;

	/** An entry: where its compressed data sits in the file, and how to read it. */
	record Entry(String name, int method, long crc, int compressedSize, int size, int dataOffset, int time, int date) {
	}

	private final byte[] zip;

	private final List<Entry> entries = new ArrayList<>();

	private final Map<String, Entry> byName = new HashMap<>();

	ZipParts(byte[] zip) throws ZipCopy.Unsupported {
		this.zip = zip;
		int end = -1;
		for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
			if (int32(i) == END) {
				end = i;
				break;
			}
		}
		if (end < 0) {
			throw new ZipCopy.Unsupported("no end of central directory");
		}
		int count = int16(end + 10);
		long offset = uint32(end + 16);
		if (count == 0xFFFF || offset >= zip.length || int16(end + 4) != 0 || int16(end + 6) != 0) {
			throw new ZipCopy.Unsupported("zip64 or split zip");
		}
		int at = (int) offset;
		for (int n = 0; n < count; n++) {
			if (at + 46 > zip.length || int32(at) != CENTRAL) {
				throw new ZipCopy.Unsupported("central directory");
			}
			int flags = int16(at + 8);
			int method = int16(at + 10);
			long compressed = uint32(at + 20);
			long size = uint32(at + 24);
			int nameLength = int16(at + 28);
			int extraLength = int16(at + 30);
			int commentLength = int16(at + 32);
			long local = uint32(at + 42);
			if ((flags & 1) != 0 || (method != 0 && method != 8) || compressed >= Integer.MAX_VALUE
					|| size >= Integer.MAX_VALUE || local + 30 > zip.length || int32((int) local) != LOCAL) {
				throw new ZipCopy.Unsupported("entry");
			}
			String name = new String(zip, at + 46, nameLength,
					((flags & 0x800) != 0) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
			int data = (int) local + 30 + int16((int) local + 26) + int16((int) local + 28);
			if (data + compressed > zip.length) {
				throw new ZipCopy.Unsupported("entry size");
			}
			Entry entry = new Entry(name, method, uint32(at + 16), (int) compressed, (int) size, data, int16(at + 12),
					int16(at + 14));
			if (this.byName.put(name, entry) != null) {
				throw new ZipCopy.Unsupported("duplicate entry " + name);
			}
			this.entries.add(entry);
			at += 46 + nameLength + extraLength + commentLength;
		}
	}

	/** The zip's bytes, as read: not to be changed. */
	byte[] bytes() {
		return this.zip;
	}

	boolean contains(String name) {
		return this.byName.containsKey(name);
	}

	Entry entry(String name) {
		return this.byName.get(name);
	}

	/** The uncompressed content of the entry. */
	byte[] content(Entry entry) throws ZipCopy.Unsupported {
		if (entry.method() == 0) {
			byte[] bytes = new byte[entry.compressedSize()];
			System.arraycopy(this.zip, entry.dataOffset(), bytes, 0, bytes.length);
			return bytes;
		}
		try {
			byte[] bytes = new byte[entry.size()];
			int n = ZipCodec.current().inflate(this.zip, entry.dataOffset(), entry.compressedSize(), bytes);
			if (n != bytes.length) {
				throw new ZipCopy.Unsupported("entry " + entry.name() + " shorter than said");
			}
			return bytes;
		}
		catch (DataFormatException ex) {
			throw new ZipCopy.Unsupported("entry " + entry.name() + " damaged");
		}
	}

	/**
	 * The zip with the entries of {@code replaced} changed and those of {@code added}
	 * appended; every other entry copied compressed as it is. A changed or added part is
	 * stored when small, else deflated ({@link ZipCodec#compress}). The parts named in
	 * {@code repeating} are those likely to be the same in other copies (the styles, the
	 * workbook's list of sheets): deflated, their deflated bytes taken from an earlier
	 * copy's when the same.
	 */
	byte[] copy(Map<String, byte[]> replaced, Map<String, byte[]> added, Set<String> repeating) {
		ZipCodec codec = ZipCodec.current();
		ByteArrayOutputStream out = new ByteArrayOutputStream(this.zip.length + 32768);
		ByteArrayOutputStream central = new ByteArrayOutputStream(4096);
		int count = 0;
		Entry stamp = this.entries.isEmpty() ? null : this.entries.get(0);
		for (Entry entry : this.entries) {
			byte[] content = replaced.get(entry.name());
			if (content != null) {
				write(out, central, entry.name(), codec.compress(content, repeating.contains(entry.name())),
						entry.time(), entry.date());
			}
			else {
				int offset = out.size();
				header(out, LOCAL, entry.name(), entry.method(), entry.crc(), entry.compressedSize(), entry.size(),
						entry.time(), entry.date(), -1);
				out.write(this.zip, entry.dataOffset(), entry.compressedSize());
				header(central, CENTRAL, entry.name(), entry.method(), entry.crc(), entry.compressedSize(),
						entry.size(), entry.time(), entry.date(), offset);
			}
			count++;
		}
		for (Map.Entry<String, byte[]> part : added.entrySet()) {
			write(out, central, part.getKey(), codec.compress(part.getValue(), repeating.contains(part.getKey())),
					(stamp != null) ? stamp.time() : 0, (stamp != null) ? stamp.date() : (1 << 5) | 1);
			count++;
		}
		int centralOffset = out.size();
		out.writeBytes(central.toByteArray());
		int32(out, END);
		int16(out, 0);
		int16(out, 0);
		int16(out, count);
		int16(out, count);
		int32(out, central.size());
		int32(out, centralOffset);
		int16(out, 0);
		return out.toByteArray();
	}

	private static void write(ByteArrayOutputStream out, ByteArrayOutputStream central, String name,
			ZipCodec.Packed part, int time, int date) {
		int offset = out.size();
		header(out, LOCAL, name, part.method(), part.crc(), part.compressed().length, part.content().length, time, date,
				-1);
		out.writeBytes(part.compressed());
		header(central, CENTRAL, name, part.method(), part.crc(), part.compressed().length, part.content().length, time,
				date, offset);
	}

	/**
	 * A local header ({@code offset} -1) or a central directory record, put together
	 * before it is written: byte by byte into the stream (whose writes are synchronized)
	 * it was a twentieth of a copy's CPU.
	 */
	private static void header(ByteArrayOutputStream out, int signature, String name, int method, long crc,
			int compressedSize, int size, int time, int date, int offset) {
		byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
		boolean ascii = nameBytes.length == name.length();
		boolean central = signature == CENTRAL;
		ByteBuffer header = ByteBuffer.allocate((central ? 46 : 30) + nameBytes.length).order(ByteOrder.LITTLE_ENDIAN);
		header.putInt(signature);
		if (central) {
			header.putShort((short) 20);
		}
		header.putShort((short) 20)
			.putShort((short) (ascii ? 0 : 0x800))
			.putShort((short) method)
			.putShort((short) time)
			.putShort((short) date)
			.putInt((int) crc)
			.putInt(compressedSize)
			.putInt(size)
			.putShort((short) nameBytes.length)
			.putShort((short) 0);
		if (central) {
			header.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset);
		}
		header.put(nameBytes);
		out.write(header.array(), 0, header.position());
	}

	private int int16(int at) {
		return (this.zip[at] & 0xFF) | (this.zip[at + 1] & 0xFF) << 8;
	}

	private int int32(int at) {
		return int16(at) | int16(at + 2) << 16;
	}

	private long uint32(int at) {
		return int32(at) & 0xFFFFFFFFL;
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
