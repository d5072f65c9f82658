package vn.tonghop.console.year;

import vn.tonghop.console.Scope;

/**
 * A user's {@link Scope} in the terms the batch core's counts take it: a condition on the
 * returns ({@code FileStatuses}, {@code CsvReports#issuesByRule}) and a set of provinces
 * ({@code Completeness}). An ADMIN's is none at all (null): she sees every file, those of
 * no province included; an ANALYST's keeps the returns of her provinces, and the files
 * whose returns all lie in them.
 */
public final class InScope {

	private InScope() {
	}

	/** An SQL condition on a return {@code r}, or null for every return and file. */
	public static String returns(Scope scope) {
		return scope.all() ? null : scope.sql("r.province_code");
	}

}
