package vn.tonghop.console.unions;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import vn.tonghop.console.unions.UnionAccounts.Outcome;

/**
 * The lists of accounts a user made in her session, with their one-time codes, to
 * download: kept in the server's memory for that session only, each under a random id,
 * and given only to the user who made it. They are never written to disk and never stored
 * in the database: signing out or the session's end loses them (the codes are then
 * unknown; "cấp lại mã" gives an account a new one). The holder is deliberately not
 * {@code Serializable}, so that a servlet container that saves its sessions at shutdown
 * leaves these out. At most {@link #KEPT} lists a session, the oldest forgotten first.
 */
final class IssuedLists {

	/** How many lists a session keeps. */
	static final int KEPT = 5;

	private static final String ATTRIBUTE = IssuedLists.class.getName();

	private static final SecureRandom random = new SecureRandom();

	/**
	 * One list made.
	 *
	 * @param id its random id (128 bits)
	 * @param userId the user who made it, the only one it is given to
	 * @param madeAt when
	 * @param outcome what the run did, the codes included
	 * @param list the files' writer
	 */
	record Issued(String id, long userId, LocalDateTime madeAt, Outcome outcome, UnionAccountsList list) {

	}

	private final List<Issued> issued = new ArrayList<>();

	private IssuedLists() {
	}

	/** The lists of {@code session}, made at its first use. */
	static IssuedLists of(HttpSession session) {
		synchronized (session) {
			Object held = session.getAttribute(ATTRIBUTE);
			if (held instanceof IssuedLists lists) {
				return lists;
			}
			IssuedLists lists = new IssuedLists();
			session.setAttribute(ATTRIBUTE, lists);
			return lists;
		}
	}

	/** Keeps a list made by {@code userId}; returns it with its new id. */
	synchronized Issued add(long userId, Outcome outcome, UnionAccountsList list) {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		Issued made = new Issued(HexFormat.of().formatHex(bytes), userId, LocalDateTime.now(), outcome, list);
		this.issued.add(0, made);
		while (this.issued.size() > KEPT) {
			this.issued.remove(this.issued.size() - 1);
		}
		return made;
	}

	/** The lists of {@code userId}, newest first. */
	synchronized List<Issued> of(long userId) {
		return this.issued.stream().filter((made) -> made.userId() == userId).toList();
	}

	/** The list of an id, if it is {@code userId}'s. */
	synchronized Optional<Issued> find(String id, long userId) {
		return this.issued.stream().filter((made) -> made.id().equals(id) && made.userId() == userId).findFirst();
	}

}
