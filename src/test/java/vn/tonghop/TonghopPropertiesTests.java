package vn.tonghop;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.unit.DataSize;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;

import static org.assertj.core.api.Assertions.assertThat;

class TonghopPropertiesTests {

	@Test
	void bindsRuleFactorFromEnvironmentVariableToItsUpperCaseCode() {
		StandardEnvironment environment = new StandardEnvironment();
		// as Spring Boot sees the process environment: under the standard source name
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("TONGHOP_VALIDATION_FACTORS_W01", "0.2")));
		ConfigurationPropertySources.attach(environment);
		TonghopProperties properties = Binder.get(environment).bindOrCreate("tonghop", TonghopProperties.class);
		assertThat(properties.validation().factors()).containsEntry("W01", new BigDecimal("0.2"));
	}

	@Test
	void bindsDefaults() {
		TonghopProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("tonghop.chunk-size", "7")))
			.bindOrCreate("tonghop", TonghopProperties.class);
		assertThat(properties.chunkSize()).isEqualTo(7);
		assertThat(properties.progressSeconds()).isEqualTo(5);
		assertThat(properties.stopWait()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.limits().minFreeSpace()).isEqualTo(DataSize.ofMegabytes(64));
		assertThat(properties.validation().factors()).isEmpty();
	}

	@Test
	void serveHasTheDocumentedDefaultsAndNoInboxOrYearUnlessConfigured() {
		TonghopProperties.Serve serve = new Binder(new MapConfigurationPropertySource(Map.of()))
			.bindOrCreate("tonghop", TonghopProperties.class)
			.serve();
		assertThat(serve.input()).isNull();
		assertThat(serve.year()).isNull();
		assertThat(serve.output()).isEqualTo(Path.of("output"));
		assertThat(serve.cron()).isEqualTo("0 0 2 * * *");
		assertThat(serve.zone()).isEqualTo("Asia/Ho_Chi_Minh");
		assertThat(serve.port()).isEqualTo(8719);
		assertThat(serve.logFile()).isEqualTo(Path.of("logs/tonghop.log"));
	}

	@Test
	void bindsServeSettingsFromTheEnvironmentVariablesNamedInApplicationYml() {
		TonghopProperties.Serve serve = fromEnvironment(Map.of("TONGHOP_SERVE_INPUT", "/srv/tonghop/hộp thư",
				"TONGHOP_SERVE_YEAR", "2026", "TONGHOP_SERVE_CRON", "0 30 1 * * *", "TONGHOP_SERVE_PORT", "0",
				"TONGHOP_SERVE_LOG_FILE", "/var/log/tonghop/nhật ký.log"))
			.serve();
		assertThat(serve.input()).isEqualTo(Path.of("/srv/tonghop/hộp thư"));
		assertThat(serve.year()).isEqualTo(2026);
		assertThat(serve.cron()).isEqualTo("0 30 1 * * *");
		assertThat(serve.port()).isZero();
		assertThat(serve.logFile()).isEqualTo(Path.of("/var/log/tonghop/nhật ký.log"));
	}

	@Test
	void bindsDashedKeysFromEnvironmentVariablesWithOrWithoutTheUnderscore() {
		assertThat(fromEnvironment(Map.of("TONGHOP_HISTORY_KEEP_DAYS", "30")).history().keepDays()).isEqualTo(30);
		assertThat(fromEnvironment(Map.of("TONGHOP_HISTORY_KEEPDAYS", "31")).history().keepDays()).isEqualTo(31);
		assertThat(fromEnvironment(Map.of("TONGHOP_CHUNK_SIZE", "50")).chunkSize()).isEqualTo(50);
		assertThat(fromEnvironment(Map.of("TONGHOP_SERVE_LOGFILE", "a.log")).serve().logFile())
			.isEqualTo(Path.of("a.log"));
	}

	private static TonghopProperties fromEnvironment(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		ConfigurationPropertySources.attach(environment);
		return Binder.get(environment).bindOrCreate("tonghop", TonghopProperties.class);
	}

}
