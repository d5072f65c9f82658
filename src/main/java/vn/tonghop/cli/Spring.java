package vn.tonghop.cli;

import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import vn.tonghop.TonghopApplication;

/** Starts the Spring application for a command; the command line is not passed on. */
final class Spring {

	private Spring() {
	}

	static ConfigurableApplicationContext start(DatabaseOptions database) {
		SpringApplication application = new SpringApplication(TonghopApplication.class);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setWebApplicationType(WebApplicationType.NONE);
		Map<String, Object> properties = database.springProperties();
		application.setDefaultProperties(properties);
		// command-line values win over application.yml: pass them as the highest source
		return application.run("--spring.datasource.url=" + properties.get("spring.datasource.url"));
	}

}
