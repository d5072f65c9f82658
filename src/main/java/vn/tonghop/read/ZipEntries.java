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
