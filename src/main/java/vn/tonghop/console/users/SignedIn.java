package vn.tonghop.console.users;

import java.util.List;
import java.util.Set;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in user of a session: who, with which role and provinces, and whether the
 * password is one-time (then every page but the password's is refused until it is
 * changed). Equal by sign-in name, as {@link User}, which the session registry relies on
 * to end a disabled user's sessions.
 */
public class SignedIn extends User {

	private static final long serialVersionUID = 1L;

	private final long id;

	private final Role role;

	private final Set<String> provinces;

	private final boolean mustChangePassword;

	private final String shownName;

	private final String unionCode;

	SignedIn(ConsoleUser user, String passwordHash, boolean locked, boolean mustChangePassword) {
		super(user.username(), passwordHash, user.enabled(), true, true, !locked,
				List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
		this.id = user.id();
		this.role = user.role();
		this.provinces = Set.copyOf(user.provinces());
		this.mustChangePassword = mustChangePassword;
		this.shownName = user.shownName();
		this.unionCode = user.unionCode();
	}

	/** The same user once the one-time password is changed. */
	public SignedIn withPasswordChanged() {
		ConsoleUser user = new ConsoleUser(this.id, getUsername(), this.shownName, this.role, this.provinces, true,
				false, 0, null, null, this.unionCode);
		return new SignedIn(user, "", false, false);
	}

	public long id() {
		return this.id;
	}

	public Role role() {
		return this.role;
	}

	public boolean admin() {
		return this.role == Role.ADMIN;
	}

	/** Whether this is a union's account, which sees its own union only. */
	public boolean union() {
		return this.role == Role.UNION;
	}

	/** The union code of a union's account; null for the federation's users. */
	public String unionCode() {
		return this.unionCode;
	}

	/** The provinces an ANALYST may see; empty for an ADMIN, who sees all. */
	public Set<String> provinces() {
		return this.provinces;
	}

	public boolean mustChangePassword() {
		return this.mustChangePassword;
	}

	public String shownName() {
		return this.shownName;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
