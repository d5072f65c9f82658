package vn.tonghop.validate;

import java.util.ArrayList;
import java.util.List;

import vn.tonghop.read.CellRef;

/**
 * Collects the findings of one return: rule code, cell and a Vietnamese message made from
 * the rule's template. Never throws for bad data: findings are the product.
 */
public final class Findings {

	private final RuleBook rules;

	private final Messages messages;

	private final String sheet;

	private final List<Finding> list = new ArrayList<>();

	public Findings(RuleBook rules, Messages messages, String sheet) {
		this.rules = rules;
		this.messages = messages;
		this.sheet = sheet;
	}

	/**
	 * Adds a finding of {@code rule} whose message is the template {@code messageKey}.
	 */
	public void add(String rule, CellRef cell, String messageKey, Object... args) {
		this.list.add(new Finding(rule, this.rules.severity(rule), this.sheet, (cell != null) ? cell.a1() : "", "",
				this.messages.format(messageKey, args)));
	}

	/** The findings, each naming {@code unionCode}. */
	public List<Finding> list(String unionCode) {
		String code = (unionCode != null) ? unionCode : "";
		return this.list.stream().map((finding) -> finding.withUnionCode(code)).toList();
	}

}
