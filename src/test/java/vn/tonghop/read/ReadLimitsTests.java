package vn.tonghop.read;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReadLimitsTests {

	/**
	 * Regression (issue 23, item 10): a return of 7 KB over a limit of 6,500 bytes was
	 * "Tệp lớn 0,0 MB, quá giới hạn 0,0 MB".
	 */
	@Test
	void aSizeUnderATenthOfAMegabyteIsSaidInBytes() {
		ReadLimits limits = new ReadLimits(6500, 1 << 20, 1 << 20, 1000, Duration.ofSeconds(1));
		String reason = catchThrowableOfType(UnreadableFileException.class, () -> limits.checkFileSize(7168)).reason();
		assertThat(reason).startsWith("Tệp lớn 7.168 byte, quá giới hạn 6.500 byte");
	}

	@Test
	void largerSizesAreSaidInMegabytes() {
		assertThat(ReadLimits.megabytes(20L * 1024 * 1024)).isEqualTo("20,0 MB");
		assertThat(ReadLimits.megabytes(150 * 1024)).isEqualTo("0,1 MB");
	}

}
