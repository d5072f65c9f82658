package vn.tonghop.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.TimeZone;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The late rule: a return is late when received at or after 00:00 of the day after the
 * deadline, Vietnam time, whatever the zone of the machine.
 */
class DeadlinesTests {

	static final LocalDate DEADLINE = LocalDate.of(2026, 3, 31);

	static Instant vietnam(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
	}

	@Test
	void theDeadlineEndsAtMidnightVietnamTime() {
		assertThat(Deadlines.end(DEADLINE)).isEqualTo(Instant.parse("2026-03-31T17:00:00Z"));
		assertThat(Deadlines.late(DEADLINE, vietnam("2026-03-31T23:59:59.999"))).isFalse();
		assertThat(Deadlines.late(DEADLINE, vietnam("2026-04-01T00:00:00"))).isTrue();
		assertThat(Deadlines.late(DEADLINE, vietnam("2026-03-31T00:00:00"))).isFalse();
		assertThat(Deadlines.late(DEADLINE, vietnam("2026-01-02T08:00:00"))).isFalse();
	}

	@Test
	void theDayIsVietnamsNotTheSendersNorTheMachines() {
		// 20:00 on the deadline day in New York is 08:00 the next morning in Hà Nội: late
		Instant newYorkEvening = ZonedDateTime.parse("2026-03-31T20:00:00-04:00[America/New_York]").toInstant();
		assertThat(Deadlines.late(DEADLINE, newYorkEvening)).isTrue();
		// 16:59:59 UTC on the deadline day is 23:59:59 in Hà Nội: on time; 17:00 UTC late
		assertThat(Deadlines.late(DEADLINE, Instant.parse("2026-03-31T16:59:59Z"))).isFalse();
		assertThat(Deadlines.late(DEADLINE, Instant.parse("2026-03-31T17:00:00Z"))).isTrue();
		Deadlines.Deadline deadline = new Deadlines.Deadline(2026, "75", DEADLINE, "a", LocalDateTime.now());
		assertThat(deadline.end()).isEqualTo(Deadlines.end(DEADLINE));
		assertThat(deadline.late(Instant.parse("2026-03-31T17:00:00Z"))).isTrue();
	}

	/**
	 * The store keeps a file's time as {@code Timestamp.from(instant)}, the wall time of
	 * the machine's zone; read back with {@code toInstant()} it is the same instant, so
	 * the rule gives the same answer in every zone the JVM may run in.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "UTC", "Asia/Ho_Chi_Minh", "America/New_York", "Pacific/Kiritimati" })
	void aStoredTimeIsJudgedTheSameInEveryZoneOfTheMachine(String zone) {
		TimeZone before = TimeZone.getDefault();
		try {
			TimeZone.setDefault(TimeZone.getTimeZone(zone));
			Timestamp lastMinute = Timestamp.from(vietnam("2026-03-31T23:59:00"));
			Timestamp midnight = Timestamp.from(vietnam("2026-04-01T00:00:00"));
			assertThat(Deadlines.late(DEADLINE, lastMinute.toInstant())).isFalse();
			assertThat(Deadlines.late(DEADLINE, midnight.toInstant())).isTrue();
		}
		finally {
			TimeZone.setDefault(before);
		}
	}

}
