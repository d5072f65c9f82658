package vn.tonghop.console.users;

import java.time.LocalDateTime;
import java.util.Set;

/**
 * A user of the console as stored.
 *
 * @param id the user's key
 * @param username the sign-in name
 * @param displayName the name shown, or null
 * @param role what the user may do
 * @param provinces the codes of the provinces an ANALYST may see (an ADMIN sees all)
 * @param enabled whether the user may sign in
 * @param mustChangePassword whether the password is one-time: the next sign-in must
 * choose another
 * @param failedSignIns failed sign-ins in a row since the last good one
 * @param lockedUntil until when the account is locked after too many failed sign-ins, or
 * null
 * @param createdAt when the user was made
 * @param unionCode the union code of a UNION's account; null for the federation's users
 */
public record ConsoleUser(long id, String username, String displayName, Role role, Set<String> provinces,
		boolean enabled, boolean mustChangePassword, int failedSignIns, LocalDateTime lockedUntil,
		LocalDateTime createdAt, String unionCode) {

	/** Whether the account is locked at {@code now}. */
	public boolean lockedAt(LocalDateTime now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	/** Whether this is a union's account. */
	public boolean union() {
		return this.role == Role.UNION;
	}

	/** The name to show: the display name, else the sign-in name. */
	public String shownName() {
		return (this.displayName != null && !this.displayName.isBlank()) ? this.displayName : this.username;
	}

}
