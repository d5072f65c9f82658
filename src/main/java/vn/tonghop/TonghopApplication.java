package vn.tonghop;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.transaction.annotation.Isolation;

/**
 * The Spring application behind every command. The job repository lives in the same
 * database as the returns (JDBC, schema by Flyway).
 *
 * <p>
 * Spring Boot's own batch auto-configuration modules for 4.1 ({@code spring-boot-batch},
 * {@code spring-boot-batch-jdbc}) are not in the package registry this project builds
 * from, so Spring Batch is switched on here with its own annotations, which is what those
 * modules would do.
 *
 * <p>
 * The job repository creates job and step executions READ COMMITTED, not Spring Batch's
 * SERIALIZABLE. The consolidation's flows create their steps at the same moment, and on a
 * PostgreSQL database whose job tables have statistics (autovacuum gathers them)
 * PostgreSQL reads those small tables whole and failed one of the SERIALIZABLE
 * transactions ("could not serialize access due to read/write dependencies among
 * transactions"), and with it the consolidation. SERIALIZABLE was there to keep two
 * processes from starting the same job; that is {@code RunLock}'s work here (one run at a
 * time per database), and the job tables' unique keys stay. See
 * {@code ConcurrentStepsIntegrationTests}.
 *
 * <p>
 * What {@code @SpringBootApplication} declares, with one more filter: the web console
 * ({@code vn.tonghop.console}) is left out of the scan, so that only
 * {@code tonghop serve} has it ({@code ConsoleConfiguration} scans it).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = { @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
		@ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
		@ComponentScan.Filter(type = FilterType.REGEX, pattern = "vn\\.tonghop\\.console\\..*") })
@EnableBatchProcessing
@EnableJdbcJobRepository(isolationLevelForCreate = Isolation.READ_COMMITTED)
@EnableConfigurationProperties(TonghopProperties.class)
public class TonghopApplication {

}
