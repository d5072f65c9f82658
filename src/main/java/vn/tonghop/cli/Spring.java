package vn.tonghop.cli;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import vn.tonghop.TonghopApplication;
import vn.tonghop.job.BatchRunner;
import vn.tonghop.job.RunLock;
import vn.tonghop.job.RunSummary;

/** Starts the Spring application for a job command; the command line is not passed on. */
final class Spring {

	private Spring() {
	}

	/** What a job command does once the application is up; returns its exit status. */
	@FunctionalInterface
	interface Work {

		int run(BatchRunner runner, RunSummary summary) throws Exception;

	}

	/**
	 * Runs a job command holding the {@link RunLock} of the database: when another run
	 * holds it, fails with {@link RunLock.Busy} before any job starts.
	 */
	static int run(DatabaseOptions database, Work work) throws Exception {
		return inContext(database, (context) -> {
			try (RunLock lock = RunLock.acquire(context.getBean(DataSource.class), where(database))) {
				return work.run(context.getBean(BatchRunner.class), context.getBean(RunSummary.class));
			}
		});
	}

	/**
	 * What a command that needs the database but runs no job does; returns its exit
	 * status.
	 */
	@FunctionalInterface
	interface ContextWork {

		int run(ConfigurableApplicationContext context) throws Exception;

	}

	static int inContext(DatabaseOptions database, ContextWork work) throws Exception {
		try (ConfigurableApplicationContext context = start(database)) {
			return work.run(context);
		}
	}

	/** 0 when the job completed, 1 when it failed. */
	static int status(JobExecution execution) {
		return (execution.getStatus() == BatchStatus.COMPLETED) ? 0 : 1;
	}

	private static ConfigurableApplicationContext start(DatabaseOptions database) {
		SpringApplication application = new SpringApplication(TonghopApplication.class);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setWebApplicationType(WebApplicationType.NONE);
		Map<String, Object> properties = database.springProperties();
		application.setDefaultProperties(properties);
		// the database chosen on the command line wins over application.yml and the
		// environment
		try {
			return application.run("--spring.datasource.url=" + properties.get("spring.datasource.url"));
		}
		catch (RuntimeException ex) {
			// another process has the embedded H2 file open
			if (RunLock.databaseInUse(ex)) {
				throw new RunLock.Busy(RunLock.busyMessage(where(database)), ex);
			}
			throw ex;
		}
	}

	/**
	 * The database as people know it: the data folder, or the JDBC URL without options.
	 */
	static String where(DatabaseOptions database) {
		if (database.jdbcUrl != null) {
			int options = database.jdbcUrl.indexOf('?');
			return (options < 0) ? database.jdbcUrl : database.jdbcUrl.substring(0, options);
		}
		return database.dataDir.toAbsolutePath().normalize().toString();
	}

}
