package vn.tonghop.cli;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.springframework.jdbc.core.JdbcTemplate;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.tonghop.console.audit.AuditLog;
import vn.tonghop.normalise.Province;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.rollup.Completeness;
import vn.tonghop.store.Deadlines;

/**
 * {@code tonghop deadline}: sets a province's deadline for a year ({@code --province},
 * {@code --date}), as the console's year page does, with an entry in the audit log; or
 * lists the year's provinces with their deadline and their unions on time and late, as
 * completeness counts them.
 */
@Command(name = "deadline", mixinStandardHelpOptions = true,
		description = "Hạn nộp báo cáo của từng tỉnh, thành phố trong một năm: đặt hạn (--province, --date) hoặc liệt"
				+ " kê hạn và số CĐCS nộp đúng hạn, nộp muộn.")
class DeadlineCommand implements Callable<Integer> {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final String[] HEADER = { "Mã", "Tỉnh, thành phố", "Hạn nộp", "Đúng hạn", "Muộn", "Đặt bởi",
			"Đặt lúc" };

	@Spec
	CommandSpec spec;

	@Option(names = "--year", required = true, paramLabel = "Y", description = "Năm của báo cáo.")
	int year;

	@Option(names = "--province", paramLabel = "P",
			description = "Tỉnh/thành phố: mã (2025) hoặc tên; cùng --date để đặt hạn của tỉnh này.")
	String province;

	@Option(names = "--date", paramLabel = "dd/MM/yyyy",
			description = "Ngày cuối cùng nộp đúng hạn; báo cáo nhận sau 24:00 ngày này (giờ Việt Nam) là muộn.")
	String date;

	@Mixin
	DatabaseOptions database;

	@Override
	public Integer call() throws Exception {
		Arguments.requireYear(this.spec, this.year);
		if ((this.province == null) != (this.date == null)) {
			throw bad("--province và --date đi cùng nhau: tonghop deadline --year " + this.year
					+ " --province <mã hoặc tên> --date dd/MM/yyyy; chỉ --year để liệt kê");
		}
		if (this.province == null) {
			return Spring.inContext(this.database, (context) -> {
				list(context.getBean(JdbcTemplate.class), context.getBean(Completeness.class));
				return 0;
			});
		}
		LocalDate day = date(this.date);
		String code = Arguments.requireProvinces(this.spec, List.of(this.province)).codes().get(0);
		ProvinceResolver provinces = ProvinceResolver.load();
		String name = provinces.byCode(code).map(Province::name).orElse(code);
		Arguments.requireRoomToWrite(this.spec, this.database, null);
		return Spring.inContext(this.database, (context) -> {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			LocalDate before = new Deadlines(jdbc).set(this.year, code, day, UserCommand.who());
			String detail = Deadlines.describe(this.year, code, name, day, before);
			new AuditLog(jdbc).record(UserCommand.who(), UserCommand.ADDRESS, AuditLog.Action.DEADLINE_SET, detail);
			System.out.println("Đã đặt " + detail + ".");
			return 0;
		});
	}

	/**
	 * A date written dd/MM/yyyy, near the year of the returns (a typo in the year would
	 * make every return late or on time).
	 */
	private LocalDate date(String written) {
		LocalDate day;
		try {
			day = LocalDate.parse(written.strip(), Deadlines.DATE);
		}
		catch (DateTimeParseException ex) {
			throw bad("--date " + written + ": ngày phải viết dạng dd/MM/yyyy, ví dụ 31/01/" + (this.year + 1));
		}
		if (!Deadlines.plausible(this.year, day)) {
			throw bad("--date " + written + ": hạn nộp báo cáo năm " + this.year + " phải trong các năm "
					+ (this.year - 1) + "–" + (this.year + 1));
		}
		return day;
	}

	private void list(JdbcTemplate jdbc, Completeness completeness) {
		Map<String, Deadlines.Deadline> deadlines = new Deadlines(jdbc).of(this.year);
		Map<String, Completeness.Line> lines = new HashMap<>();
		completeness.report(this.year).byProvince().forEach((line) -> lines.put(line.code(), line));
		List<String[]> rows = new ArrayList<>();
		rows.add(HEADER);
		for (Province province : ProvinceResolver.load().all()) {
			Deadlines.Deadline deadline = deadlines.get(province.code());
			Completeness.Line line = lines.get(province.code());
			rows.add(new String[] { province.code(), province.name(),
					(deadline != null) ? Deadlines.DATE.format(deadline.date()) : "chưa đặt", count(line, true),
					count(line, false), (deadline != null && deadline.setBy() != null) ? deadline.setBy() : "",
					(deadline != null) ? TIME.format(deadline.setAt()) : "" });
		}
		System.out.println("Hạn nộp báo cáo năm " + this.year + " (" + deadlines.size() + " trong " + (rows.size() - 1)
				+ " tỉnh, thành phố đã đặt hạn):");
		int[] widths = TerminalTable.widths(rows);
		for (String[] row : rows) {
			System.out.println(TerminalTable.line(row, widths, Set.of(3, 4)));
		}
	}

	/** On time or late, "—" for a province without a deadline. */
	private static String count(Completeness.Line line, boolean onTime) {
		Long count = (line != null) ? (onTime ? line.onTime() : line.late()) : null;
		return (count != null) ? count.toString() : "—";
	}

	private CommandLine.ParameterException bad(String message) {
		return new CommandLine.ParameterException(this.spec.commandLine(), message);
	}

}
