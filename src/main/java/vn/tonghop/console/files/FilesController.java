package vn.tonghop.console.files;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import vn.tonghop.console.Scope;
import vn.tonghop.console.audit.AuditLog;
import vn.tonghop.console.year.Years;

/**
 * Files and findings: every file of a year ({@code GET /files}), a file's page
 * ({@code GET /files/{id}}), its original ({@code GET /files/{id}/original}) and its
 * feedback copy ({@code GET /files/{id}/feedback}). Every user signed in, each for the
 * files of her provinces; a file's id is the intake log row of one look at its path (the
 * rows {@code files.csv} is made of), never a path: what is downloaded is looked up on
 * the server, checked to lie in the inbox or the output folder, and audited.
 */
@Controller
class FilesController {

	private final FileList list;

	private final FileDetail detail;

	private final Years years;

	private final AuditLog audit;

	FilesController(FileList list, FileDetail detail, Years years, AuditLog audit) {
		this.list = list;
		this.detail = detail;
		this.years = years;
		this.audit = audit;
	}

	@GetMapping("/files")
	String files(@RequestParam(required = false) Integer year, @RequestParam(required = false) String status,
			@RequestParam(required = false) String province, @RequestParam(required = false) String rule,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model) {
		int chosen = this.years.chosen(year);
		Scope scope = Scope.current();
		FileList.Filter filter = new FileList.Filter(status, province, rule, q);
		model.addAttribute("year", chosen);
		model.addAttribute("years", this.years.withData());
		model.addAttribute("filter", filter);
		model.addAttribute("listing", this.list.list(chosen, scope, filter, page));
		model.addAttribute("provinces", this.list.provinces(scope));
		model.addAttribute("rules", this.list.rules());
		return "files/list";
	}

	@GetMapping("/files/{id}")
	String file(@PathVariable String id, Model model) {
		Scope scope = Scope.current();
		FileDetail.Found file = this.detail.find(id, scope);
		model.addAttribute("file", file);
		model.addAttribute("line", file.row().line());
		model.addAttribute("returns", this.detail.returns(file));
		model.addAttribute("findings", this.detail.findings(file));
		model.addAttribute("others", this.detail.others(file, scope));
		model.addAttribute("changes", this.detail.changes(file));
		model.addAttribute("hasOriginal", this.detail.original(file).isPresent());
		model.addAttribute("uploaded", this.detail.uploaded(file));
		model.addAttribute("hasFeedback", this.detail.feedback(file).isPresent());
		return "files/file";
	}

	@GetMapping("/files/{id}/original")
	ResponseEntity<Resource> original(@PathVariable String id) {
		FileDetail.Found file = this.detail.find(id, Scope.current());
		Path original = this.detail.original(file).orElseThrow(() -> new OriginalGone(file));
		String name = lastPart(file.row().line().sourceFile());
		this.audit.record(AuditLog.Action.DOWNLOAD,
				"bản gốc " + file.row().line().sourceFile() + " (" + file.year() + ", tệp " + file.row().logId() + ")");
		return download(original, name);
	}

	@GetMapping("/files/{id}/feedback")
	ResponseEntity<Resource> feedback(@PathVariable String id) {
		FileDetail.Found file = this.detail.find(id, Scope.current());
		Path copy = this.detail.feedback(file)
			.orElseThrow(() -> new vn.tonghop.console.NotFound("bản phản hồi của tệp " + id));
		this.audit.record(AuditLog.Action.DOWNLOAD, "bản phản hồi " + copy.getFileName() + " của "
				+ file.row().line().sourceFile() + " (" + file.year() + ", tệp " + file.row().logId() + ")");
		return download(copy, copy.getFileName().toString());
	}

	/** The original is no longer in the inbox: a page saying so, 404. */
	@ExceptionHandler(OriginalGone.class)
	ModelAndView gone(OriginalGone gone) {
		ModelAndView page = new ModelAndView("files/gone");
		page.addObject("file", gone.file);
		page.setStatus(HttpStatus.NOT_FOUND);
		return page;
	}

	private static ResponseEntity<Resource> download(Path file, String name) {
		MediaType type = MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(new FileSystemResource(file));
	}

	/** The last part of a path as files.csv names it ({@code /} between folders). */
	static String lastPart(String sourceFile) {
		String name = sourceFile.replace('\\', '/');
		return name.substring(name.lastIndexOf('/') + 1);
	}

	/** A file the user may see whose original is gone from the inbox. */
	static final class OriginalGone extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient FileDetail.Found file;

		OriginalGone(FileDetail.Found file) {
			super("tệp gốc không còn trong hộp thư: " + file.row().line().sourceFile());
			this.file = file;
		}

	}

}
