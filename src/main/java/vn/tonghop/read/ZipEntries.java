package vn.tonghop.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A zip's entries and their contents, whether the zip is a file on disk ({@link ZipFile})
 * or a file already read into memory ({@link MemoryZip}).
 */
interface ZipEntries extends Closeable {

	/** The entries, in the order of the zip's central directory. */
	List<? extends ZipEntry> entries();

	/** An entry's contents, unzipped. */
	InputStream open(ZipEntry entry) throws IOException;

	/**
	 * Where an entry's data is, as the zip holds it (compressed), for a zip held in
	 * memory; null for a zip read from disk.
	 */
	default Stored stored(ZipEntry entry) {
		return null;
	}

	/**
	 * An entry's data as the zip holds it: {@code length} bytes of {@code bytes} from
	 * {@code offset}. Two entries with the same method, sizes, CRC and stored bytes unzip
	 * to the same contents.
	 */
	record Stored(byte[] bytes, int offset, int length) {
	}

	/** The entries of a zip file opened from disk; closing them closes it. */
	static ZipEntries of(ZipFile zip) {
		List<? extends ZipEntry> entries = Collections.list(zip.entries());
		return new ZipEntries() {

			@Override
			public List<? extends ZipEntry> entries() {
				return entries;
			}

			@Override
			public InputStream open(ZipEntry entry) throws IOException {
				return zip.getInputStream(entry);
			}

			@Override
			public void close() throws IOException {
				zip.close();
			}

		};
	}

}
