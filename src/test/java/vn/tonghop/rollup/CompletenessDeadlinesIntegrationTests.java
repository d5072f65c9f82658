package vn.tonghop.rollup;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.tonghop.TestDatabase;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.SectorResolver;
import vn.tonghop.store.Deadlines;
import vn.tonghop.store.ProvinceScope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unions on time and late (README, "What the counts mean"), counted by
 * {@link Completeness} from the returns as the store keeps them: by a union's first
 * accepted return, superseded or not, against its province's deadline, midnight Vietnam
 * time. Passes whatever the JVM's zone ({@code -Duser.timezone=UTC} or
 * {@code Asia/Ho_Chi_Minh}): the times are stored as the store stores them.
 */
class CompletenessDeadlinesIntegrationTests {

	static final int YEAR = 2026;

	/** Đồng Nai's deadline; Hồ Chí Minh's is 15/04; Hà Nội has none. */
	static final LocalDate DONG_NAI = LocalDate.of(2026, 3, 31);

	JdbcTemplate jdbc;

	Completeness completeness;

	long nextReturn;

	@BeforeEach
	void database() {
		DriverManagerDataSource dataSource = TestDatabase.fresh("deadlines-" + System.nanoTime());
		TestDatabase.flyway(dataSource).load().migrate();
		this.jdbc = new JdbcTemplate(dataSource);
		this.completeness = new Completeness(this.jdbc, ProvinceResolver.load(), SectorResolver.load());
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update(
				"INSERT INTO submission (id, report_year, sha256, source_file, bytes, last_modified, status,"
						+ " ingested_at) VALUES (1, ?, ?, 'a.xlsx', 1, ?, 'ACCEPTED', ?)",
				YEAR, "0".repeat(64), now, now);
		// Đồng Nai (75)
		accepted("A", "75", "2026-03-31T23:59:59"); // the last second: on time
		accepted("B", "75", "2026-04-01T00:00:00"); // midnight: late
		// first accepted late, sent again: late, counted once
		long c = accepted("C", "75", "2026-04-02T09:00:00");
		supersede(c, accepted("C", "75", "2026-04-10T09:00:00"));
		// on time, then corrected after the deadline: on time
		long d = accepted("D", "75", "2026-03-20T09:00:00");
		supersede(d, accepted("D", "75", "2026-04-05T09:00:00"));
		rejected("E", "75", "2026-03-01T09:00:00"); // only rejected: neither
		// rejected on time, accepted after: late
		rejected("F", "75", "2026-03-01T09:00:00");
		accepted("F", "75", "2026-04-03T09:00:00");
		// Hà Nội (01): no deadline
		accepted("G", "01", "2026-05-20T09:00:00");
		// Hồ Chí Minh (79)
		accepted("H", "79", "2026-04-15T12:00:00");
		// no union code: no union's
		rejected("", "79", "2026-05-01T09:00:00");
	}

	@Test
	void withoutADeadlineThereAreNoOnTimeOrLateFigures() {
		Completeness.Report report = this.completeness.report(YEAR);
		assertThat(report.deadlinesSet()).isFalse();
		assertThat(report.byProvince()).allSatisfy((line) -> {
			assertThat(line.deadline()).isNull();
			assertThat(line.onTime()).isNull();
			assertThat(line.late()).isNull();
		});
		assertThat(report.total().onTime()).isNull();
		assertThat(report.total().late()).isNull();
		assertThat(report.bySector()).allSatisfy((line) -> assertThat(line.onTime()).isNull());
	}

	@Test
	void eachUnionIsOnTimeOrLateByItsFirstAcceptedReturn() {
		Deadlines deadlines = new Deadlines(this.jdbc);
		deadlines.set(YEAR, "75", DONG_NAI, "phantich.dongnai");
		deadlines.set(YEAR, "79", LocalDate.of(2026, 4, 15), "quantri");

		Completeness.Report report = this.completeness.report(YEAR);

		assertThat(report.deadlinesSet()).isTrue();
		Completeness.Line dongNai = line(report, "75");
		assertThat(dongNai.deadline()).isEqualTo(DONG_NAI);
		assertThat(dongNai.received()).isEqualTo(6);
		assertThat(dongNai.accepted()).isEqualTo(5);
		assertThat(dongNai.rejected()).isEqualTo(1);
		// A and D on time; B (midnight), C (late, then again), F (rejected first) late
		assertThat(dongNai.onTime()).isEqualTo(2);
		assertThat(dongNai.late()).isEqualTo(3);
		Completeness.Line haNoi = line(report, "01");
		assertThat(haNoi.accepted()).isEqualTo(1);
		assertThat(haNoi.deadline()).isNull();
		assertThat(haNoi.onTime()).as("no deadline: nothing, not 0").isNull();
		assertThat(haNoi.late()).isNull();
		Completeness.Line hcm = line(report, "79");
		assertThat(hcm.onTime()).isEqualTo(1);
		assertThat(hcm.late()).isZero();
		assertThat(line(report, "04").onTime()).as("a deadline of another province: none here").isNull();
		// the total counts the provinces with a deadline only: not Hà Nội's union
		assertThat(report.total().accepted()).isEqualTo(7);
		assertThat(report.total().onTime()).isEqualTo(3);
		assertThat(report.total().late()).isEqualTo(3);
		assertThat(report.bySector().stream().mapToLong(Completeness.Line::onTime).sum()).isEqualTo(3);
		assertThat(report.bySector().stream().mapToLong(Completeness.Line::late).sum()).isEqualTo(3);
		assertThat(report.deadlines()).containsOnlyKeys("75", "79");
	}

	@Test
	void movingTheDeadlineMovesTheCounts() {
		Deadlines deadlines = new Deadlines(this.jdbc);
		deadlines.set(YEAR, "75", DONG_NAI, "phantich.dongnai");
		assertThat(deadlines.set(YEAR, "75", LocalDate.of(2026, 4, 2), "quantri")).isEqualTo(DONG_NAI);
		assertThat(deadlines.of(YEAR).get("75").setBy()).isEqualTo("quantri");
		Completeness.Line dongNai = line(this.completeness.report(YEAR), "75");
		// B (01/04 00:00) and C (02/04 09:00) now on time, F (03/04) late
		assertThat(dongNai.onTime()).isEqualTo(4);
		assertThat(dongNai.late()).isEqualTo(1);
	}

	@Test
	void aScopeWithoutADeadlineHasNoFiguresAndOneWithItsOwnOnly() {
		new Deadlines(this.jdbc).set(YEAR, "75", DONG_NAI, "phantich.dongnai");
		Completeness.Report haNoi = this.completeness.report(YEAR, ProvinceScope.of(List.of("01")));
		assertThat(haNoi.deadlinesSet()).isFalse();
		assertThat(haNoi.total().onTime()).isNull();
		Completeness.Report dongNai = this.completeness.report(YEAR, ProvinceScope.of(List.of("75")));
		assertThat(dongNai.total().onTime()).isEqualTo(2);
		assertThat(dongNai.total().late()).isEqualTo(3);
	}

	/**
	 * With a registry, a union is counted where the registry places it, and so is its
	 * timeliness: G's return says Hà Nội, the registry Đồng Nai.
	 */
	@Test
	void withARegistryAUnionIsTimedByTheProvinceTheRegistryGivesIt() {
		new Deadlines(this.jdbc).set(YEAR, "75", DONG_NAI, "phantich.dongnai");
		this.jdbc.update("INSERT INTO registry_load (id, report_year, source_file, sha256, entries, loaded_at)"
				+ " VALUES (1, ?, 'r.xlsx', ?, 9, ?)", YEAR, "1".repeat(64), Timestamp.from(Instant.now()));
		List<Object[]> entries = new ArrayList<>();
		int row = 0;
		for (String union : List.of("A", "B", "C", "D", "E", "F", "G", "M")) {
			entries.add(new Object[] { union, "75", ++row });
		}
		entries.add(new Object[] { "H", "79", ++row });
		this.jdbc.batchUpdate("INSERT INTO registry_entry (load_id, union_code, province_code, sector_code,"
				+ " source_row) VALUES (1, ?, ?, 'HCSN', ?)", entries);

		Completeness.Report report = this.completeness.report(YEAR);

		Completeness.Line dongNai = line(report, "75");
		assertThat(dongNai.expected()).isEqualTo(8);
		assertThat(dongNai.missing()).isEqualTo(1);
		assertThat(dongNai.accepted()).isEqualTo(6);
		assertThat(dongNai.onTime()).isEqualTo(2);
		assertThat(dongNai.late()).as("B, C, F, and G counted in Đồng Nai").isEqualTo(4);
		assertThat(line(report, "01").accepted()).isZero();
		assertThat(line(report, "79").onTime()).as("79 has no deadline here").isNull();
		assertThat(report.total().onTime()).isEqualTo(2);
		assertThat(report.total().late()).isEqualTo(4);
	}

	private static Completeness.Line line(Completeness.Report report, String code) {
		return report.byProvince().stream().filter((line) -> line.code().equals(code)).findFirst().orElseThrow();
	}

	private long accepted(String union, String province, String vietnamTime) {
		return insert(union, province, vietnamTime, true);
	}

	private long rejected(String union, String province, String vietnamTime) {
		return insert(union, province, vietnamTime, false);
	}

	/**
	 * A return as the store keeps it: its file's time {@code Timestamp.from(instant)}.
	 */
	private long insert(String union, String province, String vietnamTime, boolean accepted) {
		Instant received = LocalDateTime.parse(vietnamTime).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
		long id = ++this.nextReturn;
		this.jdbc.update(
				"INSERT INTO return_record (id, submission_id, report_year, sheet, union_code, province_code,"
						+ " sector_code, accepted, last_modified) VALUES (?, 1, ?, 'S', ?, ?, 'HCSN', ?, ?)",
				id, YEAR, union, province, accepted, Timestamp.from(received));
		return id;
	}

	private void supersede(long earlier, long later) {
		this.jdbc.update("UPDATE return_record SET superseded_by = ? WHERE id = ?", later, earlier);
	}

}
