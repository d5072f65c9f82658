package vn.tonghop.console;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.tonghop.console.users.SignedIn;

/**
 * What every page's frame needs: the signed-in user ({@code me}, null on the sign-in
 * page) and whether she is an ADMIN ({@code admin}), for the menu.
 */
@ControllerAdvice
class ConsoleModel {

	@ModelAttribute("me")
	SignedIn me() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof SignedIn user) ? user : null;
	}

	@ModelAttribute("admin")
	boolean admin() {
		SignedIn me = me();
		return me != null && me.admin();
	}

}
