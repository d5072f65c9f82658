package vn.tonghop.store;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnChecksumTests {

	private static final String VALUES = "A01,1444,478,,,E13,F13;A02,1415,468,,,E14,F14;F03,,,HTTNV,,E42,;F04,,,,1,E43,";

	private static long of(String values) {
		return ReturnChecksum.of(7, 2026, "Báo cáo", "CD220131", "CĐCS Than Bình Minh", "22", "3", "B", true, values);
	}

	@Test
	void isTheSameForTheSameRow() {
		assertThat(of(VALUES)).isEqualTo(of(new String(VALUES))).isBetween(0L, 0xFFFFFFFFL);
	}

	@Test
	void changesWithAnyDigitFlippedOrSwapped() {
		long stored = of(VALUES);
		for (int i = 0; i < VALUES.length(); i++) {
			char c = VALUES.charAt(i);
			if (Character.isDigit(c)) {
				for (char d = '0'; d <= '9'; d++) {
					if (d != c) {
						String flipped = VALUES.substring(0, i) + d + VALUES.substring(i + 1);
						assertThat(of(flipped)).as(flipped).isNotEqualTo(stored);
					}
				}
			}
		}
		assertThat(of(VALUES.replace("1415", "1451"))).isNotEqualTo(stored);
		assertThat(of(VALUES.replace("F04,,,,1", "F04,,,,0"))).isNotEqualTo(stored);
	}

	@Test
	void coversTheFieldsTheOutputsTake() {
		long stored = of(VALUES);
		List<Long> changed = List.of(
				ReturnChecksum.of(8, 2026, "Báo cáo", "CD220131", "CĐCS Than Bình Minh", "22", "3", "B", true, VALUES),
				ReturnChecksum.of(7, 2025, "Báo cáo", "CD220131", "CĐCS Than Bình Minh", "22", "3", "B", true, VALUES),
				ReturnChecksum.of(7, 2026, "Sheet1", "CD220131", "CĐCS Than Bình Minh", "22", "3", "B", true, VALUES),
				ReturnChecksum.of(7, 2026, "Báo cáo", "CD220132", "CĐCS Than Bình Minh", "22", "3", "B", true, VALUES),
				ReturnChecksum.of(7, 2026, "Báo cáo", "CD220131", "CĐCS Than Bình Minh 2", "22", "3", "B", true,
						VALUES),
				ReturnChecksum.of(7, 2026, "Báo cáo", "CD220131", "CĐCS Than Bình Minh", "79", "3", "B", true, VALUES),
				ReturnChecksum.of(7, 2026, "Báo cáo", "CD220131", "CĐCS Than Bình Minh", "22", "4", "B", true, VALUES),
				ReturnChecksum.of(7, 2026, "Báo cáo", "CD220131", "CĐCS Than Bình Minh", "22", "3", null, true, VALUES),
				ReturnChecksum.of(7, 2026, "Báo cáo", "CD220131", "CĐCS Than Bình Minh", "22", "3", "B", false, VALUES),
				ReturnChecksum.of(7, 2026, "Báo cáo", "CD220131", "CĐCS Than Bình Minh", "22", "3", "B", true, ""),
				ReturnChecksum.of(7, 2026, "Báo cáo", "CD220131", "CĐCS Than Bình Minh", "22", "3", "B", true, null));
		assertThat(changed).doesNotContain(stored).doesNotHaveDuplicates();
	}

	@Test
	void takesTextFieldsStrippedAsTheOutputsDo() {
		// a CHAR column comes back padded on one database and not on another
		assertThat(ReturnChecksum.of(7, 2026, "Báo cáo", "CD220131 ", "CĐCS Than Bình Minh", "22", "3 ", "B", true,
				VALUES))
			.isEqualTo(of(VALUES));
		// but which field a text is in counts
		assertThat(ReturnChecksum.of(7, 2026, "a", "b", null, "22", "3", "B", true, VALUES))
			.isNotEqualTo(ReturnChecksum.of(7, 2026, "a", null, "b", "22", "3", "B", true, VALUES));
	}

	@Test
	void theLineForADamagedReturnNamesItAndHowToRecover() {
		String line = CheckedReturns.message("CD220131 ", 2026, "Thư/Than Bình Minh.xlsx", 12, 34,
				"không khớp tổng kiểm tra");
		assertThat(line).doesNotContain("\n")
			.startsWith("Dữ liệu đã lưu của báo cáo CD220131 năm 2026 (tệp Thư/Than Bình Minh.xlsx, lần nộp số 12,"
					+ " báo cáo số 34) bị hỏng (không khớp tổng kiểm tra)")
			.contains("bản sao lưu", "tonghop ingest --repair --input <hộp thư> --year 2026", "--data-dir")
			.doesNotContain("thư mục mới");
	}

	@Test
	void theStackOfADamagedStoreIsKeptOffTheConsoleButAtDebug() {
		DamagedStoreLogFilter filter = new DamagedStoreLogFilter();
		LoggerContext context = new LoggerContext();
		RuntimeException wrapped = new IllegalStateException("step failed", new DamagedStoreException("hỏng"));
		assertThat(filter.decide(null, context.getLogger("x"), Level.ERROR, "m", null, wrapped))
			.isEqualTo(FilterReply.DENY);
		assertThat(filter.decide(null, context.getLogger("x"), Level.DEBUG, "m", null, wrapped))
			.isEqualTo(FilterReply.NEUTRAL);
		assertThat(filter.decide(null, context.getLogger("x"), Level.ERROR, "m", null, new IllegalStateException()))
			.isEqualTo(FilterReply.NEUTRAL);
		assertThat(filter.decide(null, context.getLogger("x"), Level.ERROR, "m", null, null))
			.isEqualTo(FilterReply.NEUTRAL);
	}

}
