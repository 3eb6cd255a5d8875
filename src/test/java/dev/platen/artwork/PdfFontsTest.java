package dev.platen.artwork;

import dev.platen.preflight.QualityChecks;
import dev.platen.preflight.QualityFinding;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** FONT_NOT_EMBEDDED: what pdffonts says, as a finding an operator sees as a problem. */
class PdfFontsTest {

    @TempDir
    Path dir;

    private Path pdf(boolean embedded) throws Exception {
        Path file = dir.resolve(embedded ? "embedded.pdf" : "helvetica.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                if (embedded) {
                    try (InputStream ttf = PDDocument.class.getResourceAsStream(
                            "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
                        cs.setFont(PDType0Font.load(doc, ttf), 24);
                    }
                } else {
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 24);
                }
                cs.newLineAtOffset(72, 700);
                cs.showText("Hello");
                cs.endText();
            }
            doc.save(file.toFile());
        }
        return file;
    }

    @Test
    void aStandardFontWithoutItsFileIsNotEmbeddedAndAProblemForAnOperator() throws Exception {
        Path file = pdf(false);
        String pdffonts = ProcessRun.run("pdffonts", file.toString());
        assertThat(pdffonts).containsPattern("Helvetica\\s+Type 1\\s+\\S+\\s+no");

        ArtworkHeader header = new ArtworkInspector(ArtworkLimits.defaults()).readHeader(file);
        assertThat(header.findings()).extracting(Finding::code).contains(Finding.FONT_NOT_EMBEDDED);
        assertThat(header.findings()).filteredOn(f -> f.code().equals(Finding.FONT_NOT_EMBEDDED))
                .extracting(Finding::message).allMatch(m -> m.contains("Helvetica"));
        List<QualityFinding> quality = QualityChecks.fromDecoding(header.findings());
        assertThat(quality).extracting(QualityFinding::code, QualityFinding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Finding.FONT_NOT_EMBEDDED,
                        QualityFinding.Severity.PROBLEM));
    }

    @Test
    void anEmbeddedFontGivesNoFinding() throws Exception {
        Path file = pdf(true);
        assertThat(ProcessRun.run("pdffonts", file.toString())).containsPattern("LiberationSans.*yes");
        ArtworkHeader header = new ArtworkInspector(ArtworkLimits.defaults()).readHeader(file);
        assertThat(header.findings()).extracting(Finding::code).doesNotContain(Finding.FONT_NOT_EMBEDDED);
    }

    /** poppler's pdffonts, the independent view of what the file embeds. */
    private static final class ProcessRun {
        static String run(String... command) throws Exception {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as(out).isZero();
            return out;
        }
    }
}
