package vn.tonghop.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SHA-256 of a file: the same bytes sent twice are one submission. */
public final class Checksums {

	private static final Logger log = LoggerFactory.getLogger(Checksums.class);

	/** Where systems keep NSS's softoken: Debian and Ubuntu, then Red Hat and others. */
	static final List<Path> NSS_DIRECTORIES = List.of(Path.of("/usr/lib/x86_64-linux-gnu"),
			Path.of("/usr/lib/aarch64-linux-gnu"), Path.of("/usr/lib64"), Path.of("/usr/lib"));

	/**
	 * One read buffer per thread: a new one per file was a tenth of the ingest's garbage.
	 */
	private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[64 * 1024]);

	/**
	 * Who hashes: NSS's softoken through the JDK's PKCS#11 provider where the system has
	 * NSS (most Linux systems), otherwise the JDK's own code. Both give SHA-256; the
	 * JDK's runs on the CPU's SHA instructions only once HotSpot's optimising compiler
	 * has compiled it, which under the launcher's quick compiler never happens: 55 µs for
	 * 8 KB against NSS's 5.6 µs.
	 */
	private static final Provider PROVIDER = nss(NSS_DIRECTORIES);

	/** One digest per thread, of the provider above; {@code digest()} resets it. */
	private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> sha256Digest(PROVIDER));

	private Checksums() {
	}

	public static String sha256(Path file) throws IOException {
		MessageDigest digest = DIGEST.get();
		// a read that failed left the digest half fed
		digest.reset();
		byte[] buffer = BUFFER.get();
		try (InputStream in = Files.newInputStream(file)) {
			int n;
			while ((n = in.read(buffer)) > 0) {
				digest.update(buffer, 0, n);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/** The SHA-256 of bytes already read, in hexadecimal as {@link #sha256(Path)}. */
	public static String sha256(byte[] content) {
		MessageDigest digest = DIGEST.get();
		digest.reset();
		return HexFormat.of().formatHex(digest.digest(content));
	}

	/** The provider that hashes, for the tests. */
	static Provider provider() {
		return DIGEST.get().getProvider();
	}

	/** A SHA-256 digest of {@code provider}, or of the JDK's providers when null. */
	static MessageDigest sha256Digest(Provider provider) {
		try {
			return (provider != null) ? MessageDigest.getInstance("SHA-256", provider)
					: MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The JDK's PKCS#11 provider on NSS's softoken, in the first of {@code directories}
	 * that has it, without a key database; null when none has it or it does not start.
	 */
	static Provider nss(List<Path> directories) {
		Provider pkcs11 = Security.getProvider("SunPKCS11");
		if (pkcs11 == null) {
			return null;
		}
		for (Path directory : directories) {
			if (!Files.isRegularFile(directory.resolve("libsoftokn3.so"))) {
				continue;
			}
			try {
				Provider nss = pkcs11
					.configure("--name=tonghop-nss\nnssLibraryDirectory=" + directory + "\nnssDbMode=noDb\n");
				sha256Digest(nss).digest(new byte[1]);
				log.debug("SHA-256 by NSS in {}", directory);
				return nss;
			}
			catch (RuntimeException ex) {
				log.debug("SHA-256 by the JDK: NSS in {} does not start ({})", directory, ex.toString());
			}
		}
		return null;
	}

}
