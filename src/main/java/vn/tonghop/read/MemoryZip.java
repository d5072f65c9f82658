package vn.tonghop.read;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;

/**
 * The entries of a zip held in memory: a return of a few kilobytes, read once for its
 * checksum, is unzipped from the same bytes instead of being opened again as a
 * {@link java.util.zip.ZipFile} (which reads the file again, a system call or two per
 * entry, and takes new buffers for every entry it opens).
 * <p>
 * Only the plain zip Excel and LibreOffice write is taken: one disk, no Zip64, no
 * encryption, entries stored or deflated, names in ASCII, local headers where the
 * directory says. For anything else {@link #open(byte[])} gives null and the caller opens
 * the file as before, so that a damaged or unusual zip is judged by the JDK's zip code
 * and POI exactly as it was. An entry is inflated straight from the file's bytes with an
 * {@link Inflater} the thread keeps; one that does not inflate to the size the directory
 * gives fails with a {@link ZipException}.
 */
final class MemoryZip implements ZipEntries {

	private static final int END_SIGNATURE = 0x06054b50;

	private static final int DIRECTORY_SIGNATURE = 0x02014b50;

	private static final int LOCAL_SIGNATURE = 0x04034b50;

	private static final int END_SIZE = 22;

	private static final int DIRECTORY_ENTRY_SIZE = 46;

	private static final int LOCAL_HEADER_SIZE = 30;

	private static final byte[] PAD = new byte[1];

	/** Inflaters the thread has finished with; each holds zlib's state, made once. */
	private static final ThreadLocal<ArrayDeque<Inflater>> INFLATERS = ThreadLocal.withInitial(ArrayDeque::new);

	private final byte[] bytes;

	private final List<Entry> entries;

	private MemoryZip(byte[] bytes, List<Entry> entries) {
		this.bytes = bytes;
		this.entries = entries;
	}

	/** An entry, with where its compressed data starts in the bytes. */
	static final class Entry extends ZipEntry {

		private final int dataOffset;

		Entry(String name, int dataOffset) {
			super(name);
			this.dataOffset = dataOffset;
		}

	}

	/**
	 * The zip in {@code bytes}, or null when it is not the plain kind read here (the
	 * caller then opens the file with the JDK's zip code).
	 */
	static MemoryZip open(byte[] bytes) {
		int end = findEnd(bytes);
		if (end < 0) {
			return null;
		}
		int disk = u16(bytes, end + 4);
		int directoryDisk = u16(bytes, end + 6);
		int onDisk = u16(bytes, end + 8);
		int count = u16(bytes, end + 10);
		long directorySize = u32(bytes, end + 12);
		long directoryOffset = u32(bytes, end + 16);
		if (disk != 0 || directoryDisk != 0 || onDisk != count || count == 0xFFFF || directorySize == 0xFFFFFFFFL
				|| directoryOffset == 0xFFFFFFFFL || directoryOffset + directorySize != end) {
			return null;
		}
		List<Entry> entries = new ArrayList<>(count);
		int at = (int) directoryOffset;
		for (int i = 0; i < count; i++) {
			Entry entry = entry(bytes, at, (int) directoryOffset);
			if (entry == null) {
				return null;
			}
			entries.add(entry);
			at += DIRECTORY_ENTRY_SIZE + u16(bytes, at + 28) + u16(bytes, at + 30) + u16(bytes, at + 32);
		}
		return (at == end) ? new MemoryZip(bytes, Collections.unmodifiableList(entries)) : null;
	}

	/** The end of central directory record, with nothing after it but its comment. */
	private static int findEnd(byte[] bytes) {
		for (int at = bytes.length - END_SIZE; at >= 0 && at >= bytes.length - END_SIZE - 0xFFFF; at--) {
			if (s32(bytes, at) == END_SIGNATURE) {
				return (at + END_SIZE + u16(bytes, at + 20) == bytes.length) ? at : -1;
			}
		}
		return -1;
	}

	/** The directory entry at {@code at}, checked against its local header; or null. */
	private static Entry entry(byte[] bytes, int at, int directoryOffset) {
		if (at + DIRECTORY_ENTRY_SIZE > bytes.length || s32(bytes, at) != DIRECTORY_SIGNATURE) {
			return null;
		}
		int flags = u16(bytes, at + 8);
		int method = u16(bytes, at + 10);
		long crc = u32(bytes, at + 16);
		long compressed = u32(bytes, at + 20);
		long size = u32(bytes, at + 24);
		int nameLength = u16(bytes, at + 28);
		int extraLength = u16(bytes, at + 30);
		int commentLength = u16(bytes, at + 32);
		int startDisk = u16(bytes, at + 34);
		long localOffset = u32(bytes, at + 42);
		if ((flags & 1) != 0 || (method != ZipEntry.STORED && method != ZipEntry.DEFLATED) || startDisk != 0
				|| compressed == 0xFFFFFFFFL || size == 0xFFFFFFFFL || localOffset == 0xFFFFFFFFL
				|| method == ZipEntry.STORED && compressed != size || nameLength == 0
				|| at + DIRECTORY_ENTRY_SIZE + (long) nameLength + extraLength + commentLength > bytes.length) {
			return null;
		}
		for (int i = 0; i < nameLength; i++) {
			int b = bytes[at + DIRECTORY_ENTRY_SIZE + i];
			if (b < 0x20 || b == 0x7F) {
				return null;
			}
		}
		String name = new String(bytes, at + DIRECTORY_ENTRY_SIZE, nameLength, StandardCharsets.ISO_8859_1);
		// the local header: the same name, then the data, all before the directory
		if (localOffset + LOCAL_HEADER_SIZE > directoryOffset || s32(bytes, (int) localOffset) != LOCAL_SIGNATURE) {
			return null;
		}
		int local = (int) localOffset;
		int localNameLength = u16(bytes, local + 26);
		long dataOffset = localOffset + LOCAL_HEADER_SIZE + localNameLength + u16(bytes, local + 28);
		if (localNameLength != nameLength || dataOffset + compressed > directoryOffset
				|| !sameBytes(bytes, local + LOCAL_HEADER_SIZE, at + DIRECTORY_ENTRY_SIZE, nameLength)) {
			return null;
		}
		Entry entry = new Entry(name, (int) dataOffset);
		entry.setMethod(method);
		entry.setCrc(crc);
		entry.setCompressedSize(compressed);
		entry.setSize(size);
		return entry;
	}

	private static boolean sameBytes(byte[] bytes, int a, int b, int length) {
		for (int i = 0; i < length; i++) {
			if (bytes[a + i] != bytes[b + i]) {
				return false;
			}
		}
		return true;
	}

	@Override
	public List<Entry> entries() {
		return this.entries;
	}

	@Override
	public InputStream open(ZipEntry zipEntry) throws IOException {
		Entry entry = own(zipEntry);
		int length = (int) entry.getCompressedSize();
		if (entry.getMethod() == ZipEntry.STORED) {
			return new ByteArrayInputStream(this.bytes, entry.dataOffset, length);
		}
		return new Inflating(this.bytes, entry.dataOffset, length, entry);
	}

	@Override
	public Stored stored(ZipEntry zipEntry) {
		Entry entry = own(zipEntry);
		return new Stored(this.bytes, entry.dataOffset, (int) entry.getCompressedSize());
	}

	private Entry own(ZipEntry zipEntry) {
		if (!(zipEntry instanceof Entry entry) || !this.entries.contains(entry)) {
			throw new IllegalArgumentException("not an entry of this zip: " + zipEntry.getName());
		}
		return entry;
	}

	@Override
	public void close() {
		// nothing to release: the inflaters go back to the thread as each stream closes
	}

	/** An entry being inflated from the bytes, to exactly its size. */
	private static final class Inflating extends InputStream {

		private final ZipEntry entry;

		private final long size;

		private Inflater inflater;

		private long produced;

		/**
		 * Whether zlib was given the extra byte {@link Inflater} asks for after raw
		 * deflate data ("nowrap"), as the JDK's zip streams give it.
		 */
		private boolean padded;

		Inflating(byte[] bytes, int offset, int length, ZipEntry entry) {
			this.entry = entry;
			this.size = entry.getSize();
			ArrayDeque<Inflater> spare = INFLATERS.get();
			this.inflater = spare.isEmpty() ? new Inflater(true) : spare.pop();
			this.inflater.setInput(bytes, offset, length);
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xFF);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			Objects.checkFromIndexSize(offset, length, buffer.length);
			if (this.inflater == null) {
				throw new IOException("Stream closed");
			}
			if (length == 0) {
				return 0;
			}
			int n;
			try {
				n = this.inflater.inflate(buffer, offset, length);
				while (n == 0 && !this.inflater.finished()) {
					if (this.inflater.needsDictionary() || this.inflater.needsInput() && this.padded) {
						throw new EOFException("Unexpected end of ZLIB input stream");
					}
					if (this.inflater.needsInput()) {
						this.inflater.setInput(PAD);
						this.padded = true;
					}
					n = this.inflater.inflate(buffer, offset, length);
				}
			}
			catch (DataFormatException ex) {
				String message = ex.getMessage();
				throw new ZipException((message != null) ? message : "Invalid ZLIB data format");
			}
			this.produced += n;
			if (this.produced > this.size || n == 0 && this.produced != this.size) {
				throw new ZipException("invalid entry size (expected " + this.size + " but got "
						+ ((n == 0) ? this.produced : "more than " + this.size) + " bytes): " + this.entry.getName());
			}
			return (n == 0) ? -1 : n;
		}

		@Override
		public int available() {
			return (this.inflater == null) ? 0 : (int) Math.min(Integer.MAX_VALUE, this.size - this.produced);
		}

		@Override
		public void close() {
			if (this.inflater != null) {
				this.inflater.reset();
				INFLATERS.get().push(this.inflater);
				this.inflater = null;
			}
		}

	}

	private static int u16(byte[] bytes, int at) {
		return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
	}

	private static long u32(byte[] bytes, int at) {
		return s32(bytes, at) & 0xFFFFFFFFL;
	}

	private static int s32(byte[] bytes, int at) {
		return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16
				| (bytes[at + 3] & 0xFF) << 24;
	}

}
