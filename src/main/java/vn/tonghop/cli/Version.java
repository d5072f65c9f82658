package vn.tonghop.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest. */
class Version implements IVersionProvider {

	static String current() {
		String version = Version.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "development";
	}

	@Override
	public String[] getVersion() {
		return new String[] { "tonghop " + current() };
	}

}
