package vn.tonghop.console.admin;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * Ends a user's console sessions at once, through the session registry of the console's
 * security: her next request leads to the sign-in page ("session expired"). Used when she
 * is disabled, rescoped (her session held her old provinces) or given a new password.
 */
@Component
public class UserSessions {

	private final SessionRegistry registry;

	public UserSessions(SessionRegistry registry) {
		this.registry = registry;
	}

	/** Ends every session of {@code username}; returns how many were open. */
	public int end(String username) {
		int ended = 0;
		for (Object principal : this.registry.getAllPrincipals()) {
			if (principal instanceof UserDetails user && user.getUsername().equalsIgnoreCase(username)) {
				for (SessionInformation session : this.registry.getAllSessions(principal, false)) {
					session.expireNow();
					ended++;
				}
			}
		}
		return ended;
	}

}
