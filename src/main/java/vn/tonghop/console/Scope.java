package vn.tonghop.console;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.tonghop.console.users.SignedIn;
import vn.tonghop.store.ProvinceScope;

/**
 * The one answer to "may this user see this province": an ADMIN sees every province, an
 * ANALYST those of her account. Every page, query and download of the console takes the
 * scope of the request's user from here and applies it, on the server, for each request.
 *
 * @param all whether every province is in scope
 * @param provinces the codes (2025) of the provinces in scope when not all
 */
public record Scope(boolean all, Set<String> provinces) {

	private static final Pattern CODE = Pattern.compile("\\d{2}");

	/** Nothing: what an anonymous request sees. */
	public static final Scope NONE = new Scope(false, Set.of());

	/** Every province. */
	public static final Scope ALL = new Scope(true, Set.of());

	public Scope {
		provinces = Set.copyOf(new TreeSet<>(provinces));
		for (String code : provinces) {
			if (!CODE.matcher(code).matches()) {
				throw new IllegalArgumentException("not a province code: " + code);
			}
		}
	}

	/** The scope of a signed-in user. */
	public static Scope of(SignedIn user) {
		if (user == null || user.union()) {
			// a union sees its own union's return only, through its own pages, never a
			// province
			return NONE;
		}
		return user.admin() ? ALL : new Scope(false, user.provinces());
	}

	/** The scope of the user of the current request. */
	public static Scope current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof SignedIn user) ? of(user) : NONE;
	}

	/**
	 * Whether a province (its 2025 code) is in scope; an unknown province never is but
	 * for ALL.
	 */
	public boolean allows(String provinceCode) {
		if (this.all) {
			return true;
		}
		return provinceCode != null && this.provinces.contains(provinceCode.trim());
	}

	/**
	 * The same scope as the batch core takes it, for a consolidation of the scope's
	 * provinces ({@link ProvinceScope}).
	 * @throws NotFound for a scope of no province
	 */
	public ProvinceScope toProvinceScope() {
		if (this.all) {
			return ProvinceScope.all();
		}
		if (this.provinces.isEmpty()) {
			throw new NotFound("no province in scope");
		}
		return ProvinceScope.of(this.provinces);
	}

	/**
	 * A SQL condition keeping the rows of the scope's provinces in {@code column} (codes
	 * are two digits, checked when the scope was made, so they are written as literals).
	 * A row of no province is in no scope but ALL.
	 */
	public String sql(String column) {
		if (this.all) {
			return "1 = 1";
		}
		if (this.provinces.isEmpty()) {
			return "1 = 0";
		}
		// as the batch core writes it for a scoped consolidation
		return ProvinceScope.of(this.provinces).and(column).substring(" AND ".length());
	}

}
