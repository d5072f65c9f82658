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

	@GetMapping("/huong-dan")
	String guide() {
		return "union/guide";
	}

}
