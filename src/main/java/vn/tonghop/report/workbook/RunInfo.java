package vn.tonghop.report.workbook;

import java.time.LocalDateTime;

/**
 * How the run that wrote the workbook went.
 *
 * @param generatedAt when the workbook was written
 * @param filesRead files read in this run
 * @param returnsAccepted returns that count
 * @param returnsRejected returns rejected
 * @param toolVersion the tool's version
 * @param database where the data is kept (a description, never a password)
 * @param warning what a reader must know before using the figures (the year's last ingest
 * did not finish), or {@code null}
 */
public record RunInfo(LocalDateTime generatedAt, long filesRead, long returnsAccepted, long returnsRejected,
		String toolVersion, String database, String warning) {

}
