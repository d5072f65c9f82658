package vn.tonghop.read;

import java.io.IOException;
import java.io.InputStream;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.aalto.stax.InputFactoryImpl;

import vn.tonghop.read.FastXlsxReader.Unhandled;

/**
 * The fast path's StAX reader of one part: it refuses what the fast path does not read: a
 * DTD (so an entity is never resolved), entity references, whitespace the parser calls
 * ignorable, and CDATA reported apart from text where that is not allowed (the JDK's
 * parser reports it as text, to the streaming reader as here). Comments and processing
 * instructions are skipped, as by every path.
 */
final class XlsxXml implements AutoCloseable {

	/** The spreadsheet namespace of transitional OOXML. */
	static final String NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	/**
	 * One factory per thread: the reader is shared by the ingest partitions' threads, and
	 * StAX does not promise that a factory may create readers for several at once.
	 */
	private static final ThreadLocal<XMLInputFactory> XML = ThreadLocal.withInitial(XlsxXml::xmlInputFactory);

	private final InputStream in;

	private final XMLStreamReader reader;

	private int depth;

	private int event;

	private boolean cdataAllowed;

	XlsxXml(InputStream in) throws XMLStreamException {
		this.in = in;
		this.reader = XML.get().createXMLStreamReader(in);
	}

	/**
	 * Aalto's StAX parser, about twice as fast as the JDK's on these small parts, set as
	 * POI sets its own: namespace aware, not validating, no DTD, no external entities.
	 * Whatever it reads differently from the streaming path's parser (an entity it does
	 * not know, CDATA, a DOCTYPE) is refused here or fails the attempt, and the file goes
	 * to the streaming path.
	 */
	private static XMLInputFactory xmlInputFactory() {
		XMLInputFactory factory = new InputFactoryImpl();
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		return factory;
	}

	void allowCdata() {
		this.cdataAllowed = true;
	}

	/** Moves to the next start, end or text; false at the end of the document. */
	boolean next() throws XMLStreamException, Unhandled {
		while (this.reader.hasNext()) {
			this.event = this.reader.next();
			switch (this.event) {
				case XMLStreamConstants.START_ELEMENT -> {
					this.depth++;
					return true;
				}
				case XMLStreamConstants.END_ELEMENT -> {
					this.depth--;
					return true;
				}
				case XMLStreamConstants.CHARACTERS -> {
					if (this.depth > 0) {
						return true;
					}
				}
				case XMLStreamConstants.CDATA -> {
					if (!this.cdataAllowed) {
						throw new Unhandled("CDATA section");
					}
					return true;
				}
				case XMLStreamConstants.SPACE -> {
					if (this.depth > 0) {
						throw new Unhandled("ignorable whitespace");
					}
				}
				case XMLStreamConstants.DTD -> throw new Unhandled(FastXlsxReader.DOCTYPE);
				case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION,
						XMLStreamConstants.NOTATION_DECLARATION ->
					throw new Unhandled("entity");
				default -> {
					// comments, processing instructions, the document's start and end
				}
			}
		}
		return false;
	}

	boolean isStart() {
		return this.event == XMLStreamConstants.START_ELEMENT;
	}

	boolean isEnd() {
		return this.event == XMLStreamConstants.END_ELEMENT;
	}

	boolean isText() {
		return this.event == XMLStreamConstants.CHARACTERS || this.event == XMLStreamConstants.CDATA;
	}

	boolean isCharacters() {
		return this.event == XMLStreamConstants.CHARACTERS;
	}

	/** Depth of the current element: 1 for the document element. */
	int depth() {
		return isEnd() ? this.depth + 1 : this.depth;
	}

	/** The element's namespace, "" for none. */
	String namespace() {
		String namespace = this.reader.getNamespaceURI();
		return (namespace != null) ? namespace : "";
	}

	String localName() {
		return this.reader.getLocalName();
	}

	/**
	 * The last element's namespace, and what {@link #inMain} and {@link #inAMain} say of
	 * it: the parser gives the same string for the same namespace, so the strings are
	 * compared only when the namespace changes.
	 */
	private String namespaceSeen;

	private boolean namespaceIsMain;

	private boolean namespaceEndsInMain;

	private void see() {
		String namespace = namespace();
		if (namespace != this.namespaceSeen) {
			this.namespaceSeen = namespace;
			this.namespaceIsMain = NS_MAIN.equals(namespace);
			this.namespaceEndsInMain = namespace.endsWith("/main");
		}
	}

	/** Whether the element is in the spreadsheet namespace. */
	boolean inMain() {
		see();
		return this.namespaceIsMain;
	}

	/**
	 * Whether the element is in a namespace ending in /main, as the streaming reader asks
	 * of every element of a sheet.
	 */
	boolean inAMain() {
		see();
		return this.namespaceEndsInMain;
	}

	String text() {
		return this.reader.getText();
	}

	void appendText(StringBuilder to) {
		to.append(this.reader.getTextCharacters(), this.reader.getTextStart(), this.reader.getTextLength());
	}

	/** The value of the attribute without a namespace, or {@code absent}. */
	String plainAttribute(String localName, String absent) {
		for (int i = 0; i < this.reader.getAttributeCount(); i++) {
			String namespace = this.reader.getAttributeNamespace(i);
			if ((namespace == null || namespace.isEmpty()) && localName.equals(this.reader.getAttributeLocalName(i))) {
				return this.reader.getAttributeValue(i);
			}
		}
		return absent;
	}

	/**
	 * The plain attributes {@code r}, {@code s} and {@code t} of a cell, each as
	 * {@link #plainAttribute} gives it (null when absent), in one pass over the
	 * attributes: {@code values[0]}, {@code [1]} and {@code [2]}.
	 */
	void cellAttributes(String[] values) {
		values[0] = null;
		values[1] = null;
		values[2] = null;
		int count = this.reader.getAttributeCount();
		for (int i = 0; i < count; i++) {
			String localName = this.reader.getAttributeLocalName(i);
			int slot = (localName.length() != 1) ? -1 : switch (localName.charAt(0)) {
				case 'r' -> 0;
				case 's' -> 1;
				case 't' -> 2;
				default -> -1;
			};
			if (slot >= 0 && values[slot] == null) {
				String namespace = this.reader.getAttributeNamespace(i);
				if (namespace == null || namespace.isEmpty()) {
					values[slot] = this.reader.getAttributeValue(i);
				}
			}
		}
	}

	/** XMLBeans acts on {@code xsi:type} and {@code xsi:nil}: left to it. */
	void checkNoSchemaInstanceAttributes() throws Unhandled {
		for (int i = 0; i < this.reader.getAttributeCount(); i++) {
			if (XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(this.reader.getAttributeNamespace(i))) {
				throw new Unhandled("xsi attribute in a part XMLBeans reads");
			}
		}
	}

	/**
	 * The parser itself, for the checks of an element's attributes and namespaces that
	 * look at all of them ({@link XlsxWorkbook}, {@link XlsxCoreProperties}).
	 */
	XMLStreamReader reader() {
		return this.reader;
	}

	@Override
	public void close() throws IOException {
		try {
			this.reader.close();
		}
		catch (XMLStreamException ex) {
			// the stream is closed below
		}
		this.in.close();
	}

}
