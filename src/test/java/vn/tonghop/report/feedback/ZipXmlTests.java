package vn.tonghop.report.feedback;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The small edits a feedback copy makes to the text of a workbook's parts. */
class ZipXmlTests {

	@Test
	void everyWorkbookViewLosesItsActiveAndFirstTab() {
		String workbook = "<workbook><bookViews><workbookView xWindow=\"0\" activeTab=\"2\" firstSheet=\"1\""
				+ " yWindow=\"0\"/><workbookView firstSheet = '3' activeTab='3'/></bookViews>"
				+ "<sheets><sheet name=\"activeTab\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
		assertThat(ZipXml.firstTabUnset(workbook))
			.isEqualTo("<workbook><bookViews><workbookView xWindow=\"0\" yWindow=\"0\"/><workbookView/></bookViews>"
					+ "<sheets><sheet name=\"activeTab\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
	}

	@Test
	void aWorkbookWithNoTabSetIsLeftAsItIs() {
		String workbook = "<workbook><bookViews><workbookView xWindow=\"0\"/></bookViews>"
				+ "<workbookViewer activeTab=\"1\"/></workbook>";
		assertThat(ZipXml.firstTabUnset(workbook)).isSameAs(workbook);
		assertThat(ZipXml.firstTabUnset("<workbook/>")).isEqualTo("<workbook/>");
	}

	@Test
	void escapesWhatXmlCannotHoldAndLeavesPlainTextAsItIs() {
		assertThat(ZipXml.escape("Số nữ > tổng & \"đúng\" <sai>\u0001\tx\r\n"))
			.isEqualTo("Số nữ &gt; tổng &amp; &quot;đúng&quot; &lt;sai&gt;\tx\r\n");
		String plain = "Công đoàn Công ty Ánh Dương, tổ 3\n";
		assertThat(ZipXml.escape(plain)).isSameAs(plain);
		assertThat(ZipXml.unescape(ZipXml.escape("a & b < c"))).isEqualTo("a & b < c");
	}

}
