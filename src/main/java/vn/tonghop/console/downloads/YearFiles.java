package vn.tonghop.console.downloads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import vn.tonghop.console.Scope;
import vn.tonghop.job.BatchRunner;
import vn.tonghop.job.RunLock;
import vn.tonghop.report.CsvReports;
import vn.tonghop.report.YearOutputs;
import vn.tonghop.serve.ServeSettings;

import javax.sql.DataSource;

/**
 * The outputs of a year a user may download: for the federation (every province) the
 * published folder {@code OUTPUT/Y/}; for an analyst, the same outputs consolidated for
 * her provinces only ({@code tonghop consolidate --province}), in
 * {@code OUTPUT/.pham-vi/<codes>/Y/}, made again whenever the published folder is newer.
 * Only files the consolidation listed in its manifest are offered, by name; a name from a
 * request is looked up in that list, never joined to a path as it came.
 */
@Component
class YearFiles {

	/** Where the outputs of the analysts' scopes are kept, in the output folder. */
	static final String SCOPES = ".pham-vi";

	private static final Log logger = LogFactory.getLog(YearFiles.class);

	private final ServeSettings settings;

	private final BatchRunner runner;

	private final DataSource dataSource;

	YearFiles(ServeSettings settings, BatchRunner runner, DataSource dataSource) {
		this.settings = settings;
		this.runner = runner;
		this.dataSource = dataSource;
	}

	/** One file of the year's outputs. */
	record YearFile(String name, long bytes, LocalDateTime modified) {

	}

	/** The output folder a scope's files come from (a consolidation's OUTPUT). */
	Path outputOf(Scope scope) {
		if (scope.all()) {
			return this.settings.output();
		}
		return this.settings.output().resolve(SCOPES).resolve(String.join("-", scope.provinces()));
	}

	/** The year's folder of a scope: {@code outputOf(scope)/Y}. */
	Path folder(Scope scope, int year) {
		return CsvReports.yearFolder(outputOf(scope), year);
	}

	/** Whether the scope's outputs are there and as new as the published ones. */
	boolean current(Scope scope, int year) {
		Path manifest = folder(scope, year).resolve(YearOutputs.MANIFEST);
		if (!Files.isRegularFile(manifest)) {
			return false;
		}
		if (scope.all()) {
			return true;
		}
		Path published = CsvReports.yearFolder(this.settings.output(), year).resolve(YearOutputs.MANIFEST);
		try {
			return !Files.isRegularFile(published)
					|| Files.getLastModifiedTime(manifest).compareTo(Files.getLastModifiedTime(published)) >= 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Consolidates the year for an analyst's scope, under the run lock.
	 * @return null when done, else why not, for people
	 */
	String prepare(Scope scope, int year) {
		try (RunLock lock = RunLock.acquire(this.dataSource, this.settings.database())) {
			JobExecution execution = this.runner.consolidate(year, outputOf(scope), false, scope.toProvinceScope());
			if (execution.getStatus() != BatchStatus.COMPLETED) {
				return "lần tổng hợp theo phạm vi không xong (" + execution.getStatus() + ")";
			}
			return null;
		}
		catch (RunLock.Busy ex) {
			return ex.getMessage();
		}
		catch (Exception ex) {
			if (RunLock.databaseInUse(ex)) {
				return RunLock.busyMessage(this.settings.database());
			}
			logger.warn("Không tổng hợp được theo phạm vi " + scope.provinces() + ": " + ex.getMessage());
			logger.debug("Tổng hợp theo phạm vi thất bại", ex);
			return ex.getMessage();
		}
	}

	/** The files of the scope's year folder that its manifest lists, by name. */
	List<YearFile> list(Scope scope, int year) {
		Path folder = folder(scope, year);
		Path manifest = folder.resolve(YearOutputs.MANIFEST);
		List<YearFile> files = new ArrayList<>();
		if (!Files.isRegularFile(manifest)) {
			return files;
		}
		try (Stream<String> lines = Files.lines(manifest)) {
			for (String name : lines.filter((line) -> !line.isBlank() && !line.startsWith("#")).sorted().toList()) {
				Path file = folder.resolve(name);
				if (Files.isRegularFile(file) && file.normalize().getParent().equals(folder.normalize())) {
					files.add(new YearFile(name, Files.size(file), LocalDateTime
						.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneId.systemDefault())));
				}
			}
		}
		catch (IOException ex) {
			logger.debug("Không đọc được " + manifest, ex);
		}
		// the workbook first, then the CSVs by name
		files.sort((a, b) -> Boolean.compare(!a.name().endsWith(".xlsx"), !b.name().endsWith(".xlsx")));
		return files;
	}

	/**
	 * The file of the scope's year named {@code name}, when it is one of {@link #list}.
	 */
	Optional<Path> find(Scope scope, int year, String name) {
		return list(scope, year).stream()
			.filter((file) -> file.name().equals(name))
			.findFirst()
			.map((file) -> folder(scope, year).resolve(file.name()));
	}

}
