package vn.tonghop.console.admin;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.tonghop.console.users.Role;
import vn.tonghop.normalise.Province;
import vn.tonghop.normalise.ProvinceResolver;

/**
 * The 34 provinces of 2025 as the administration pages show and check them: by code, in
 * the order of {@code provinces-2025.csv}.
 */
@Component
class Provinces {

	private final ProvinceResolver resolver;

	Provinces(ProvinceResolver resolver) {
		this.resolver = resolver;
	}

	/** The 34 units, for the choice of a user's provinces. */
	List<Province> all() {
		return this.resolver.all();
	}

	/** Whether {@code code} is the code of one of the 34 units. */
	boolean known(String code) {
		return code != null && code.matches("\\d{2}") && this.resolver.byCode(code).isPresent();
	}

	/**
	 * The names of the provinces of {@code codes}, in the table's order: "Hà Nội, Đồng
	 * Nai".
	 */
	String names(Collection<String> codes) {
		Set<String> wanted = Set.copyOf(codes);
		return this.resolver.all()
			.stream()
			.filter((province) -> wanted.contains(province.code()))
			.map(Province::name)
			.collect(Collectors.joining(", "));
	}

	/**
	 * A user's role and provinces for the audit log, in Vietnamese: "ANALYST (75 Đồng
	 * Nai, 01 Hà Nội)", "ADMIN (mọi tỉnh, thành phố)".
	 */
	String scope(Role role, Collection<String> codes) {
		if (role == Role.ADMIN) {
			return "ADMIN (mọi tỉnh, thành phố)";
		}
		Set<String> wanted = Set.copyOf(codes);
		return "ANALYST (" + this.resolver.all()
			.stream()
			.filter((province) -> wanted.contains(province.code()))
			.map((province) -> province.code() + " " + province.name())
			.collect(Collectors.joining(", ")) + ")";
	}

}
