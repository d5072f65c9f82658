package vn.tonghop.report.feedback;

/**
 * One finding to show the union in its feedback workbook: the sheet and A1 cell it is
 * about (either may be empty for a finding about the whole return), the rule code
 * ({@code R01}…, {@code W01}…), the severity ({@code error} or {@code warning}) and the
 * Vietnamese message.
 */
public record FeedbackItem(String sheet, String cell, String rule, String severity, String message) {

	public FeedbackItem {
		sheet = (sheet != null) ? sheet.strip() : "";
		cell = (cell != null) ? cell.strip() : "";
		if (rule == null || rule.isBlank()) {
			throw new IllegalArgumentException("a feedback item needs a rule code");
		}
		rule = rule.strip();
		if (!"error".equalsIgnoreCase(severity) && !"warning".equalsIgnoreCase(severity)) {
			throw new IllegalArgumentException(
					"severity of " + rule + " must be 'error' or 'warning', was '" + severity + "'");
		}
		severity = severity.toLowerCase(java.util.Locale.ROOT);
		message = (message != null) ? message : "";
	}

	boolean isError() {
		return "error".equals(this.severity);
	}

	/** "Lỗi" or "Cảnh báo", as the union reads it. */
	String severityLabel() {
		return isError() ? "Lỗi" : "Cảnh báo";
	}

}
