package vn.tonghop.console.users;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the form's POST. */
@Controller
class SignInController {

	@GetMapping("/sign-in")
	String signIn() {
		return "users/sign-in";
	}

}
