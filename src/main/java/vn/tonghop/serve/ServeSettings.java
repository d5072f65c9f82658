package vn.tonghop.serve;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * What {@code tonghop serve} runs and when, checked by the command before the application
 * starts.
 *
 * @param input the inbox folder
 * @param year the year consolidated
 * @param output the output folder
 * @param cron the schedule, a valid Spring cron expression
 * @param zone the time zone of {@code cron}
 * @param database the database as people know it: the data folder or the JDBC URL
 * @param logFile the rolling log file, absolute
 * @param now whether to run once at start, before the schedule
 * @param embedded whether the database is an embedded H2 file: its connections are closed
 * between runs, so that other commands can open it meanwhile
 * @param dataDir the data folder ({@code --data-dir}, also with {@code --db}): the
 * unions' uploads are kept in it
 */
public record ServeSettings(Path input, int year, Path output, String cron, ZoneId zone, String database, Path logFile,
		boolean now, boolean embedded, Path dataDir) {

}
