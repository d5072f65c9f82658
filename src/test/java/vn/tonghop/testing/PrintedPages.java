package vn.tonghop.testing;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Assumptions;

/**
 * A workbook as LibreOffice prints it: converted to PDF by {@code soffice --headless},
 * read back page by page (text, and the size in points of every character as printed,
 * after any fit-to-page scaling), and drawn as PNG files for a person to look at.
 * <p>
 * Where LibreOffice is not installed, {@link #print} skips the calling test with a notice
 * ({@code apt-get install libreoffice-calc-nogui}; {@code .ci/run} installs it).
 */
public final class PrintedPages {

	/** One printed page: its text in reading order, and its smallest glyph. */
	public record Page(int number, String text, float smallestFontSize, List<String> smallLines) {

	}

	private final List<Page> pages;

	private final Path pdf;

	private PrintedPages(List<Page> pages, Path pdf) {
		this.pages = pages;
		this.pdf = pdf;
	}

	/** The pages, first to last. */
	public List<Page> pages() {
		return this.pages;
	}

	/** The PDF LibreOffice wrote. */
	public Path pdf() {
		return this.pdf;
	}

	/** Every page's text, one after the other. */
	public String text() {
		StringBuilder text = new StringBuilder();
		for (Page page : this.pages) {
			text.append(page.text()).append('\f');
		}
		return text.toString();
	}

	/**
	 * Prints {@code workbook} with LibreOffice into {@code folder} (the PDF, and a PNG
	 * per page at {@code dpi} when {@code dpi > 0}, named after the workbook), and reads
	 * the pages back. Skips the test where LibreOffice is missing.
	 */
	public static PrintedPages print(Path workbook, Path folder, int dpi) throws IOException, InterruptedException {
		String soffice = soffice();
		Assumptions.assumeTrue(soffice != null, "LibreOffice (soffice) is not installed: the printed pages of "
				+ workbook.getFileName() + " are not checked (apt-get install libreoffice-calc-nogui)");
		Files.createDirectories(folder);
		Path profile = Files.createTempDirectory("tonghop-libreoffice");
		String name = workbook.getFileName().toString();
		String base = name.substring(0, name.lastIndexOf('.'));
		Path pdf = folder.resolve(base + ".pdf");
		Files.deleteIfExists(pdf);
		Process process = new ProcessBuilder(soffice, "-env:UserInstallation=" + profile.toUri(), "--headless",
				"--norestore", "--convert-to", "pdf", "--outdir", folder.toString(), workbook.toString())
			.redirectErrorStream(true)
			.redirectOutput(folder.resolve(base + ".soffice.log").toFile())
			.start();
		try {
			if (!process.waitFor(180, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException("LibreOffice did not print " + workbook + " within 180 s");
			}
		}
		finally {
			deleteTree(profile);
		}
		if (!Files.exists(pdf)) {
			throw new IOException("LibreOffice wrote no PDF for " + workbook + " (exit " + process.exitValue()
					+ "; see " + folder.resolve(base + ".soffice.log") + ")");
		}
		return read(pdf, dpi);
	}

	/**
	 * Reads a PDF's pages back; draws them as PNG files beside it when {@code dpi > 0}.
	 */
	public static PrintedPages read(Path pdf, int dpi) throws IOException {
		String base = pdf.getFileName().toString().replaceFirst("\\.pdf$", "");
		List<Page> pages = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			PDFRenderer renderer = new PDFRenderer(document);
			for (int i = 0; i < document.getNumberOfPages(); i++) {
				pages.add(page(document, i + 1));
				if (dpi > 0) {
					BufferedImage image = renderer.renderImageWithDPI(i, dpi);
					File png = pdf.resolveSibling(String.format(Locale.ROOT, "%s-%02d.png", base, i + 1)).toFile();
					ImageIO.write(image, "png", png);
				}
			}
		}
		return new PrintedPages(List.copyOf(pages), pdf);
	}

	private static Page page(PDDocument document, int number) throws IOException {
		float[] smallest = { Float.MAX_VALUE };
		List<String> small = new ArrayList<>();
		PDFTextStripper stripper = new PDFTextStripper() {
			@Override
			protected void writeString(String text, List<TextPosition> positions) throws IOException {
				float least = Float.MAX_VALUE;
				for (TextPosition position : positions) {
					if (!position.getUnicode().isBlank()) {
						// the size as printed: the text rendering matrix holds the font
						// size, the text
						// matrix and the page scale (getFontSizeInPt leaves the scale
						// out, and is
						// truncated to a whole point)
						least = Math.min(least, Math.abs(position.getYScale()));
					}
				}
				if (least < smallest[0]) {
					smallest[0] = least;
				}
				if (least < 8f && small.size() < 20) {
					small.add(String.format(Locale.ROOT, "%.1f pt: %s", least, text));
				}
				super.writeString(text, positions);
			}
		};
		stripper.setSortByPosition(true);
		stripper.setStartPage(number);
		stripper.setEndPage(number);
		String text = stripper.getText(document);
		return new Page(number, text, (smallest[0] == Float.MAX_VALUE) ? 0f : smallest[0], List.copyOf(small));
	}

	/** The LibreOffice program, or {@code null} when it is not installed. */
	public static String soffice() {
		for (String candidate : List.of("/usr/bin/soffice", "/usr/bin/libreoffice",
				"/usr/lib/libreoffice/program/soffice", "/opt/homebrew/bin/soffice",
				"/Applications/LibreOffice.app/Contents/MacOS/soffice")) {
			if (Files.isExecutable(Path.of(candidate))) {
				return candidate;
			}
		}
		return null;
	}

	private static void deleteTree(Path folder) throws IOException {
		try (var paths = Files.walk(folder)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
