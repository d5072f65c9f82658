package vn.tonghop.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import vn.tonghop.read.FastXlsxReader.Unhandled;

/**
 * The workbook part ({@code xl/workbook.xml}) as the fast path reads it: the list of
 * sheets, each with its name, state and relationship, and the date system.
 *
 * @param sheets the sheets, in order
 * @param date1904 whether the workbook counts its dates from 1904
 * ({@code <workbookPr date1904="1"/>})
 */
record XlsxWorkbook(List<XlsxWorkbook.SheetRef> sheets, boolean date1904) {

	private static final String NS_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	/** A sheet of the workbook: its name, whether it is hidden, its relationship. */
	record SheetRef(String name, boolean hidden, String relationshipId) {
	}

	/**
	 * The workbook part read. The streaming reader takes names and states from
	 * {@code /workbook/sheets/sheet} (DOM) and the parts from every element named
	 * {@code sheet} (SAX); the two must be the same list. It takes the date system from
	 * the {@code date1904} attribute of {@code /workbook/workbookPr} when there is one
	 * such element.
	 */
	static XlsxWorkbook read(XlsxPackage pkg, XlsxPackage.Part workbook)
			throws Unhandled, IOException, XMLStreamException {
		return pkg.known(XlsxParsedParts.WORKBOOK, workbook.entry(), () -> parse(pkg, workbook));
	}

	private static XlsxWorkbook parse(XlsxPackage pkg, XlsxPackage.Part workbook)
			throws Unhandled, IOException, XMLStreamException {
		List<SheetRef> sheets = new ArrayList<>();
		int properties = 0;
		String date1904 = null;
		try (XlsxXml xml = new XlsxXml(pkg.open(workbook))) {
			boolean inSheets = false;
			while (xml.next()) {
				if (xml.isStart()) {
					String namespace = xml.namespace();
					String localName = xml.localName();
					if (xml.depth() == 1 && !(XlsxXml.NS_MAIN.equals(namespace) && "workbook".equals(localName))) {
						throw new Unhandled("not a transitional workbook");
					}
					if (xml.depth() == 2) {
						inSheets = XlsxXml.NS_MAIN.equals(namespace) && "sheets".equals(localName);
						if (XlsxXml.NS_MAIN.equals(namespace) && "workbookPr".equals(localName)) {
							properties++;
							date1904 = xml.plainAttribute("date1904", null);
						}
					}
					if (localName.equalsIgnoreCase("sheet")) {
						if (!(inSheets && xml.depth() == 3 && XlsxXml.NS_MAIN.equals(namespace)
								&& "sheet".equals(localName))) {
							throw new Unhandled("sheet element out of place");
						}
						sheets.add(sheetRef(xml));
					}
				}
				else if (xml.isEnd() && xml.depth() == 2) {
					inSheets = false;
				}
			}
		}
		// WorkbookUtil.use1904Dates: one workbookPr, its date1904 "1" or "true"
		boolean dates1904 = properties == 1 && date1904 != null
				&& (date1904.equals("1") || date1904.equalsIgnoreCase("true"));
		return new XlsxWorkbook(Collections.unmodifiableList(sheets), dates1904);
	}

	/**
	 * A {@code sheet} element as both the DOM and the SAX reading of the workbook see it:
	 * one {@code name}, one {@code r:id}, nothing else they could mistake for those.
	 */
	private static SheetRef sheetRef(XlsxXml xml) throws Unhandled {
		XMLStreamReader reader = xml.reader();
		String name = null;
		String id = null;
		for (int i = 0; i < reader.getAttributeCount(); i++) {
			String namespace = reader.getAttributeNamespace(i);
			boolean plain = namespace == null || namespace.isEmpty();
			String localName = reader.getAttributeLocalName(i);
			if (localName.equalsIgnoreCase("name")) {
				if (name != null || !plain || !localName.equals("name")) {
					throw new Unhandled("unusual sheet name attribute");
				}
				name = reader.getAttributeValue(i);
			}
			else if (localName.equalsIgnoreCase("id")) {
				if (id != null || !NS_RELATIONSHIPS.equals(namespace) || !localName.equals("id")) {
					throw new Unhandled("unusual sheet id attribute");
				}
				id = reader.getAttributeValue(i);
			}
		}
		if (name == null || id == null || id.isEmpty()) {
			throw new Unhandled("sheet without name or id");
		}
		String state = xml.plainAttribute("state", "visible");
		return new SheetRef(name, state.equals("hidden") || state.equals("veryHidden"), id);
	}

}
