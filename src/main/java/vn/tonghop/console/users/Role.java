package vn.tonghop.console.users;

/** What a console user may do. */
public enum Role {

	/** The federation: every province, the users, the registry and the audit log. */
	ADMIN,

	/** One or more provinces: read them and run. */
	ANALYST,

	/**
	 * A grassroots union (CĐCS): its own return only, sent through its page
	 * ({@code /union}); its account names its union code.
	 */
	UNION

}
