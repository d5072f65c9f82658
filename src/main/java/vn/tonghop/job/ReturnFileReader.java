package vn.tonghop.job;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.CRC32;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import vn.tonghop.intake.InputFile;
import vn.tonghop.intake.InputFiles;

/**
 * The files of one partition of the input folder, one item each, in a stable order (by
 * relative path). A file belongs to the partition its size decides (with its bytes for a
 * size of whole 512-byte blocks, see {@link #partition}): files with the same bytes
 * always fall in the same partition, which stores them one after the other, so a
 * duplicate is always recognised as one. Restartable: a restarted ingest leaves out the
 * files an earlier execution of the same run already stored (by their path in the intake
 * log, not by position, so files that arrived in the inbox in between are not skipped)
 * and goes on with the rest.
 */
class ReturnFileReader extends AbstractItemCountingItemStreamItemReader<InputFile> {

	private final Path input;

	private final int partition;

	private final int partitions;

	private final Supplier<Set<String>> alreadyStored;

	private final String name;

	private InputFiles.Walk files;

	/** On a restart: the files stored before, left out. */
	private Set<String> stored = Set.of();

	/**
	 * @param input the folder or file
	 * @param partition this reader's partition, from 0
	 * @param partitions the number of partitions
	 * @param alreadyStored the relative paths of the files earlier executions of this run
	 * stored
	 * @param name the name the file {@code input} is known by in the reports instead of
	 * its own (a union's upload, kept by its checksum), or null
	 */
	ReturnFileReader(Path input, int partition, int partitions, Supplier<Set<String>> alreadyStored, String name) {
		this.input = input;
		this.partition = partition;
		this.partitions = partitions;
		this.alreadyStored = alreadyStored;
		this.name = name;
		setName("returnFileReader");
	}

	/**
	 * The partition of a file among {@code partitions}, by its size: that its folder's
	 * listing gave ({@code listed}; -1 when it did not, as for a link: the size is then
	 * that of the file the link leads to, as for the file itself, so that the two fall in
	 * the same partition). A size that is a whole number of 512-byte blocks, as every
	 * {@code .xls} is, is not enough: the returns saved from one form in Excel 97-2003
	 * come in a few such sizes (a realistic inbox of 10,000 had 622 of its 957
	 * {@code .xls} at 12,800 bytes, all in one partition, which then ended 0.3–0.6 s
	 * after the other). Such a file of up to {@link #READ_FOR_PARTITION} bytes is told
	 * apart by the CRC-32 of its bytes as well. Each partition's reader reads those files
	 * once more for this, from the page cache: 12–24 µs a file of 12,800 bytes, 20 ms for
	 * the 957 of that inbox, against the 0.3–0.6 s the partitions ended apart.
	 */
	static int partition(InputFile file, long listed, int partitions) {
		long size = listed;
		if (size < 0) {
			try {
				size = Files.size(file.path());
			}
			catch (IOException ex) {
				// cannot be read anyway: any partition will report it
				size = file.relative().hashCode();
			}
		}
		long key = size;
		if (size > 0 && size % 512 == 0 && size <= READ_FOR_PARTITION) {
			key = size ^ (crc(file.path()) << 32);
		}
		return Math.floorMod(Long.hashCode(key * 0x9E3779B97F4A7C15L), partitions);
	}

	/** The largest block-sized file whose bytes decide its partition with its size. */
	static final long READ_FOR_PARTITION = 1 << 20;

	/**
	 * The CRC-32 of the file's bytes; 0 when it cannot be read (any partition reports
	 * it).
	 */
	private static long crc(Path path) {
		CRC32 crc = new CRC32();
		ByteBuffer buffer = ByteBuffer.allocate(16384);
		try (FileChannel channel = FileChannel.open(path)) {
			while (channel.read(buffer.clear()) > 0) {
				crc.update(buffer.flip());
			}
		}
		catch (IOException ex) {
			return 0;
		}
		return crc.getValue();
	}

	/**
	 * Also on a restart, of a failed partition or of a completed one (which starts anew
	 * from its first file): the files stored before are left out by path.
	 */
	@Override
	protected void doOpen() {
		this.stored = this.alreadyStored.get();
		this.files = InputFiles.walk(this.input);
	}

	/** Nothing to skip by position: {@link #doOpen()} left out what was stored. */
	@Override
	protected void jumpToItem(int itemIndex) {
	}

	@Override
	protected InputFile doRead() {
		if (this.files == null) {
			return null;
		}
		for (InputFile found = this.files.next(); found != null; found = this.files.next()) {
			InputFile file = (this.name != null) ? new InputFile(found.path(), this.name) : found;
			if ((this.partitions <= 1 || partition(file, this.files.size(), this.partitions) == this.partition)
					&& !this.stored.contains(file.relative())) {
				return file;
			}
		}
		return null;
	}

	@Override
	protected void doClose() {
		if (this.files != null) {
			this.files.close();
			this.files = null;
		}
		this.stored = Set.of();
	}

}
