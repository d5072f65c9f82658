package vn.tonghop.console.admin;

import java.io.IOException;

import org.springframework.core.env.Environment;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.tonghop.console.audit.AuditLog;
import vn.tonghop.registry.RegistryStore;
import vn.tonghop.serve.ServeSettings;

/**
 * The registry of expected unions, for the ADMIN: upload a list for a year (what
 * {@code tonghop registry} does), see what was loaded and every problem the reader found,
 * and the loads of recent years.
 */
@Controller
@RequestMapping(RegistryController.PATH)
@PreAuthorize("hasRole('ADMIN')")
class RegistryController {

	static final String PATH = "/admin/registry";

	/** How many loads the page lists. */
	static final int LOADS_SHOWN = 50;

	private final RegistryUploads uploads;

	private final RegistryStore store;

	private final AuditLog audit;

	private final ServeSettings serve;

	private final DataSize maxFileSize;

	RegistryController(RegistryUploads uploads, RegistryStore store, AuditLog audit, ServeSettings serve,
			Environment environment) {
		this.uploads = uploads;
		this.store = store;
		this.audit = audit;
		this.serve = serve;
		this.maxFileSize = maxFileSize(environment);
	}

	/**
	 * The largest upload the server takes
	 * ({@code spring.servlet.multipart.max-file-size}).
	 */
	static DataSize maxFileSize(Environment environment) {
		return environment.getProperty("spring.servlet.multipart.max-file-size", DataSize.class,
				DataSize.ofMegabytes(1));
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("loads", this.store.recentLoads(LOADS_SHOWN));
		if (!model.containsAttribute("year")) {
			model.addAttribute("year", this.serve.year());
		}
		model.addAttribute("maxBytes", this.maxFileSize.toBytes());
		model.addAttribute("maxMegabytes", this.maxFileSize.toMegabytes());
		return "admin/registry";
	}

	@PostMapping
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(defaultValue = "") String year, RedirectAttributes redirect) throws IOException {
		Integer chosen = year(year);
		if (chosen == null) {
			redirect.addFlashAttribute("notice", Notice.refused("admin.registry.bad-year", year.strip()));
			return "redirect:" + PATH;
		}
		redirect.addFlashAttribute("year", chosen);
		if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
			redirect.addFlashAttribute("notice", Notice.refused("admin.registry.no-file"));
			return "redirect:" + PATH;
		}
		RegistryUploads.Outcome outcome = this.uploads.load(file, chosen);
		if (outcome.loaded()) {
			this.audit.record(AuditLog.Action.REGISTRY_LOADED,
					"năm " + outcome.year() + ": " + outcome.entries() + " công đoàn cơ sở từ " + outcome.fileName()
							+ ((outcome.replaced() >= 0)
									? " (thay danh sách trước gồm " + outcome.replaced() + " đơn vị)" : "")
							+ "; " + outcome.problems().size() + " vấn đề");
		}
		redirect.addFlashAttribute("outcome", outcome);
		return "redirect:" + PATH;
	}

	/** The year of the form, 2000–2100 as the command line takes; null if not one. */
	private static Integer year(String text) {
		try {
			int year = Integer.parseInt(text.strip());
			return (year >= 2000 && year <= 2100) ? year : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
