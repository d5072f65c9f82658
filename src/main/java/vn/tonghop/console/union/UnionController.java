package vn.tonghop.console.union;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.tonghop.console.NotFound;
import vn.tonghop.console.audit.AuditLog;
import vn.tonghop.console.users.SignedIn;
import vn.tonghop.report.FeedbackReports;
import vn.tonghop.store.Deadlines;
import vn.tonghop.store.UnionSubmissions;
import vn.tonghop.template.TemplateWriter;

/**
 * A union's own pages: its return of the year ({@code GET /union}: the blank form, the
 * upload, its uploads and the returns that count), an upload's findings ({@code GET
 * /union/uploads/{id}}) and its feedback copy. Only a UNION's account reaches them (the
 * security configuration), and every upload is looked up by the account's union code:
 * another union's upload answers 404, as something that does not exist.
 */
@Controller
@PreAuthorize("hasRole('UNION')")
class UnionController {

	private final UnionUploads uploads;

	private final UploadFindings findings;

	private final UnionSubmissions submissions;

	private final FeedbackReports feedback;

	private final AuditLog audit;

	private final Deadlines deadlines;

	UnionController(UnionUploads uploads, UploadFindings findings, org.springframework.jdbc.core.JdbcTemplate jdbc,
			FeedbackReports feedback, AuditLog audit) {
		this.uploads = uploads;
		this.findings = findings;
		this.submissions = new UnionSubmissions(jdbc);
		this.feedback = feedback;
		this.audit = audit;
		this.deadlines = new Deadlines(jdbc);
	}

	/**
	 * The deadline of the union's province for the year (its account's province, the
	 * registry's), or null when its federation set none.
	 */
	private Deadlines.Deadline deadline(SignedIn me, int year) {
		Map<String, Deadlines.Deadline> all = this.deadlines.of(year);
		return me.provinces().stream().map(all::get).filter(Objects::nonNull).findFirst().orElse(null);
	}

	/** The uploads of {@code uploads} sent after the deadline, by id. */
	private static Set<Long> late(List<UnionUploads.Upload> uploads, Deadlines.Deadline deadline) {
		Set<Long> late = new HashSet<>();
		if (deadline != null) {
			for (UnionUploads.Upload upload : uploads) {
				if (deadline.late(upload.uploadedAt().atZone(ZoneId.systemDefault()).toInstant())) {
					late.add(upload.id());
				}
			}
		}
		return late;
	}

	@GetMapping("/union")
	String page(@AuthenticationPrincipal SignedIn me, @RequestParam(name = "qua-lon", required = false) String tooLarge,
			Model model) {
		int year = this.uploads.year();
		List<UnionUploads.Upload> mine = this.uploads.of(me.unionCode(), year);
		mine.stream().filter(UnionUploads.Upload::waiting).findFirst().ifPresent((w) -> this.uploads.ingest(w.id(), 0));
		model.addAttribute("year", String.valueOf(year));
		model.addAttribute("tooLarge", tooLarge != null);
		model.addAttribute("unionCode", me.unionCode());
		List<UnionUploads.Upload> sent = this.uploads.of(me.unionCode(), year);
		Deadlines.Deadline deadline = deadline(me, year);
		model.addAttribute("uploads", sent);
		model.addAttribute("verdicts", this.findings.verdicts(sent));
		model.addAttribute("deadline", (deadline != null) ? deadline.date().format(Deadlines.DATE) : null);
		model.addAttribute("late", late(sent, deadline));
		List<UnionSubmissions.Submission> returns = new java.util.ArrayList<>(
				this.submissions.of(year, me.unionCode()));
		java.util.Collections.reverse(returns);
		model.addAttribute("returns", returns);
		model.addAttribute("maxSize", UnionUploads.megabytes(this.uploads.maxBytes()));
		model.addAttribute("maxBytes", this.uploads.maxBytes());
		return "union/home";
	}

	@PostMapping("/union/upload")
	String upload(@AuthenticationPrincipal SignedIn me,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
			redirect.addFlashAttribute("problem", "union.upload.none");
			return "redirect:/union";
		}
		String tooMany = this.uploads.tooMany(me.id());
		if (tooMany != null) {
			this.audit.record(AuditLog.Action.UNION_UPLOAD_REFUSED, file.getOriginalFilename() + ": " + tooMany);
			redirect.addFlashAttribute("tooMany", tooMany);
			return "redirect:/union";
		}
		UnionUploads.Upload upload;
		try (InputStream content = file.getInputStream()) {
			upload = this.uploads.receive(me.id(), me.unionCode(), file.getOriginalFilename(), content);
		}
		this.audit.record(upload.refused() ? AuditLog.Action.UNION_UPLOAD_REFUSED : AuditLog.Action.UNION_UPLOAD,
				upload.fileName() + " (" + upload.bytes() + " byte, SHA-256 " + upload.sha256() + ")"
						+ (upload.refused() ? ": " + upload.reason() : ""));
		return "redirect:/union/uploads/" + upload.id();
	}

	@GetMapping("/union/uploads/{id}")
	String upload(@AuthenticationPrincipal SignedIn me, @PathVariable String id, Model model) {
		UnionUploads.Upload upload = mine(me, id);
		if (upload.waiting()) {
			upload = this.uploads.ingest(upload.id(), 0);
		}
		model.addAttribute("upload", upload);
		Deadlines.Deadline deadline = deadline(me, upload.year());
		model.addAttribute("deadline", (deadline != null) ? deadline.date().format(Deadlines.DATE) : null);
		model.addAttribute("late", !upload.refused() && late(List.of(upload), deadline).contains(upload.id()));
		model.addAttribute("result",
				(upload.intakeRow() != null) ? this.findings.of(upload.intakeRow()).orElse(null) : null);
		model.addAttribute("workbook", !upload.fileName().toLowerCase(java.util.Locale.ROOT).endsWith(".csv"));
		return "union/upload";
	}

	@GetMapping("/union/uploads/{id}/phan-hoi")
	ResponseEntity<Resource> feedback(@AuthenticationPrincipal SignedIn me, @PathVariable String id)
			throws IOException {
		UnionUploads.Upload upload = mine(me, id);
		UploadFindings.Result result = (upload.intakeRow() != null) ? this.findings.of(upload.intakeRow()).orElse(null)
				: null;
		if (result == null || result.submission() == null) {
			throw new NotFound("bản phản hồi của tệp tải lên " + id);
		}
		Path folder = Files.createDirectories(this.uploads.folder().resolve(".phan-hoi"));
		Path copy = folder.resolve(upload.sha256() + "-" + upload.id() + ".xlsx");
		try {
			String why = this.feedback.copy(result.submission(), copy);
			if (why != null) {
				throw new NotFound(why);
			}
			String name = stem(upload.fileName()) + "__phan-hoi.xlsx";
			this.audit.record(AuditLog.Action.DOWNLOAD, "bản phản hồi của " + upload.fileName());
			return download(Files.readAllBytes(copy), name);
		}
		finally {
			Files.deleteIfExists(copy);
		}
	}

	@GetMapping("/union/mau")
	ResponseEntity<Resource> blankForm() throws IOException {
		int year = this.uploads.year();
		Path folder = Files.createDirectories(this.uploads.folder().resolve(".mau"));
		Path form = Files.createTempFile(folder, "mau-", ".xlsx");
		try {
			TemplateWriter.standard().write(year, form);
			this.audit.record(AuditLog.Action.DOWNLOAD, "biểu mẫu trống năm " + year);
			return download(Files.readAllBytes(form), "bieu-mau-thi-dua-" + year + ".xlsx");
		}
		finally {
			Files.deleteIfExists(form);
		}
	}

	private UnionUploads.Upload mine(SignedIn me, String id) {
		long number;
		try {
			number = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new NotFound("tệp tải lên " + id);
		}
		return this.uploads.of(me.unionCode(), number).orElseThrow(() -> new NotFound("tệp tải lên " + id));
	}

	private static String stem(String name) {
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(0, dot) : name;
	}

	private static ResponseEntity<Resource> download(byte[] content, String name) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(new ByteArrayResource(content));
	}

}
