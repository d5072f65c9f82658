package vn.tonghop;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;

/**
 * The Spring application behind every command. The job repository lives in the same
 * database as the returns (JDBC, schema by Flyway).
 *
 * <p>
 * Spring Boot's own batch auto-configuration modules for 4.1 ({@code spring-boot-batch},
 * {@code spring-boot-batch-jdbc}) are not in the package registry this project builds
 * from, so Spring Batch is switched on here with its own annotations, which is what those
 * modules would do.
 */
@SpringBootApplication
@EnableBatchProcessing
@EnableJdbcJobRepository
@EnableConfigurationProperties(TonghopProperties.class)
public class TonghopApplication {

}
