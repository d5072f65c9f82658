package vn.tonghop.console.year;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.tonghop.console.NotFound;
import vn.tonghop.console.Scope;
import vn.tonghop.console.audit.AuditLog;
import vn.tonghop.normalise.Province;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.report.CsvOutput;
import vn.tonghop.store.Deadlines;

/**
 * The year at a glance ({@code GET /}) for the provinces in the user's scope, the list of
 * the unions that have not reported ({@code GET /year/missing.csv}), and the provinces'
 * deadlines ({@code POST /year/deadline}: an ADMIN sets any province's, an ANALYST her
 * provinces'). Every user signed in; each sees her provinces' counts.
 */
@Controller
class YearController {

	/** The headings of missing.csv, as the workbook's "Chưa báo cáo" sheet names them. */
	static final List<String> MISSING_HEADINGS = List.of("STT", "Mã CĐCS", "Tên CĐCS", "Mã tỉnh", "Tỉnh, thành phố",
			"Khu vực");

	private final YearOverview overview;

	private final Years years;

	private final AuditLog audit;

	private final ProvinceResolver provinces;

	private final Deadlines deadlines;

	YearController(YearOverview overview, Years years, AuditLog audit, ProvinceResolver provinces, JdbcTemplate jdbc) {
		this.overview = overview;
		this.provinces = provinces;
		this.years = years;
		this.audit = audit;
		this.deadlines = new Deadlines(jdbc);
	}

	@GetMapping("/")
	String year(@RequestParam(required = false) Integer year, Model model, Locale locale) {
		int chosen = this.years.chosen(year);
		model.addAttribute("overview", this.overview.of(chosen, Scope.current(), locale));
		model.addAttribute("years", this.years.withData());
		Scope scope = Scope.current();
		model.addAttribute("scope", scope);
		model.addAttribute("scopeNames",
				scope.provinces()
					.stream()
					.map((code) -> this.provinces.byCode(code).map(Province::name).orElse(code))
					.collect(Collectors.joining(", ")));
		return "year/overview";
	}

	/**
	 * Sets a province's deadline for a year, from the year's page: the province must be
	 * in the user's scope (else 404, as anything outside it); the date comes from the
	 * page's date field (yyyy-MM-dd), or as people write it (dd/MM/yyyy). Recorded in the
	 * audit log.
	 */
	@PostMapping("/year/deadline")
	String deadline(@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "") String province,
			@RequestParam(defaultValue = "") String date, Principal principal, RedirectAttributes redirect) {
		int chosen = this.years.chosen(year);
		Province target = this.provinces.byCode(province.strip())
			.filter((known) -> Scope.current().allows(known.code()))
			.orElseThrow(() -> new NotFound("tỉnh " + province));
		String back = "redirect:/?year=" + chosen;
		LocalDate day = day(date);
		if (day == null) {
			redirect.addFlashAttribute("deadlineNotice",
					new YearNotice(true, "year.deadline.bad-date", new Object[] { date.strip() }));
			return back;
		}
		if (!Deadlines.plausible(chosen, day)) {
			redirect.addFlashAttribute("deadlineNotice",
					new YearNotice(true, "year.deadline.far", new Object[] { Deadlines.DATE.format(day),
							Integer.toString(chosen), Integer.toString(chosen - 1), Integer.toString(chosen + 1) }));
			return back;
		}
		LocalDate before = this.deadlines.set(chosen, target.code(), day, principal.getName());
		this.audit.record(AuditLog.Action.DEADLINE_SET,
				Deadlines.describe(chosen, target.code(), target.name(), day, before));
		redirect.addFlashAttribute("deadlineNotice", new YearNotice(false, "year.deadline.saved",
				new Object[] { target.name(), Deadlines.DATE.format(day), Integer.toString(chosen) }));
		return back;
	}

	/** A date from the form: yyyy-MM-dd (a date field) or dd/MM/yyyy; null if neither. */
	static LocalDate day(String written) {
		String text = written.strip();
		try {
			return text.contains("/") ? LocalDate.parse(text, Deadlines.DATE) : LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * The registered unions of the user's provinces that sent nothing: UTF-8 with a byte
	 * order mark, as the tool's other CSVs, cells a spreadsheet would run defused.
	 */
	@GetMapping("/year/missing.csv")
	void missing(@RequestParam(required = false) Integer year, HttpServletResponse response) throws IOException {
		int chosen = this.years.chosen(year);
		if (!this.overview.registryLoaded(chosen)) {
			throw new NotFound("danh sách CĐCS năm " + chosen);
		}
		List<YearOverview.Missing> missing = this.overview.missing(chosen, Scope.current());
		String name = "CĐCS chưa báo cáo " + chosen + ".csv";
		this.audit.record(AuditLog.Action.DOWNLOAD, name + " (" + missing.size() + " CĐCS)");
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write(CsvOutput.BOM);
		ICSVWriter csv = new CSVWriterBuilder(writer).withLineEnd("\n").build();
		csv.writeNext(MISSING_HEADINGS.toArray(String[]::new), false);
		long no = 0;
		for (YearOverview.Missing union : missing) {
			csv.writeNext(new String[] { Long.toString(++no), CsvOutput.defused(union.unionCode()),
					CsvOutput.defused(union.unionName()), union.provinceCode(), union.provinceName(),
					CsvOutput.defused(union.sector()) }, false);
		}
		csv.flush();
	}

}
