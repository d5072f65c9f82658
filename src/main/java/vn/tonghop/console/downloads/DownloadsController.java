package vn.tonghop.console.downloads;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.tonghop.console.NotFound;
import vn.tonghop.console.Scope;
import vn.tonghop.console.audit.AuditLog;
import vn.tonghop.serve.ServeSettings;

/**
 * The consolidated workbook and every CSV of the year, for the user's provinces: the
 * federation downloads the published outputs, an analyst the same outputs consolidated
 * for her provinces only ({@link YearFiles}).
 */
@Controller
class DownloadsController {

	private final YearFiles files;

	private final ServeSettings settings;

	private final AuditLog audit;

	DownloadsController(YearFiles files, ServeSettings settings, AuditLog audit) {
		this.files = files;
		this.settings = settings;
		this.audit = audit;
	}

	@GetMapping("/downloads")
	String list(@RequestParam(required = false) Integer year, Model model) {
		Scope scope = Scope.current();
		int shown = (year != null) ? year : this.settings.year();
		model.addAttribute("year", shown);
		model.addAttribute("scoped", !scope.all());
		model.addAttribute("current", this.files.current(scope, shown));
		model.addAttribute("files",
				this.files.current(scope, shown) ? this.files.list(scope, shown) : this.files.list(Scope.ALL, shown));
		return "downloads/list";
	}

	/** An analyst's outputs made anew for her provinces. */
	@PostMapping("/downloads/prepare")
	String prepare(@RequestParam int year, RedirectAttributes redirect) {
		Scope scope = Scope.current();
		if (!scope.all()) {
			String problem = this.files.prepare(scope, year);
			if (problem != null) {
				redirect.addFlashAttribute("problem", problem);
			}
		}
		return "redirect:/downloads?year=" + year;
	}

	@GetMapping("/downloads/{year}/{name}")
	ResponseEntity<Resource> download(@PathVariable int year, @PathVariable String name) {
		Scope scope = Scope.current();
		if (!this.files.current(scope, year)) {
			String problem = this.files.prepare(scope, year);
			if (problem != null) {
				return ResponseEntity.status(503)
					.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
					.body(new org.springframework.core.io.ByteArrayResource(
							("Chưa tải được " + name + ": " + problem).getBytes(StandardCharsets.UTF_8)));
			}
		}
		Path file = this.files.find(scope, year, name).orElseThrow(() -> new NotFound(name));
		this.audit.record(AuditLog.Action.DOWNLOAD,
				year + "/" + name + (scope.all() ? "" : " (phạm vi " + String.join(", ", scope.provinces()) + ")"));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(mediaType(name))
			.body(new FileSystemResource(file));
	}

	private static MediaType mediaType(String name) {
		if (name.endsWith(".xlsx")) {
			return MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		}
		if (name.endsWith(".csv")) {
			return new MediaType("text", "csv", StandardCharsets.UTF_8);
		}
		return MediaType.APPLICATION_OCTET_STREAM;
	}

}
