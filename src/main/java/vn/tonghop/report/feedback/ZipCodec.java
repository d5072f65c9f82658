package vn.tonghop.report.feedback;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * What a thread writing feedback copies reuses from one copy to the next: zlib's inflater
 * and deflater (each made anew cost an allocation of its tables and a cleaner per part),
 * and the deflated bytes of the parts that come out the same in many copies.
 * <p>
 * A changed part of the copy's own (its marked sheet, its first sheet, the comments)
 * smaller than {@link #STORED_BELOW} is stored, not deflated: zlib's deflater costs about
 * 30 µs a part whatever its size (it clears its 64 KB hash table on each reset, and its
 * 270 KB of state is out of the processor's caches between two copies), which was 0.15 ms
 * of a typical copy's 0.9 ms for four parts of 1 to 10 KB. Larger parts, a long list's
 * sheet, are deflated. The parts that repeat from copy to copy are deflated whatever
 * their size, once, and then taken as kept: storing them too made a typical copy 8 KB
 * larger (30 KB instead of 22 KB) and cost more than comparing them (7 December: 0.20 ms
 * a copy against 0.22–0.24 ms).
 * <p>
 * Returns made from the same form have the same styles, workbook, relationships and
 * content types, and their copies change those the same way (the same fills added to the
 * same input cells' styles): a part whose bytes were deflated a moment ago is not
 * deflated again. A profile of 10,000 returns put zlib's deflating at a third of a copy's
 * CPU, the styles part the largest of the parts that repeat. The cache holds a few parts,
 * each compared byte for byte before its deflated bytes are taken.
 */
final class ZipCodec {

	/** Parts smaller than this are stored as they are. */
	static final int STORED_BELOW = 16 * 1024;

	/** Parts larger than this are deflated each time, never kept. */
	static final int MAX_KEPT_PART = 64 * 1024;

	/** How many deflated parts a thread keeps, the least recently used dropped first. */
	static final int KEPT_PARTS = 16;

	/**
	 * How many bytes each of a thread's two stores keeps at most: the deflated parts
	 * (content and deflated) and the decoded ones (compressed and text). A console's
	 * request threads write copies of uploads too, and each keeps its own; with the last
	 * styles part parsed, a thread keeps at most about 640 KB.
	 */
	static final int KEPT_BYTES = 256 * 1024;

	private static final ThreadLocal<ZipCodec> PER_THREAD = ThreadLocal.withInitial(ZipCodec::new);

	/**
	 * A part's content as it goes into the zip, with its CRC-32 and its zip method: 8,
	 * {@code compressed} deflated; 0, {@code compressed} the content itself (stored).
	 */
	record Packed(byte[] content, long crc, byte[] compressed, int method) {
	}

	private record Key(long crc, int length) {
	}

	/** A part's text and the entry it was decoded from. */
	private record Decoded(ZipParts.Entry entry, byte[] compressed, String text) {
	}

	private final Inflater inflater = new Inflater(true);

	private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);

	private final byte[] buffer = new byte[16384];

	private final CRC32 crc = new CRC32();

	private final Map<Key, Packed> kept = new LinkedHashMap<>(32, 0.75f, true);

	private long keptBytes;

	/**
	 * Decoded parts by part name and charset: at most one per name the callers use, and
	 * {@link #KEPT_BYTES} in all.
	 */
	private final Map<String, Decoded> decoded = new HashMap<>();

	private ZipStyles.Parsed styles;

	/** The last styles part written, and what it was built from. */
	private record StylesOut(String parsed, String fonts, String fills, String borders, String xfs, byte[] bytes) {
	}

	private StylesOut stylesOut;

	private long stylesAgain;

	private long decodedAgain;

	private long decodedBytes;

	private long reused;

	private ZipCodec() {
	}

	/** The codec of the calling thread. */
	static ZipCodec current() {
		return PER_THREAD.get();
	}

	/**
	 * Inflates {@code length} bytes of raw deflate data at {@code offset} into
	 * {@code into}, filling it; answers how many bytes it filled.
	 */
	int inflate(byte[] data, int offset, int length, byte[] into) throws DataFormatException {
		this.inflater.reset();
		this.inflater.setInput(data, offset, length);
		int n = 0;
		while (n < into.length) {
			int read = this.inflater.inflate(into, n, into.length - n);
			if (read == 0
					&& (this.inflater.finished() || this.inflater.needsInput() || this.inflater.needsDictionary())) {
				break;
			}
			n += read;
		}
		return n;
	}

	/**
	 * The content as a zip entry: stored when smaller than {@link #STORED_BELOW} and not
	 * {@code repeats}, else {@link #deflate deflated}.
	 */
	Packed compress(byte[] content, boolean repeats) {
		if (content.length < STORED_BELOW && !repeats) {
			return new Packed(content, crc(content), content, 0);
		}
		return deflate(content, repeats);
	}

	private long crc(byte[] content) {
		this.crc.reset();
		this.crc.update(content);
		return this.crc.getValue();
	}

	/**
	 * The content deflated (raw, zlib's fastest level); when {@code repeats} and the same
	 * bytes were deflated lately on this thread, those deflated bytes again.
	 */
	Packed deflate(byte[] content, boolean repeats) {
		long crc = crc(content);
		boolean keep = repeats && content.length <= MAX_KEPT_PART;
		Key key = keep ? new Key(crc, content.length) : null;
		if (keep) {
			Packed earlier = this.kept.get(key);
			if (earlier != null && Arrays.equals(earlier.content(), content)) {
				this.reused++;
				return earlier;
			}
		}
		this.deflater.reset();
		this.deflater.setInput(content);
		this.deflater.finish();
		ByteArrayOutputStream compressed = new ByteArrayOutputStream(content.length / 3 + 64);
		while (!this.deflater.finished()) {
			int n = this.deflater.deflate(this.buffer);
			compressed.write(this.buffer, 0, n);
		}
		Packed deflated = new Packed(content, crc, compressed.toByteArray(), 8);
		if (keep) {
			Packed replaced = this.kept.put(key, deflated);
			this.keptBytes += size(deflated) - ((replaced != null) ? size(replaced) : 0);
			Iterator<Packed> eldest = this.kept.values().iterator();
			while (this.kept.size() > KEPT_PARTS || this.keptBytes > KEPT_BYTES) {
				this.keptBytes -= size(eldest.next());
				eldest.remove();
			}
		}
		return deflated;
	}

	/**
	 * The text {@code key} was decoded into from an entry with the same compressed bytes,
	 * method, size and CRC-32 as {@code entry}, or null.
	 */
	String decoded(String key, ZipParts.Entry entry, byte[] zip) {
		Decoded kept = this.decoded.get(key);
		if (kept == null || kept.entry().method() != entry.method() || kept.entry().size() != entry.size()
				|| kept.entry().crc() != entry.crc() || !Arrays.equals(kept.compressed(), 0, kept.compressed().length,
						zip, entry.dataOffset(), entry.dataOffset() + entry.compressedSize())) {
			return null;
		}
		this.decodedAgain++;
		return kept.text();
	}

	/**
	 * Keeps the text decoded from an entry, under {@code key}, when the part is small.
	 */
	void keepDecoded(String key, ZipParts.Entry entry, byte[] zip, String text) {
		Decoded replaced = this.decoded.remove(key);
		if (replaced != null) {
			this.decodedBytes -= size(replaced);
		}
		if (entry.compressedSize() > MAX_KEPT_PART || text.length() > MAX_KEPT_PART) {
			return;
		}
		Decoded kept = new Decoded(entry,
				Arrays.copyOfRange(zip, entry.dataOffset(), entry.dataOffset() + entry.compressedSize()), text);
		if (this.decodedBytes + size(kept) > KEPT_BYTES) {
			this.decoded.clear();
			this.decodedBytes = 0;
		}
		this.decoded.put(key, kept);
		this.decodedBytes += size(kept);
	}

	private static long size(Decoded part) {
		return part.compressed().length + part.text().length();
	}

	/** How many bytes of decoded parts (compressed and text) this thread keeps. */
	long decodedBytes() {
		return this.decodedBytes;
	}

	/** How many parts this thread took decoded from an earlier copy's. */
	long decodedAgain() {
		return this.decodedAgain;
	}

	/** The styles part parsed: as the last time when it is the same text. */
	ZipStyles.Parsed styles(String xml) throws ZipCopy.Unsupported {
		ZipStyles.Parsed last = this.styles;
		if (last != null && last.xml().equals(xml)) {
			return last;
		}
		ZipStyles.Parsed parsed = ZipStyles.parse(xml);
		this.styles = (xml.length() <= MAX_KEPT_PART) ? parsed : null;
		return parsed;
	}

	/** Builds a styles part's text. */
	@FunctionalInterface
	interface StylesText {

		String build() throws ZipCopy.Unsupported;

	}

	/**
	 * A styles part as bytes (its text is Latin-1: the part is kept as read): the same
	 * array as the last time when {@code parsed} (as {@link #styles}) and the four lists
	 * added to it are the same, else {@code text} built and kept.
	 */
	byte[] stylesWritten(String parsed, CharSequence fonts, CharSequence fills, CharSequence borders, CharSequence xfs,
			StylesText text) throws ZipCopy.Unsupported {
		StylesOut last = this.stylesOut;
		if (last != null && last.parsed() == parsed && last.fonts().contentEquals(fonts)
				&& last.fills().contentEquals(fills) && last.borders().contentEquals(borders)
				&& last.xfs().contentEquals(xfs)) {
			this.stylesAgain++;
			return last.bytes();
		}
		byte[] bytes = text.build().getBytes(StandardCharsets.ISO_8859_1);
		this.stylesOut = (bytes.length <= MAX_KEPT_PART)
				? new StylesOut(parsed, fonts.toString(), fills.toString(), borders.toString(), xfs.toString(), bytes)
				: null;
		return bytes;
	}

	/** How many copies took the styles part of the copy before them. */
	long stylesAgain() {
		return this.stylesAgain;
	}

	private static long size(Packed part) {
		return part.content().length + part.compressed().length;
	}

	/** How many bytes of parts this thread keeps. */
	long keptBytes() {
		return this.keptBytes;
	}

	/** How many parts this thread took from those it kept instead of deflating them. */
	long reused() {
		return this.reused;
	}

}
