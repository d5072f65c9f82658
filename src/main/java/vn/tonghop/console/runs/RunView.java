package vn.tonghop.console.runs;

import java.util.List;

/**
 * A run as one user sees it, in her language and her scope: what the page shows and what
 * each progress event sends (as JSON), so that a reload and the live updates show the
 * same.
 *
 * @param id the run's number on this server
 * @param kind what it does: {@code ingest}, {@code consolidate}, {@code run}
 * @param kindText that in words
 * @param running whether it goes on
 * @param outcome how it ended ({@code completed}, {@code failed},
 * {@code not-consolidated}, {@code error}); null while it runs
 * @param outcomeText that in words; null while it runs
 * @param problem why it failed when the jobs could not say it; else null
 * @param startedBy who started it
 * @param startedAt when, as people read it
 * @param elapsed how long it has run (or ran), in words
 * @param by who started it, when, and how long it has run, in a sentence
 * @param files the ingest's files; null when it ingests nothing or has not begun to
 * @param provinces returns read per province, those of the user's scope
 * @param steps the consolidation's steps; empty when it consolidates nothing or has not
 * begun to
 * @param step the consolidation's current step in words ("Bước 3/9: …"); null when none
 * @param summary the summary lines it printed, as the log shows them (for an ANALYST
 * without the lines naming files, which may be other provinces')
 * @param summaryShortened whether lines naming files were left out
 */
public record RunView(long id, String kind, String kindText, boolean running, String outcome, String outcomeText,
		String problem, String startedBy, String startedAt, String elapsed, String by, Files files,
		List<Province> provinces, List<Step> steps, String step, List<String> summary, boolean summaryShortened) {

	/**
	 * The ingest's files.
	 *
	 * @param done files done
	 * @param total files in the inbox; -1 until counted
	 * @param percent done of the total; -1 until counted
	 * @param text done of the total in words
	 * @param rate files per second in words; null before the first
	 * @param left time left in words ("còn khoảng 9 giây"); null when not known
	 * @param finished whether the reading has ended
	 */
	public record Files(int done, int total, int percent, String text, String rate, String left, boolean finished) {

	}

	/**
	 * Returns read for a province.
	 *
	 * @param name its name
	 * @param read returns read
	 * @param expected unions the registry expects; null without a registry
	 */
	public record Province(String name, int read, Integer expected) {

	}

	/**
	 * A step of the consolidation.
	 *
	 * @param number its number
	 * @param text what it does
	 * @param state {@code waiting}, {@code running}, {@code completed}, {@code failed}
	 * @param stateText that in words
	 */
	public record Step(int number, String text, String state, String stateText) {

	}

}
