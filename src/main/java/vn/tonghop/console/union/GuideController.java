package vn.tonghop.console.union;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The one-page guide for a union's clerk ({@code GET /huong-dan}), in Vietnamese: open to
 * anyone, so that it can be read before the first sign-in, from the letter that brought
 * the sign-in code.
 */
@Controller
class GuideController {

	private final UnionUploads uploads;

	GuideController(UnionUploads uploads) {
		this.uploads = uploads;
	}

	@GetMapping("/huong-dan")
	String guide(org.springframework.ui.Model model) {
		model.addAttribute("maxSize", UnionUploads.megabytes(this.uploads.maxBytes()));
		return "union/guide";
	}

}
