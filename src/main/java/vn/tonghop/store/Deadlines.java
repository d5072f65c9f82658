package vn.tonghop.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The day by which each province's unions are to send their return of a year (table
 * {@code report_deadline}), as an ADMIN or the province's ANALYST set it on the console's
 * year page or with {@code tonghop deadline}; completeness reads it to count unions on
 * time and late ({@code Completeness}).
 */
public class Deadlines {

	/**
	 * The federation's time: a deadline ends at midnight here, whatever the zone of the
	 * machine that runs the tool.
	 */
	public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/**
	 * A province's deadline for a year.
	 *
	 * @param date the last day a return is on time
	 * @param setBy who set it (a console user's name, or "(dòng lệnh) …")
	 * @param setAt when, in the machine's time as the audit log writes it
	 */
	public record Deadline(int year, String provinceCode, LocalDate date, String setBy, LocalDateTime setAt) {

		/** The end of the day, Vietnam time: a return received at or after it is late. */
		public Instant end() {
			return Deadlines.end(this.date);
		}

		/** Whether a return received at {@code received} is late. */
		public boolean late(Instant received) {
			return Deadlines.late(this.date, received);
		}

	}

	/** 00:00 of the day after {@code date} in Vietnam: the first late instant. */
	public static Instant end(LocalDate date) {
		return date.plusDays(1).atStartOfDay(VIETNAM).toInstant();
	}

	/**
	 * Whether a return received at {@code received} (an instant: a file's last-modified
	 * time, stored as {@code Timestamp.from(instant)} and read back with
	 * {@code toInstant()}, so that the machine's zone never matters) is after the end of
	 * {@code deadline}, Vietnam time.
	 */
	public static boolean late(LocalDate deadline, Instant received) {
		return !received.isBefore(end(deadline));
	}

	/** Dates as people write them in the federation: 31/01/2027. */
	public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	/**
	 * Whether a deadline for the returns of {@code year} lies in the year before, that
	 * year or the next: a slip in the year would make every return late, or on time.
	 */
	public static boolean plausible(int year, LocalDate date) {
		return date.getYear() >= year - 1 && date.getYear() <= year + 1;
	}

	/**
	 * What the audit log (and the command) says of a deadline set: "hạn nộp báo cáo năm
	 * 2026 của 75 Đồng Nai: 31/01/2027 (trước đây 15/01/2027)".
	 */
	public static String describe(int year, String code, String provinceName, LocalDate date, LocalDate before) {
		return "hạn nộp báo cáo năm " + year + " của " + code + " " + provinceName + ": " + DATE.format(date)
				+ ((before != null && !before.equals(date)) ? " (trước đây " + DATE.format(before) + ")" : "");
	}

	private final JdbcTemplate jdbc;

	public Deadlines(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The year's deadlines by province code, in code order. */
	public Map<String, Deadline> of(int year) {
		Map<String, Deadline> deadlines = new LinkedHashMap<>();
		this.jdbc.query("SELECT province_code, deadline, set_by, set_at FROM report_deadline WHERE report_year = ?"
				+ " ORDER BY province_code", (rs) -> {
					String code = rs.getString(1).strip();
					deadlines.put(code, new Deadline(year, code, rs.getDate(2).toLocalDate(), rs.getString(3),
							rs.getTimestamp(4).toLocalDateTime()));
				}, year);
		return deadlines;
	}

	/** The year's deadline dates of the provinces of {@code scope}, by code. */
	public Map<String, LocalDate> dates(int year, ProvinceScope scope) {
		Map<String, LocalDate> dates = new LinkedHashMap<>();
		of(year).forEach((code, deadline) -> {
			if (scope.contains(code)) {
				dates.put(code, deadline.date());
			}
		});
		return dates;
	}

	/**
	 * Sets (or moves) a province's deadline for a year; returns the date it had before,
	 * or null.
	 */
	public LocalDate set(int year, String provinceCode, LocalDate date, String setBy) {
		Deadline before = of(year).get(provinceCode);
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		String by = (setBy != null && setBy.length() > 100) ? setBy.substring(0, 100) : setBy;
		if (before != null) {
			this.jdbc.update("UPDATE report_deadline SET deadline = ?, set_by = ?, set_at = ? WHERE report_year = ?"
					+ " AND province_code = ?", java.sql.Date.valueOf(date), by, now, year, provinceCode);
			return before.date();
		}
		this.jdbc.update("INSERT INTO report_deadline (report_year, province_code, deadline, set_by, set_at)"
				+ " VALUES (?, ?, ?, ?, ?)", year, provinceCode, java.sql.Date.valueOf(date), by, now);
		return null;
	}

}
