package vn.tonghop.cli;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.transform.TransformerFactory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Aalto is on the class path for the fast {@code .xlsx} path only: whatever else looks a
 * StAX factory up (POI, the streaming reader) gets the JDK's, in the jar and in the
 * tests.
 */
class JdkXmlParsersTests {

	private static final List<String> PROPERTIES = List.copyOf(TonghopMain.JDK_XML_FACTORIES.keySet());

	private static final Map<String, Supplier<Object>> FACTORIES = Map.of("input", XMLInputFactory::newInstance,
			"output", XMLOutputFactory::newInstance, "event", XMLEventFactory::newInstance);

	@Test
	void theTestsLookUpTheJdksFactories() {
		FACTORIES.forEach((kind, factory) -> assertThat(factory.get().getClass().getName()).as(kind)
			.startsWith("com.sun.xml.internal.stream."));
	}

	@Test
	void theCommandLineSetsTheJdksFactoriesBeforeAnythingLooksThemUp() {
		Map<String, String> before = new java.util.HashMap<>();
		PROPERTIES.forEach((property) -> before.put(property, System.getProperty(property)));
		try {
			PROPERTIES.forEach(System::clearProperty);
			assertThat(XMLInputFactory.newInstance().getClass().getName())
				.as("without the setting, Aalto's is found first")
				.startsWith("com.fasterxml.aalto.");
			TonghopMain.jdkXmlParsers();
			FACTORIES.forEach((kind, factory) -> assertThat(factory.get().getClass().getName()).as(kind)
				.startsWith("com.sun.xml.internal.stream."));
			// named, so that no look-up searches the class path; and named right
			assertThat(System.getProperty("javax.xml.parsers.SAXParserFactory"))
				.isEqualTo(SAXParserFactory.newInstance().getClass().getName());
			assertThat(System.getProperty("javax.xml.parsers.DocumentBuilderFactory"))
				.isEqualTo(DocumentBuilderFactory.newInstance().getClass().getName());
			assertThat(System.getProperty("javax.xml.transform.TransformerFactory"))
				.isEqualTo(TransformerFactory.newInstance().getClass().getName());
		}
		finally {
			before.forEach((property, value) -> {
				if (value != null) {
					System.setProperty(property, value);
				}
				else {
					System.clearProperty(property);
				}
			});
		}
	}

}
