package vn.tonghop.console.runs;

/** What a run started from the console does. */
public enum RunKind {

	/** Ingest, then consolidate when the ingest completed, as {@code tonghop run}. */
	RUN(true, true),

	/** Ingest the inbox, as {@code tonghop ingest}. */
	INGEST(true, false),

	/** Consolidate the year, as {@code tonghop consolidate}. */
	CONSOLIDATE(false, true);

	private final boolean ingests;

	private final boolean consolidates;

	RunKind(boolean ingests, boolean consolidates) {
		this.ingests = ingests;
		this.consolidates = consolidates;
	}

	public boolean ingests() {
		return this.ingests;
	}

	public boolean consolidates() {
		return this.consolidates;
	}

	/** Its name in lower case, as forms, messages and styles name it. */
	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
