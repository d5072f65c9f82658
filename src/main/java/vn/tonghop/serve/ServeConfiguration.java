package vn.tonghop.serve;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import vn.tonghop.job.BatchRunner;
import vn.tonghop.job.RunSummary;

/**
 * The beans of {@code tonghop serve}, added as a source of its application only. Not a
 * {@code @Configuration}, so that the component scan of the other commands does not find
 * it; its {@code @Bean} methods are processed all the same.
 */
public class ServeConfiguration {

	@Bean
	RunMetrics runMetrics(MeterRegistry registry) {
		return new RunMetrics(registry);
	}

	@Bean
	NightlyRuns nightlyRuns(ServeSettings settings, DataSource dataSource, BatchRunner runner, RunSummary summary,
			RunMetrics metrics, Environment environment) {
		return new NightlyRuns(settings, dataSource, runner, summary, metrics, environment);
	}

}
