package vn.tonghop;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
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
		assertThat(properties.validation().factors()).isEmpty();
	}

}
