package vn.tonghop.report.workbook;

import java.time.LocalDateTime;

/**
 * How the run that wrote the workbook went, and what the year holds (README, "What the
 * counts mean").
 *
 * @param generatedAt when the workbook was written
 * @param filesRead files looked at for the year: the lines of files.csv
 * @param returnsAccepted returns that count: the rows of returns.csv
 * @param returnsRejected returns rejected
 * @param toolVersion the tool's version
 * @param database where the data is kept (a description, never a password)
 * @param warning what a reader must know before using the figures (the year's last ingest
 * did not finish), or {@code null}
 * @param returnsSuperseded returns accepted, then replaced by a later one of the same
 * union
 * @param fileStatuses files.csv's lines by status, in words ("đã nhận 15, bị từ chối 9,
 * …"), or {@code null}
 * @param scope the provinces consolidated, by name ("Hà Nội, Đồng Nai"), when the
 * consolidation was scoped to them; {@code null} for all provinces
 */
public record RunInfo(LocalDateTime generatedAt, long filesRead, long returnsAccepted, long returnsRejected,
		String toolVersion, String database, String warning, long returnsSuperseded, String fileStatuses,
		String scope) {

	/** Of all provinces. */
	public RunInfo(LocalDateTime generatedAt, long filesRead, long returnsAccepted, long returnsRejected,
			String toolVersion, String database, String warning, long returnsSuperseded, String fileStatuses) {
		this(generatedAt, filesRead, returnsAccepted, returnsRejected, toolVersion, database, warning,
				returnsSuperseded, fileStatuses, null);
	}

	/** Without superseded returns or files by status. */
	public RunInfo(LocalDateTime generatedAt, long filesRead, long returnsAccepted, long returnsRejected,
			String toolVersion, String database, String warning) {
		this(generatedAt, filesRead, returnsAccepted, returnsRejected, toolVersion, database, warning, 0, null, null);
	}

}
