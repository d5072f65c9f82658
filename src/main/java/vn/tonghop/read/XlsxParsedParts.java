package vn.tonghop.read;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.zip.ZipEntry;

/**
 * What was made of the package's parts read so far (content types, relationships, the
 * workbook's list of sheets, the cell formats, a theme's check), by their {@link Key}:
 * the returns saved by one program from one form carry the same parts, and unzipping and
 * parsing them again was some 14% of the ingest threads' time. Only what was read without
 * a reason to leave the file is kept, and only of a zip held in memory (every return of a
 * few kilobytes). Once it holds {@link #MAX_ENTRIES} it starts again, and the parts that
 * come back come back into it. (A {@link XlsxStyles.CellXf} works out whether it is a
 * date once, whichever thread asks first: the answer is the same.)
 */
final class XlsxParsedParts {

	/** The parts kept, by what is made of them. */
	static final int CONTENT_TYPES = 0;

	static final int RELATIONSHIPS = 1;

	static final int WORKBOOK = 2;

	static final int STYLES = 3;

	static final int THEME = 4;

	private static final int MAX_ENTRIES = 128;

	/** Parts stored in more bytes than this are not kept. */
	private static final int MAX_STORED_BYTES = 16 * 1024;

	private final Map<Key, Object> known = new ConcurrentHashMap<>();

	private final AtomicLongArray parsed = new AtomicLongArray(THEME + 1);

	/** The key of an entry of the zip, or null when none is kept for it. */
	static Key key(int kind, ZipEntries zip, ZipEntry entry) {
		ZipEntries.Stored stored = zip.stored(entry);
		return (stored != null && stored.length() <= MAX_STORED_BYTES) ? new Key(kind, entry, stored) : null;
	}

	Object get(Key key) {
		return (key != null) ? this.known.get(key) : null;
	}

	/** A part is parsed: it was not known. */
	void parsing(int kind) {
		this.parsed.incrementAndGet(kind);
	}

	/** How many parts of a kind were parsed (or begun). */
	long parsed(int kind) {
		return this.parsed.get(kind);
	}

	/** What was made of a part, kept when it has a key. */
	void keep(Key key, Object value) {
		if (key != null) {
			if (this.known.size() >= MAX_ENTRIES) {
				this.known.clear();
			}
			this.known.put(key.kept(), value);
		}
	}

	/**
	 * A part of a zip held in memory, known by what the zip holds of it: its name,
	 * method, sizes, CRC and stored (compressed) bytes. Parts with equal keys unzip to
	 * the same contents, which is told without unzipping them.
	 */
	static final class Key {

		private final int kind;

		private final String name;

		private final int method;

		private final long crc;

		private final long size;

		private final byte[] bytes;

		private final int offset;

		private final int length;

		private final int hash;

		Key(int kind, ZipEntry entry, ZipEntries.Stored stored) {
			this(kind, entry.getName(), entry.getMethod(), entry.getCrc(), entry.getSize(), stored.bytes(),
					stored.offset(), stored.length());
		}

		private Key(int kind, String name, int method, long crc, long size, byte[] bytes, int offset, int length) {
			this.kind = kind;
			this.name = name;
			this.method = method;
			this.crc = crc;
			this.size = size;
			this.bytes = bytes;
			this.offset = offset;
			this.length = length;
			// the CRC stands for the contents: the bytes are compared, not hashed
			this.hash = Objects.hash(kind, name, method, crc, size, length);
		}

		/** This key with a copy of its bytes: the file's bytes are not kept. */
		Key kept() {
			return new Key(this.kind, this.name, this.method, this.crc, this.size,
					Arrays.copyOfRange(this.bytes, this.offset, this.offset + this.length), 0, this.length);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && key.hash == this.hash && key.kind == this.kind
					&& key.method == this.method && key.crc == this.crc && key.size == this.size
					&& key.length == this.length && key.name.equals(this.name) && Arrays.equals(key.bytes, key.offset,
							key.offset + key.length, this.bytes, this.offset, this.offset + this.length);
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

	}

}
