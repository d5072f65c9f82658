package vn.tonghop.cli;

import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.core.env.StandardEnvironment;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Settings a command checks before the application starts, as the application will see
 * them: from {@code application.yml}, the other configuration files, the system
 * properties and the environment.
 */
final class Settings {

	private Settings() {
	}

	/**
	 * The settings under {@code prefix}, bound to {@code type}.
	 * @throws CommandLine.ParameterException naming the key, its value and where it was
	 * set, when a value does not fit
	 */
	static <T> T bind(CommandSpec spec, String prefix, Class<T> type) {
		StandardEnvironment environment = new StandardEnvironment();
		ConfigDataEnvironmentPostProcessor.applyTo(environment);
		try {
			return Binder.get(environment).bindOrCreate(prefix, type);
		}
		catch (BindException ex) {
			ConfigurationProperty property = ex.getProperty();
			String what = (property != null)
					? property.getName() + " = " + property.getValue()
							+ ((property.getOrigin() != null) ? " (" + property.getOrigin() + ")" : "")
					: ex.getName().toString();
			throw new CommandLine.ParameterException(spec.commandLine(), "giá trị cấu hình không hợp lệ: " + what);
		}
	}

}
