package vn.tonghop.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.security.Security;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ChecksumsTests {

	@TempDir
	Path dir;

	@Test
	void hashesTheFileAsSha256() throws IOException {
		Path file = Files.writeString(this.dir.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);
		assertThat(Checksums.sha256(file))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		Path empty = Files.write(this.dir.resolve("empty.xlsx"), new byte[0]);
		assertThat(Checksums.sha256(empty))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	@Test
	void givesTheJdksDigestForFilesOfEverySize() throws IOException {
		Random random = new Random(7);
		for (int size : new int[] { 1, 63, 64, 65, 8 * 1024, 64 * 1024, 64 * 1024 + 1, 300_000 }) {
			byte[] bytes = new byte[size];
			random.nextBytes(bytes);
			Path file = Files.write(this.dir.resolve("f" + size), bytes);
			String jdk = HexFormat.of().formatHex(Checksums.sha256Digest(Security.getProvider("SUN")).digest(bytes));
			assertThat(Checksums.sha256(file)).as("%d bytes", size).isEqualTo(jdk);
			// the digest of each thread is used again: the next file starts afresh
			assertThat(Checksums.sha256(file)).isEqualTo(jdk);
		}
	}

	@Test
	void hashesWithNssWhereTheSystemHasIt() {
		assumeTrue(Checksums.NSS_DIRECTORIES.stream()
			.anyMatch((dir) -> Files.isRegularFile(dir.resolve("libsoftokn3.so"))), "this system has no NSS");
		assertThat(Checksums.provider().getName()).isEqualTo("SunPKCS11-tonghop-nss");
	}

	@Test
	void fallsBackToTheJdkWithoutNss() {
		assertThat(Checksums.nss(List.of(this.dir))).isNull();
		assertThat(Checksums.sha256Digest(null).getProvider().getName()).isEqualTo("SUN");
	}

}
